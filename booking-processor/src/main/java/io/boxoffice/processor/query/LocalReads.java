package io.boxoffice.processor.query;

import io.boxoffice.common.Stores;
import io.boxoffice.common.booking.Booking;
import io.boxoffice.common.booking.CommandReply;
import io.boxoffice.common.booking.Hold;
import io.boxoffice.common.booking.Movie;
import io.boxoffice.common.booking.Show;
import io.boxoffice.common.streams.BadValues;
import io.boxoffice.common.streams.StoreRouter;
import io.boxoffice.processor.decision.ProcessedRequests;
import io.boxoffice.processor.decision.ShowState;
import io.boxoffice.processor.decision.StoredValues;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.springframework.stereotype.Component;

/**
 * Reads one partition's local copy of the decider's stores (active or standby: {@link Peers} decides which
 * copy is asked). Keyed reads name the partition of their show; lists read one partition at a time and are
 * merged by the caller. Every iterator is closed. A bad stored value (undecodable, so read as null, or failing
 * its {@link StoredValues} check) is absent to a keyed read and left out of a list, logged once with its key:
 * one bad value never fails a read ({@code docs/dead-letters.md}).
 */
@Component
class LocalReads {
    static final Comparator<Booking> NEWEST_FIRST = Comparator.comparing(Booking::createdAt,
                    Comparator.nullsFirst(Comparator.<Instant>naturalOrder())).reversed()
            .thenComparing(Booking::id, Comparator.nullsLast(Comparator.<String>reverseOrder()));

    private final StoreRouter router;
    private final BadValues bad = new BadValues();

    LocalReads(StoreRouter router) {
        this.router = router;
    }

    Optional<Movie> movie(int partition, String movieId) {
        return keyed(Stores.MOVIES, partition, movieId, StoredValues::usableMovie);
    }

    Optional<ShowState> show(int partition, String showId) {
        return keyed(Stores.SHOWS, partition, showId, StoredValues::usableShow);
    }

    Optional<Booking> booking(int partition, String bookingId) {
        return keyed(Stores.BOOKINGS, partition, bookingId, StoredValues::usableBooking);
    }

    Optional<Hold> hold(int partition, String holdId) {
        return keyed(Stores.HOLDS, partition, holdId, StoredValues::usableHold);
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
            all.forEachRemaining(entry -> {
                if (bad.usable(Stores.MOVIES, entry.key, entry.value, StoredValues::usableMovie)) {
                    movies.add(entry.value);
                }
            });
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
                if (show != null && bad.usable(Stores.SHOWS, entry.value, show, StoredValues::usableShow)) {
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
                String bookingId = entry.key.substring(userId.length() + 1);
                Booking booking = bookings.get(bookingId);
                if (booking != null && bad.usable(Stores.BOOKINGS, bookingId, booking, StoredValues::usableBooking)) {
                    found.add(booking);
                }
            });
        }
        return found;
    }

    /** The value of {@code key} in this instance's copy of {@code partition}; a bad one reads as absent. */
    private <V> Optional<V> keyed(String store, int partition, String key, BiPredicate<String, V> usable) {
        V value = router.<String, V>partition(store, partition).get(key);
        return value != null && bad.usable(store, key, value, usable) ? Optional.of(value) : Optional.empty();
    }

    private static String prefix(String id) {
        return id + Stores.KEY_SEPARATOR;
    }
}
