package io.boxoffice.processor.query;

import io.boxoffice.common.Stores;
import io.boxoffice.common.booking.Booking;
import io.boxoffice.common.booking.CommandReply;
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
 * Reads the stores of the partitions this instance owns as active. Keyed reads are only asked here when
 * this instance owns the key's show; lists cover the local partitions and are merged across instances by
 * the caller. Every iterator is closed. A bad stored value (undecodable, so read as null, or failing its
 * {@link StoredValues} check) is absent to a keyed read and left out of a list, logged once with its key:
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

    Optional<Movie> movie(String movieId) {
        return keyed(Stores.MOVIES, movieId, StoredValues::usableMovie);
    }

    Optional<ShowState> show(String showId) {
        return keyed(Stores.SHOWS, showId, StoredValues::usableShow);
    }

    Optional<Booking> booking(String bookingId) {
        return keyed(Stores.BOOKINGS, bookingId, StoredValues::usableBooking);
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
            all.forEachRemaining(entry -> {
                if (bad.usable(Stores.MOVIES, entry.key, entry.value, StoredValues::usableMovie)) {
                    movies.add(entry.value);
                }
            });
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
                if (show != null && bad.usable(Stores.SHOWS, entry.value, show, StoredValues::usableShow)) {
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
                String bookingId = entry.key.substring(userId.length() + 1);
                Booking booking = bookings.get(bookingId);
                if (booking != null && bad.usable(Stores.BOOKINGS, bookingId, booking, StoredValues::usableBooking)) {
                    found.add(booking);
                }
            });
        }
        return found;
    }

    /** The value of {@code key}; a bad one reads as absent. */
    private <V> Optional<V> keyed(String store, String key, BiPredicate<String, V> usable) {
        V value = router.<String, V>local(store).get(key);
        return value != null && bad.usable(store, key, value, usable) ? Optional.of(value) : Optional.empty();
    }

    private static String prefix(String id) {
        return id + Stores.KEY_SEPARATOR;
    }
}
