package io.boxoffice.gateway.stats;

import static io.boxoffice.common.ProblemCodes.SHOW_NOT_FOUND;
import static io.boxoffice.gateway.openapi.Contract.Access.ADMIN;
import static io.boxoffice.gateway.openapi.Contract.Kind.QUERY;

import io.boxoffice.gateway.openapi.Contract;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Duration;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A show's live statistics for admins (the security rules allow only ADMIN here): once, or as a server-sent
 * event stream for watching a launch. The stream sends event {@code stats} at once, then polls the processor
 * every {@link #POLL} and sends only when the figures changed, so at most four events a second whatever the
 * booking rate. A failed poll is skipped (the next one retries); a comment line every {@link #HEARTBEAT}
 * keeps idle connections open through proxies; the stream ends after {@link #STREAM_LIMIT} and an
 * EventSource reconnects by itself, getting the current figures at once.
 */
@RestController
class StatsController {
    static final Duration POLL = Duration.ofMillis(250);
    static final Duration HEARTBEAT = Duration.ofSeconds(15);
    static final Duration STREAM_LIMIT = Duration.ofMinutes(30);
    static final String EVENT = "stats";

    private final StatsQueries queries;

    StatsController(StatsQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/shows/{showId}/stats")
    @Operation(summary = "A show's booking statistics: seats sold, bookings, rejections by reason, per minute")
    @Contract(access = ADMIN, kind = QUERY, problems = SHOW_NOT_FOUND)
    Mono<ShowStatistics> stats(@PathVariable String showId) {
        return queries.stats(showId);
    }

    /** The first read decides the answer: a 404 or 503 is a problem document, not an empty stream. */
    @GetMapping(path = "/api/shows/{showId}/stats/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "A show's statistics as server-sent events: event stats at once and on every change")
    @ApiResponse(responseCode = "200", description = "Events named stats, at most four a second, keep-alive comments"
            + " every 15 s; the stream ends after 30 min (an EventSource reconnects)", content = @Content(
            mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(implementation = ShowStatistics.class)))
    @Contract(access = ADMIN, kind = QUERY, problems = SHOW_NOT_FOUND)
    Mono<ResponseEntity<Flux<ServerSentEvent<ShowStatistics>>>> stream(@PathVariable String showId) {
        return queries.stats(showId).map(first -> ResponseEntity.ok()
                .contentType(MediaType.TEXT_EVENT_STREAM)
                .body(Flux.merge(changes(showId, first), heartbeats()).take(STREAM_LIMIT)));
    }

    private Flux<ServerSentEvent<ShowStatistics>> changes(String showId, ShowStatistics first) {
        Flux<ShowStatistics> polls = Flux.interval(POLL)
                .onBackpressureDrop()
                .concatMap(tick -> queries.poll(showId).onErrorResume(e -> Mono.empty()), 1);
        return Flux.concat(Mono.just(first), polls)
                .distinctUntilChanged()
                .map(figures -> ServerSentEvent.builder(figures).event(EVENT).build());
    }

    private static Flux<ServerSentEvent<ShowStatistics>> heartbeats() {
        return Flux.interval(HEARTBEAT).map(tick -> ServerSentEvent.<ShowStatistics>builder().comment("keep-alive").build());
    }
}
