package io.boxoffice.gateway.query;

import io.boxoffice.common.ProblemCodes;
import io.boxoffice.common.booking.Booking;
import io.boxoffice.common.booking.CommandReply;
import io.boxoffice.common.booking.Hold;
import io.boxoffice.common.booking.Items;
import io.boxoffice.common.booking.Movie;
import io.boxoffice.common.booking.SeatMap;
import io.boxoffice.common.booking.Show;
import io.boxoffice.common.web.ApiException;
import io.boxoffice.common.web.RemoteProblems;
import io.boxoffice.gateway.GatewayProperties;
import io.boxoffice.gateway.upstream.Upstreams;
import java.time.Duration;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * Reads the booking-processor's state stores through its interactive-query API, on any processor instance
 * (failing over between them, {@link Upstreams}). The processor answers from the active owner of each show's
 * partition, which has applied every decision that was replied, so a client reads its own writes. The processor's problem documents (404s) pass through unchanged.
 */
@Component
public class ProcessorQueries {
    /** Lists are not paged: allow far more than the 256 KB a client may send. */
    private static final int MAX_ANSWER_BYTES = 16 * 1024 * 1024;

    private final WebClient web;
    private final Duration timeout;

    ProcessorQueries(Upstreams upstreams, GatewayProperties properties) {
        this.web = upstreams.processors("/internal")
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(MAX_ANSWER_BYTES))
                .build();
        // The failover inside the client keeps within the reply timeout; this only guards against a hang.
        this.timeout = properties.replyTimeout().plusSeconds(1);
    }

    public Mono<Items<Movie>> movies() {
        return get("/movies", new ParameterizedTypeReference<>() { });
    }

    public Mono<Movie> movie(String movieId) {
        return get("/movies/{id}", new ParameterizedTypeReference<>() { }, movieId);
    }

    public Mono<Items<Show>> showsOf(String movieId) {
        return get("/movies/{id}/shows", new ParameterizedTypeReference<>() { }, movieId);
    }

    public Mono<Show> show(String showId) {
        return get("/shows/{id}", new ParameterizedTypeReference<>() { }, showId);
    }

    public Mono<SeatMap> seats(String showId) {
        return get("/shows/{id}/seats", new ParameterizedTypeReference<>() { }, showId);
    }

    public Mono<Booking> booking(String bookingId) {
        return get("/bookings/{id}", new ParameterizedTypeReference<>() { }, bookingId);
    }

    public Mono<Hold> hold(String holdId) {
        return get("/holds/{id}", new ParameterizedTypeReference<>() { }, holdId);
    }

    public Mono<Items<Booking>> bookingsOf(String userId) {
        return get("/users/{id}/bookings", new ParameterizedTypeReference<>() { }, userId);
    }

    /**
     * The decided outcome of a request; empty while it is not decided (or no longer known). Only the
     * processor's own "no outcome" answer means that: any other 404 (a processor without this route during
     * a rolling upgrade) is an outage, not a request that stays pending for ever.
     */
    public Mono<CommandReply> outcome(String requestId) {
        return this.<CommandReply>get("/requests/{id}", new ParameterizedTypeReference<>() { }, requestId)
                .onErrorResume(ApiException.class, e -> {
                    if (e.status() == 404 && ProblemCodes.REQUEST_NOT_FOUND.equals(e.code())) {
                        return Mono.empty();
                    }
                    return Mono.error(e.status() == 404 ? new ApiException(503, ProblemCodes.UNAVAILABLE,
                            "The booking system cannot tell request outcomes right now; try again", Map.of()) : e);
                });
    }

    private <T> Mono<T> get(String path, ParameterizedTypeReference<T> type, Object... variables) {
        return web.get().uri(path, variables)
                .retrieve()
                .onStatus(HttpStatusCode::isError, response -> RemoteProblems.relay(response, () -> new ApiException(503,
                        ProblemCodes.UNAVAILABLE, "The booking system is not ready right now; try again", Map.of())))
                .bodyToMono(type)
                .timeout(timeout)
                .onErrorMap(e -> !(e instanceof ApiException), e -> new ApiException(503, ProblemCodes.UNAVAILABLE,
                        "The booking system is not reachable right now; try again", Map.of()));
    }
}
