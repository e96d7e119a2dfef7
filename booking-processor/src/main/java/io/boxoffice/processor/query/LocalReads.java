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
 * Reads the stores of the partitions this instance owns as active. Keyed reads are only asked here when
 * this instance owns the key's show; lists cover the local partitions and are merged across instances by
 * the caller. Every iterator is closed.
 */
@Component
class LocalReads {
    static final Comparator<Booking> NEWEST_FIRST = Comparator.comparing(Booking::createdAt).reversed()
            .thenComparing(Booking::id, Comparator.reverseOrder());

    private final StoreRouter router;

    LocalReads(StoreRouter router) {
        this.router = router;
    }

    Optional<Movie> movie(String movieId) {
        return Optional.ofNullable(router.<String, Movie>local(Stores.MOVIES).get(movieId));
    }

    Optional<ShowState> show(String showId) {
        return Optional.ofNullable(router.<String, ShowState>local(Stores.SHOWS).get(showId));
    }

    Optional<Booking> booking(String bookingId) {
        return Optional.ofNullable(router.<String, Booking>local(Stores.BOOKINGS).get(bookingId));
    }

    /** The reply given to {@code requestId}, kept as long as the dedupe retention. */
    Optional<CommandReply> outcome(String requestId) {
        ReadOnlyWindowStore<String, CommandReply> processed = router.localWindows(Stores.PROCESSED_REQUESTS);
        return Optional.ofNullable(ProcessedRequests.reply(processed, requestId, Instant.EPOCH,
                Instant.now().plus(Duration.ofDays(1))));
    }

    List<Movie> movies() {
        List<Movie> movies = new ArrayList<>();
        try (KeyValueIterator<String, Movie> all = router.<String, Movie>local(Stores.MOVIES).all()) {
            all.forEachRemaining(entry -> movies.add(entry.value));
        }
        return movies;
    }

    List<Show> showsOf(String movieId) {
        ReadOnlyKeyValueStore<String, ShowState> shows = router.local(Stores.SHOWS);
        List<Show> found = new ArrayList<>();
        try (KeyValueIterator<String, String> index = router.<String, String>local(Stores.SHOWS_BY_MOVIE)
                .prefixScan(prefix(movieId), new StringSerializer())) {
            index.forEachRemaining(entry -> {
                ShowState show = shows.get(entry.value);
                if (show != null) {
                    found.add(show.toShow());
                }
            });
        }
        return found;
    }

    List<Booking> bookingsOf(String userId) {
        ReadOnlyKeyValueStore<String, Booking> bookings = router.local(Stores.BOOKINGS);
        List<Booking> found = new ArrayList<>();
        try (KeyValueIterator<String, Long> index = router.<String, Long>local(Stores.BOOKINGS_BY_USER)
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
