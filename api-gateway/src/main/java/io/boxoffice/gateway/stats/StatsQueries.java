package io.boxoffice.gateway.stats;

import io.boxoffice.common.ProblemCodes;
import io.boxoffice.common.web.ApiException;
import io.boxoffice.common.web.RemoteProblems;
import io.boxoffice.gateway.GatewayProperties;
import io.boxoffice.gateway.upstream.Failover;
import io.boxoffice.gateway.upstream.Upstreams;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * Reads a show's statistics from the booking-processor's {@code /internal/shows/{id}/stats}, which routes the
 * read to the statistics app's owner of the show. The processor's problem documents (404 show_not_found)
 * pass through; anything else that goes wrong is 503 {@code unavailable}.
 */
@Component
class StatsQueries {
    private final WebClient web;
    private final Duration timeout;

    StatsQueries(Upstreams upstreams, GatewayProperties properties) {
        this.web = upstreams.processors("/internal").build();
        this.timeout = properties.replyTimeout().plusSeconds(1);
    }

    Mono<ShowStatistics> stats(String showId) {
        return stats(showId, false);
    }

    /** For a poll that comes again shortly: each processor instance is asked once, without waiting. */
    Mono<ShowStatistics> poll(String showId) {
        return stats(showId, true);
    }

    private Mono<ShowStatistics> stats(String showId, boolean oneRound) {
        return web.get().uri("/shows/{id}/stats", showId)
                .attribute(Failover.ONE_ROUND, oneRound)
                .retrieve()
                .onStatus(HttpStatusCode::isError, response -> RemoteProblems.relay(response, StatsQueries::unavailable))
                .bodyToMono(ShowStatistics.class)
                .timeout(timeout)
                .onErrorMap(e -> !(e instanceof ApiException), e -> unavailable());
    }

    private static ApiException unavailable() {
        return new ApiException(503, ProblemCodes.UNAVAILABLE,
                "The show statistics are not reachable right now; try again", Map.of());
    }
}
