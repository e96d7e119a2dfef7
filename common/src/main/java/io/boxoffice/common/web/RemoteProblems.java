package io.boxoffice.common.web;

import java.util.Map;
import java.util.function.Supplier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.reactive.function.client.ClientResponse;
import reactor.core.publisher.Mono;

/**
 * Relays a neighbour's error answer (another Boxoffice service) to our own client. Only a problem document
 * with a {@code code} is the neighbour's answer about the request and passes through with its status and
 * detail; a 5xx or an error without a code is an outage, answered as {@code unavailable}.
 */
public final class RemoteProblems {

    private RemoteProblems() {
    }

    /** For {@code WebClient.ResponseSpec.onStatus(HttpStatusCode::isError, ...)}. */
    public static Mono<Throwable> relay(ClientResponse response, Supplier<ApiException> unavailable) {
        int status = response.statusCode().value();
        return response.bodyToMono(new ParameterizedTypeReference<Map<String, Object>>() { })
                .defaultIfEmpty(Map.of())
                .map(body -> {
                    Object code = body.get("code");
                    Object detail = body.get("detail");
                    if (status >= 500 || code == null) {
                        return unavailable.get();
                    }
                    return new ApiException(status, code.toString(), detail == null ? "" : detail.toString());
                });
    }
}
