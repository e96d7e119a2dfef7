package io.boxoffice.processor.query;

import io.boxoffice.common.ProblemCodes;
import io.boxoffice.common.booking.Items;
import io.boxoffice.common.web.ApiException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.HostInfo;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * Asks the other processor instances for what their partitions hold. A forwarded request is marked, so
 * that an instance which does not own the key either (ownership moved meanwhile) answers 503 instead of
 * forwarding again. Their problem documents pass through; an unreachable peer is 503 {@code unavailable}.
 */
@Component
public class Peers {
    public static final String FORWARDED = "X-Boxoffice-Forwarded";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final WebClient web;

    Peers() {
        // A user's bookings or the movie list of one instance can exceed the 256 KB default buffer.
        this.web = WebClient.builder()
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
                .build();
    }

    public <T> Mono<T> get(HostInfo host, String path, Class<T> type) {
        return web.get().uri("http://" + host.host() + ":" + host.port() + path)
                .header(FORWARDED, "1")
                .retrieve()
                .onStatus(HttpStatusCode::isError, Peers::problem)
                .bodyToMono(type)
                .timeout(TIMEOUT)
                .onErrorMap(e -> !(e instanceof ApiException), e -> unavailable());
    }

    <T> Mono<List<T>> list(HostInfo host, String path, Class<T> element) {
        ParameterizedTypeReference<Items<T>> type = ParameterizedTypeReference.forType(
                ResolvableType.forClassWithGenerics(Items.class, element).getType());
        return web.get().uri("http://" + host.host() + ":" + host.port() + path)
                .header(FORWARDED, "1")
                .retrieve()
                .onStatus(HttpStatusCode::isError, Peers::problem)
                .bodyToMono(type)
                .map(Items::items)
                .timeout(TIMEOUT)
                .onErrorMap(e -> !(e instanceof ApiException), e -> unavailable());
    }

    public static ApiException unavailable() {
        return new ApiException(503, ProblemCodes.UNAVAILABLE,
                "The booking system is rebalancing or partly unreachable; try again", Map.of());
    }

    private static Mono<Throwable> problem(ClientResponse response) {
        int status = response.statusCode().value();
        return response.bodyToMono(new ParameterizedTypeReference<Map<String, Object>>() { })
                .defaultIfEmpty(Map.of())
                .map(body -> body.get("code") == null || status >= 500 ? unavailable()
                        : new ApiException(status, body.get("code").toString(),
                                String.valueOf(body.getOrDefault("detail", ""))));
    }
}
