package io.boxoffice.processor.query;

import static java.util.Comparator.naturalOrder;
import static java.util.Comparator.nullsLast;

import io.boxoffice.common.Ids;
import io.boxoffice.common.ProblemCodes;
import io.boxoffice.common.Stores;
import io.boxoffice.common.booking.Booking;
import io.boxoffice.common.booking.CommandReply;
import io.boxoffice.common.booking.Hold;
import io.boxoffice.common.booking.Items;
import io.boxoffice.common.booking.Movie;
import io.boxoffice.common.booking.SeatMap;
import io.boxoffice.common.booking.Show;
import io.boxoffice.common.streams.StoreRouter;
import io.boxoffice.common.web.ApiException;
import io.boxoffice.processor.decision.ShowState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The interactive-query API the gateway reads (not public). Reads of one show (its details, seats, a
 * booking, a hold, a request's outcome) are answered from the active copy of the show's partition — it has applied
 * every decision already replied, so a client reads its own writes — wherever it lives, and from a standby
 * copy while the active one cannot be reached. Lists gather every partition once, each from its active copy
 * or a standby. A read answers 503 {@code unavailable} only while no copy it needs can be read
 * ({@link Peers}).
 */
@RestController
@RequestMapping("/internal")
class QueryController {
    // Null-safe: a peer running older code may still answer a value this instance would have left out.
    static final Comparator<Movie> BY_TITLE = Comparator.comparing(Movie::title, nullsLast(naturalOrder()))
            .thenComparing(Movie::id, nullsLast(naturalOrder()));
    static final Comparator<Show> BY_START = Comparator.comparing(Show::startsAt, nullsLast(naturalOrder()))
            .thenComparing(Show::id, nullsLast(naturalOrder()));

    private final StoreRouter router;
    private final LocalReads local;
    private final Peers peers;

    QueryController(StoreRouter router, LocalReads local, Peers peers) {
        this.router = router;
        this.local = local;
        this.peers = peers;
    }

    @GetMapping("/movies")
    Mono<Items<Movie>> movies(ServerHttpRequest request) {
        return gather(request, "/internal/movies", Movie.class, local::movies, BY_TITLE);
    }

    @GetMapping("/movies/{movieId}")
    Mono<Movie> movie(@PathVariable String movieId, ServerHttpRequest request) {
        return keyed(movieId, request, "/internal/movies/" + movieId, Movie.class,
                partition -> local.movie(partition, movieId), ProblemCodes.MOVIE_NOT_FOUND, "No movie " + movieId);
    }

    @GetMapping("/movies/{movieId}/shows")
    Mono<Items<Show>> showsOf(@PathVariable String movieId, ServerHttpRequest request) {
        Mono<Items<Show>> shows = gather(request, "/internal/movies/" + movieId + "/shows", Show.class,
                partition -> local.showsOf(partition, movieId), BY_START);
        // A neighbour asking for its share of the list has checked the movie already.
        return request.getHeaders().containsHeader(Peers.FORWARDED) ? shows : movie(movieId, request).then(shows);
    }

    @GetMapping("/shows/{showId}")
    Mono<Show> show(@PathVariable String showId, ServerHttpRequest request) {
        return keyed(showId, request, "/internal/shows/" + showId, Show.class,
                partition -> local.show(partition, showId).map(ShowState::toShow),
                ProblemCodes.SHOW_NOT_FOUND, "No show " + showId);
    }

    @GetMapping("/shows/{showId}/seats")
    Mono<SeatMap> seats(@PathVariable String showId, ServerHttpRequest request) {
        return keyed(showId, request, "/internal/shows/" + showId + "/seats", SeatMap.class,
                partition -> local.show(partition, showId).map(ShowState::toSeatMap),
                ProblemCodes.SHOW_NOT_FOUND, "No show " + showId);
    }

    @GetMapping("/bookings/{bookingId}")
    Mono<Booking> booking(@PathVariable String bookingId, ServerHttpRequest request) {
        String showId = Ids.showOf(bookingId);
        if (showId == null) {
            return Mono.error(new ApiException(404, ProblemCodes.BOOKING_NOT_FOUND, "No such booking"));
        }
        return keyed(showId, request, "/internal/bookings/" + bookingId, Booking.class,
                partition -> local.booking(partition, bookingId), ProblemCodes.BOOKING_NOT_FOUND, "No such booking");
    }

    @GetMapping("/holds/{holdId}")
    Mono<Hold> hold(@PathVariable String holdId, ServerHttpRequest request) {
        String showId = Ids.showOf(holdId);
        if (showId == null) {
            return Mono.error(new ApiException(404, ProblemCodes.HOLD_NOT_FOUND, "No such hold"));
        }
        return keyed(showId, request, "/internal/holds/" + holdId, Hold.class,
                partition -> local.hold(partition, holdId), ProblemCodes.HOLD_NOT_FOUND, "No such hold");
    }

    /** The outcome of a request, once decided; 404 {@code request_not_found} while it is not (or no longer) known. */
    @GetMapping("/requests/{requestId}")
    Mono<CommandReply> outcome(@PathVariable String requestId, ServerHttpRequest request) {
        String showId = Ids.showOf(requestId);
        if (showId == null) {
            return Mono.error(new ApiException(404, ProblemCodes.REQUEST_NOT_FOUND, "No such request"));
        }
        return keyed(showId, request, "/internal/requests/" + requestId, CommandReply.class,
                partition -> local.outcome(partition, requestId),
                ProblemCodes.REQUEST_NOT_FOUND, "No outcome of this request is known");
    }

    @GetMapping("/users/{userId}/bookings")
    Mono<Items<Booking>> bookingsOf(@PathVariable String userId, ServerHttpRequest request) {
        return gather(request, "/internal/users/" + userId + "/bookings", Booking.class,
                partition -> local.bookingsOf(partition, userId), LocalReads.NEWEST_FIRST);
    }

    /** A read of one show's partition: its active copy, here or at its instance, else a standby copy. */
    private <T> Mono<T> keyed(String showId, ServerHttpRequest request, String path, Class<T> type,
                              Peers.PartitionRead<Optional<T>> read, String notFoundCode, String notFoundDetail) {
        return peers.keyed(router, Stores.SHOWS, showId, request, path, type, read,
                () -> new ApiException(404, notFoundCode, notFoundDetail));
    }

    /** A list over every partition, sorted here (a neighbour's share is sorted by the instance that asked). */
    private <T> Mono<Items<T>> gather(ServerHttpRequest request, String path, Class<T> type,
                                      Peers.PartitionRead<List<T>> read, Comparator<T> order) {
        return peers.gather(router, Stores.SHOWS, request, path, type, read).map(all -> {
            List<T> sorted = new ArrayList<>(all);
            sorted.sort(order);
            return new Items<>(sorted);
        });
    }
}
