package io.boxoffice.gateway.stats;

import io.boxoffice.common.ProblemCodes;
import io.boxoffice.common.web.ApiException;
import io.boxoffice.gateway.GatewayProperties;
import java.time.Duration;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * Reads a show's statistics from the booking-processor's {@code /internal/shows/{id}/stats}, which routes the
 * read to the statistics app's owner of the show. The processor's problem documents (404 show_not_found)
 * pass through; anything else that goes wrong is 503 {@code unavailable}.
 */
@Component
class StatsQueries {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final WebClient web;

    StatsQueries(WebClient.Builder builder, GatewayProperties properties) {
        this.web = builder.baseUrl(properties.processorUrl() + "/internal").build();
    }

    Mono<ShowStatistics> stats(String showId) {
        return web.get().uri("/shows/{id}/stats", showId)
                .retrieve()
                .onStatus(HttpStatusCode::isError, StatsQueries::problem)
                .bodyToMono(ShowStatistics.class)
                .timeout(TIMEOUT)
                .onErrorMap(e -> !(e instanceof ApiException), e -> unavailable());
    }

    private static ApiException unavailable() {
        return new ApiException(503, ProblemCodes.UNAVAILABLE,
                "The show statistics are not reachable right now; try again", Map.of());
    }

    private static Mono<Throwable> problem(ClientResponse response) {
        int status = response.statusCode().value();
        return response.bodyToMono(new ParameterizedTypeReference<Map<String, Object>>() { })
                .defaultIfEmpty(Map.of())
                .map(body -> {
                    Object code = body.get("code");
                    Object detail = body.get("detail");
                    // Only the processor's own answer about the show is relayed; a 404 without one is an outage.
                    if (status >= 500 || code == null) {
                        return unavailable();
                    }
                    return new ApiException(status, code.toString(), detail == null ? "" : detail.toString());
                });
    }
}
