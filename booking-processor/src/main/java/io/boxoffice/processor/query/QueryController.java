package io.boxoffice.processor.query;

import static java.util.Comparator.naturalOrder;
import static java.util.Comparator.nullsLast;

import io.boxoffice.common.Ids;
import io.boxoffice.common.ProblemCodes;
import io.boxoffice.common.Stores;
import io.boxoffice.common.booking.Booking;
import io.boxoffice.common.booking.CommandReply;
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
import java.util.concurrent.Callable;
import org.apache.kafka.streams.state.HostInfo;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The interactive-query API the gateway reads (not public). Reads of one show (its details, seats, a
 * booking) are answered by the instance that owns the show's partition as active — it has applied every
 * decision already replied, so a client reads its own writes — and forwarded there when that is another
 * instance. Lists gather the local partitions of every instance ({@code scope=local} asks one instance
 * for its own part). While partitions move, reads answer 503 {@code unavailable} rather than a stale view.
 */
@RestController
@RequestMapping("/internal")
class QueryController {
    private static final String LOCAL = "local";
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
    Mono<Items<Movie>> movies(@RequestParam(required = false) String scope) {
        return gather(scope, "/internal/movies", Movie.class, local::movies,
                BY_TITLE);
    }

    @GetMapping("/movies/{movieId}")
    Mono<Movie> movie(@PathVariable String movieId, ServerHttpRequest request) {
        return keyed(movieId, request, Movie.class, () -> local.movie(movieId),
                ProblemCodes.MOVIE_NOT_FOUND, "No movie " + movieId);
    }

    @GetMapping("/movies/{movieId}/shows")
    Mono<Items<Show>> showsOf(@PathVariable String movieId, @RequestParam(required = false) String scope,
                              ServerHttpRequest request) {
        Mono<Items<Show>> shows = gather(scope, "/internal/movies/" + movieId + "/shows", Show.class,
                () -> local.showsOf(movieId), BY_START);
        return LOCAL.equals(scope) ? shows : movie(movieId, request).then(shows);
    }

    @GetMapping("/shows/{showId}")
    Mono<Show> show(@PathVariable String showId, ServerHttpRequest request) {
        return keyed(showId, request, Show.class, () -> local.show(showId).map(ShowState::toShow),
                ProblemCodes.SHOW_NOT_FOUND, "No show " + showId);
    }

    @GetMapping("/shows/{showId}/seats")
    Mono<SeatMap> seats(@PathVariable String showId, ServerHttpRequest request) {
        return keyed(showId, request, SeatMap.class, () -> local.show(showId).map(ShowState::toSeatMap),
                ProblemCodes.SHOW_NOT_FOUND, "No show " + showId);
    }

    @GetMapping("/bookings/{bookingId}")
    Mono<Booking> booking(@PathVariable String bookingId, ServerHttpRequest request) {
        String showId = Ids.showOf(bookingId);
        if (showId == null) {
            return Mono.error(new ApiException(404, ProblemCodes.BOOKING_NOT_FOUND, "No such booking"));
        }
        return keyed(showId, request, Booking.class, () -> local.booking(bookingId),
                ProblemCodes.BOOKING_NOT_FOUND, "No such booking");
    }

    /** The outcome of a request, once decided; 404 {@code request_not_found} while it is not (or no longer) known. */
    @GetMapping("/requests/{requestId}")
    Mono<CommandReply> outcome(@PathVariable String requestId, ServerHttpRequest request) {
        String showId = Ids.showOf(requestId);
        if (showId == null) {
            return Mono.error(new ApiException(404, ProblemCodes.REQUEST_NOT_FOUND, "No such request"));
        }
        return keyed(showId, request, CommandReply.class, () -> local.outcome(requestId),
                ProblemCodes.REQUEST_NOT_FOUND, "No outcome of this request is known");
    }

    @GetMapping("/users/{userId}/bookings")
    Mono<Items<Booking>> bookingsOf(@PathVariable String userId, @RequestParam(required = false) String scope) {
        return gather(scope, "/internal/users/" + userId + "/bookings", Booking.class,
                () -> local.bookingsOf(userId), LocalReads.NEWEST_FIRST);
    }

    /** A read of one show's partition: here when this instance is its active owner, else at the owner. */
    private <T> Mono<T> keyed(String showId, ServerHttpRequest request, Class<T> type, Callable<Optional<T>> read,
                              String notFoundCode, String notFoundDetail) {
        return peers.atOwner(router, Stores.SHOWS, showId, request, type, read,
                () -> new ApiException(404, notFoundCode, notFoundDetail));
    }

    /** A list over every partition: this instance's part plus each other instance's local part. */
    private <T> Mono<Items<T>> gather(String scope, String path, Class<T> type, Callable<List<T>> read,
                                      Comparator<T> order) {
        Mono<List<T>> mine = Peers.onStores(read);
        if (LOCAL.equals(scope)) {
            return mine.map(Items::new);
        }
        Flux<List<T>> theirs = Peers.onStores(() -> router.otherHosts(Stores.SHOWS))
                .flatMapMany(Flux::fromIterable)
                .flatMap((HostInfo host) -> peers.list(host, path + "?scope=" + LOCAL, type));
        return Flux.concat(mine, theirs).collect(ArrayList<T>::new, List::addAll)
                .map(all -> {
                    all.sort(order);
                    return new Items<>(all);
                });
    }
}
