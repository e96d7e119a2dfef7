package io.boxoffice.gateway.requests;

import io.boxoffice.common.Ids;
import io.boxoffice.common.ProblemCodes;
import io.boxoffice.common.web.ApiException;
import io.boxoffice.gateway.query.ProcessorQueries;
import io.boxoffice.gateway.security.Caller;
import java.time.Duration;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The outcome of an asynchronous (or timed-out) booking request, from any gateway instance: outcomes live
 * in the processor's {@code processed-requests} store for the dedupe retention (24 h), not in a gateway,
 * so they survive gateway restarts. A request id names its requester ({@link Ids#requestedBy}): anyone
 * else, admins included, gets 404, exactly as for an id that never existed.
 */
@RestController
class BookingRequestController {
    /** How often a waiting event stream looks for the outcome, and for how long at most. */
    private static final Duration POLL = Duration.ofMillis(50);
    private static final Duration STREAM_LIMIT = Duration.ofMinutes(5);

    private final ProcessorQueries queries;

    BookingRequestController(ProcessorQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/booking-requests/{requestId}")
    Mono<RequestOutcome> outcome(@AuthenticationPrincipal Jwt jwt, @PathVariable String requestId) {
        requireRequester(jwt, requestId);
        return lookUp(requestId).defaultIfEmpty(RequestOutcome.pending(requestId));
    }

    /** One event with the outcome as soon as it is known (at once if it is), then the stream ends. */
    @GetMapping(path = "/api/booking-requests/{requestId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<RequestOutcome>> events(@AuthenticationPrincipal Jwt jwt, @PathVariable String requestId) {
        requireRequester(jwt, requestId);
        return Flux.interval(Duration.ZERO, POLL)
                .concatMap(tick -> lookUp(requestId).onErrorResume(ApiException.class, e -> Mono.empty()))
                .take(1)
                .take(STREAM_LIMIT)
                .map(outcome -> ServerSentEvent.builder(outcome).id(requestId)
                        .event(outcome.status().name().toLowerCase(java.util.Locale.ROOT)).build());
    }

    private Mono<RequestOutcome> lookUp(String requestId) {
        return queries.outcome(requestId).map(reply -> RequestOutcome.of(requestId, reply));
    }

    private static void requireRequester(Jwt jwt, String requestId) {
        if (!Ids.requestedBy(requestId, Caller.of(jwt).userId())) {
            throw new ApiException(404, ProblemCodes.REQUEST_NOT_FOUND, "No such request");
        }
    }
}
