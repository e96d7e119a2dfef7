package io.boxoffice.processor.stats;

import io.boxoffice.common.ProblemCodes;
import io.boxoffice.common.Stores;
import io.boxoffice.common.web.ApiException;
import io.boxoffice.processor.query.Peers;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /internal/shows/{showId}/stats} for the gateway: answered by the instance whose statistics app
 * owns the show's {@code booking-events} partition as active, forwarded there otherwise, and from a standby
 * copy while the active one cannot be reached ({@link Peers}). The figures trail the feed by the time it takes the
 * booking transaction to commit and the statistics app to read it; they are not read-your-writes.
 */
@RestController
class StatsController {
    private final StatsReads reads;
    private final Peers peers;

    StatsController(StatsReads reads, Peers peers) {
        this.reads = reads;
        this.peers = peers;
    }

    @GetMapping("/internal/shows/{showId}/stats")
    Mono<ShowStats> stats(@PathVariable String showId, ServerHttpRequest request) {
        return peers.keyed(reads.router(), Stores.SHOW_STATS, showId, request, "/internal/shows/" + showId + "/stats",
                ShowStats.class, partition -> reads.stats(partition, showId),
                () -> new ApiException(404, ProblemCodes.SHOW_NOT_FOUND, "No event of show " + showId + " is known"));
    }
}
