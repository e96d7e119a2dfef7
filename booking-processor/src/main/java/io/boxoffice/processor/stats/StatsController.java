package io.boxoffice.processor.stats;

import io.boxoffice.common.ProblemCodes;
import io.boxoffice.common.Stores;
import io.boxoffice.common.web.ApiException;
import io.boxoffice.processor.query.Peers;
import java.util.concurrent.Callable;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code GET /internal/shows/{showId}/stats} for the gateway: answered by the instance whose statistics app
 * owns the show's {@code booking-events} partition as active, forwarded there otherwise (once: a forwarded
 * request that does not find its owner is a 503). The figures trail the feed by the time it takes the
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
        return onStores(() -> reads.router().remoteOwner(Stores.SHOW_STATS, showId)).flatMap(owner -> {
            if (owner.isPresent()) {
                return request.getHeaders().containsHeader(Peers.FORWARDED) ? Mono.error(Peers.unavailable())
                        : peers.get(owner.get(), request.getURI().getRawPath(), ShowStats.class);
            }
            return onStores(() -> reads.stats(showId)).flatMap(found -> found.map(Mono::just)
                    .orElseGet(() -> Mono.error(new ApiException(404, ProblemCodes.SHOW_NOT_FOUND,
                            "No event of show " + showId + " is known"))));
        });
    }

    /** Store access runs off the event loop; a store that is migrating is a 503, not a 500. */
    private static <T> Mono<T> onStores(Callable<T> read) {
        return Mono.fromCallable(read).subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(InvalidStateStoreException.class, e -> Peers.unavailable());
    }
}
