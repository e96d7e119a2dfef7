package io.boxoffice.gateway.requests;

import static io.boxoffice.common.ProblemCodes.REQUEST_NOT_FOUND;
import static io.boxoffice.gateway.openapi.Contract.Access.USER;
import static io.boxoffice.gateway.openapi.Contract.Kind.QUERY;

import io.boxoffice.common.Ids;
import io.boxoffice.common.web.ApiException;
import io.boxoffice.gateway.Validation;
import io.boxoffice.gateway.query.ProcessorQueries;
import io.boxoffice.gateway.security.Caller;
import io.boxoffice.gateway.openapi.Contract;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Duration;
import java.util.Locale;
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

    private static final String EVENTS_DOC = "One event once the outcome is known (at once if it is): `event` "
            + "`confirmed` or `rejected`, `id` the request id, `data` the JSON GET /api/booking-requests/{requestId} "
            + "answers; then the stream ends. After 5 minutes without an outcome it ends without an event.";

    private final ProcessorQueries queries;

    BookingRequestController(ProcessorQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/booking-requests/{requestId}")
    @Operation(summary = "The outcome of a booking request (its requester only)", description = "PENDING until the "
            + "show's writer decided it, then CONFIRMED with `booking` or REJECTED with `problem` (the problem "
            + "document the synchronous call would have answered). Outcomes are kept 24 h.")
    @Contract(access = USER, kind = QUERY, problems = REQUEST_NOT_FOUND)
    Mono<RequestOutcome> outcome(@AuthenticationPrincipal Jwt jwt, @PathVariable String requestId) {
        requireRequester(jwt, requestId);
        return lookUp(requestId).defaultIfEmpty(RequestOutcome.pending(requestId));
    }

    /**
     * One event with the outcome as soon as it is known (at once if it is), then the stream ends; after
     * {@link #STREAM_LIMIT} without an outcome it ends without one. The processor is asked again
     * {@link #POLL} after each answer rather than on a fixed clock, so a slow answer never piles up
     * lookups, and an unreachable processor only delays the event.
     */
    @GetMapping(path = "/api/booking-requests/{requestId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "The outcome of a booking request as one server-sent event (its requester only)")
    @ApiResponse(responseCode = "200", description = EVENTS_DOC, content = @Content(
            mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(implementation = RequestOutcome.class)))
    @Contract(access = USER, kind = QUERY, problems = REQUEST_NOT_FOUND)
    Flux<ServerSentEvent<RequestOutcome>> events(@AuthenticationPrincipal Jwt jwt, @PathVariable String requestId) {
        requireRequester(jwt, requestId);
        return lookUp(requestId)
                .onErrorResume(ApiException.class, e -> Mono.empty())
                .repeatWhenEmpty(attempts -> attempts.delayElements(POLL))
                .timeout(STREAM_LIMIT, Mono.empty())
                .map(outcome -> ServerSentEvent.builder(outcome).id(requestId)
                        .event(outcome.status().name().toLowerCase(Locale.ROOT)).build())
                .flux();
    }

    private Mono<RequestOutcome> lookUp(String requestId) {
        return queries.outcome(requestId).map(reply -> RequestOutcome.of(requestId, reply));
    }

    /** Also refuses an id whose show part no show can have, so that it never reaches the processor. */
    private static void requireRequester(Jwt jwt, String requestId) {
        Caller caller = Caller.of(jwt);
        if (!Validation.isId(Ids.showOf(requestId)) || !Ids.requestedBy(requestId, caller.userId())) {
            throw new ApiException(404, REQUEST_NOT_FOUND, "No such request");
        }
    }
}
