package io.boxoffice.processor.query;

import io.boxoffice.common.Stores;
import io.boxoffice.common.booking.Booking;
import io.boxoffice.common.booking.CommandReply;
import io.boxoffice.common.booking.Movie;
import io.boxoffice.common.booking.Show;
import io.boxoffice.common.streams.StoreRouter;
import io.boxoffice.processor.decision.ProcessedRequests;
import io.boxoffice.processor.decision.ShowState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.springframework.stereotype.Component;

/**
 * Reads one partition's local copy of the decider's stores (active or standby: {@link Peers} decides which
 * copy is asked). Keyed reads name the partition of their show; lists read one partition at a time and are
 * merged by the caller. Every iterator is closed.
 */
@Component
class LocalReads {
    static final Comparator<Booking> NEWEST_FIRST = Comparator.comparing(Booking::createdAt).reversed()
            .thenComparing(Booking::id, Comparator.reverseOrder());

    private final StoreRouter router;

    LocalReads(StoreRouter router) {
        this.router = router;
    }

    Optional<Movie> movie(int partition, String movieId) {
        return Optional.ofNullable(router.<String, Movie>partition(Stores.MOVIES, partition).get(movieId));
    }

    Optional<ShowState> show(int partition, String showId) {
        return Optional.ofNullable(router.<String, ShowState>partition(Stores.SHOWS, partition).get(showId));
    }

    Optional<Booking> booking(int partition, String bookingId) {
        return Optional.ofNullable(router.<String, Booking>partition(Stores.BOOKINGS, partition).get(bookingId));
    }

    /** The reply given to {@code requestId}, kept as long as the dedupe retention. */
    Optional<CommandReply> outcome(int partition, String requestId) {
        ReadOnlyWindowStore<String, CommandReply> processed = router.partitionWindows(Stores.PROCESSED_REQUESTS,
                partition);
        return Optional.ofNullable(ProcessedRequests.reply(processed, requestId, Instant.EPOCH,
                Instant.now().plus(Duration.ofDays(1))));
    }

    List<Movie> movies(int partition) {
        List<Movie> movies = new ArrayList<>();
        try (KeyValueIterator<String, Movie> all = router.<String, Movie>partition(Stores.MOVIES, partition).all()) {
            all.forEachRemaining(entry -> movies.add(entry.value));
        }
        return movies;
    }

    List<Show> showsOf(int partition, String movieId) {
        ReadOnlyKeyValueStore<String, ShowState> shows = router.partition(Stores.SHOWS, partition);
        List<Show> found = new ArrayList<>();
        try (KeyValueIterator<String, String> index = router.<String, String>partition(Stores.SHOWS_BY_MOVIE,
                partition).prefixScan(prefix(movieId), new StringSerializer())) {
            index.forEachRemaining(entry -> {
                ShowState show = shows.get(entry.value);
                if (show != null) {
                    found.add(show.toShow());
                }
            });
        }
        return found;
    }

    List<Booking> bookingsOf(int partition, String userId) {
        ReadOnlyKeyValueStore<String, Booking> bookings = router.partition(Stores.BOOKINGS, partition);
        List<Booking> found = new ArrayList<>();
        try (KeyValueIterator<String, Long> index = router.<String, Long>partition(Stores.BOOKINGS_BY_USER, partition)
                .prefixScan(prefix(userId), new StringSerializer())) {
            index.forEachRemaining(entry -> {
                Booking booking = bookings.get(entry.key.substring(userId.length() + 1));
                if (booking != null) {
                    found.add(booking);
                }
            });
        }
        return found;
    }

    private static String prefix(String id) {
        return id + Stores.KEY_SEPARATOR;
    }
}
