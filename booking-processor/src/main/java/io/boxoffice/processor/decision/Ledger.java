package io.boxoffice.processor.decision;

import io.boxoffice.common.Ids;
import io.boxoffice.common.Stores;
import io.boxoffice.common.booking.Booking;
import io.boxoffice.common.booking.Movie;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The stores of one stream task, seen as the decider needs them. Every write of a decision goes through
 * here, so the indexes (bookings of a user, shows of a movie, seats a user holds) always change together
 * with what they index.
 *
 * <p>A decision's writes are staged, not written: keyed reads see them, and {@link #apply()} writes them all
 * once the decision is complete, while {@link #discard()} drops them when deciding failed. So a command whose
 * decision throws leaves no trace in the stores, which matter because Streams commits store writes with the
 * next transaction whether or not the command that made them finished. Scans read the stores as they were
 * before the decision.
 */
final class Ledger {
    private final Staged<Movie> movies;
    private final Staged<ShowState> shows;
    private final KeyValueStore<String, Booking> bookingStore;
    private final Staged<Booking> bookings;
    private final Staged<String> showsByMovie;
    private final Staged<Long> bookingsByUser;
    private final Staged<Integer> userSeats;
    private final List<Staged<?>> all;

    Ledger(ProcessorContext<?, ?> context) {
        movies = new Staged<>(context.getStateStore(Stores.MOVIES));
        shows = new Staged<>(context.getStateStore(Stores.SHOWS));
        bookingStore = context.getStateStore(Stores.BOOKINGS);
        bookings = new Staged<>(bookingStore);
        showsByMovie = new Staged<>(context.getStateStore(Stores.SHOWS_BY_MOVIE));
        bookingsByUser = new Staged<>(context.getStateStore(Stores.BOOKINGS_BY_USER));
        userSeats = new Staged<>(context.getStateStore(Stores.USER_SEATS));
        all = List.of(movies, shows, bookings, showsByMovie, bookingsByUser, userSeats);
    }

    /** Writes the staged writes of the decision just made. */
    void apply() {
        all.forEach(Staged::apply);
    }

    /** Drops the staged writes of a decision that failed. */
    void discard() {
        all.forEach(Staged::discard);
    }

    Movie movie(String movieId) {
        return movies.get(movieId);
    }

    void putMovie(Movie movie) {
        movies.put(movie.id(), movie);
    }

    ShowState show(String showId) {
        return showId == null ? null : shows.get(showId);
    }

    void putShow(ShowState show) {
        shows.put(show.id(), show);
    }

    void scheduleShow(ShowState show) {
        shows.put(show.id(), show);
        showsByMovie.put(Stores.compositeKey(show.movieId(), show.id()), show.id());
    }

    Booking booking(String bookingId) {
        return bookingId == null ? null : bookings.get(bookingId);
    }

    /** The active seats {@code userId} holds in {@code showId}. */
    int seatsHeld(String showId, String userId) {
        Integer held = userSeats.get(Stores.compositeKey(showId, userId));
        return held == null ? 0 : held;
    }

    void addBooking(Booking booking) {
        bookings.put(booking.id(), booking);
        bookingsByUser.put(Stores.compositeKey(booking.userId(), booking.id()), booking.createdAt().toEpochMilli());
        adjustSeatsHeld(booking, booking.seats().size());
    }

    void cancelBooking(Booking cancelled) {
        bookings.put(cancelled.id(), cancelled);
        adjustSeatsHeld(cancelled, -cancelled.seats().size());
    }

    /** The active bookings of a show: a range scan over the show's id prefix, only when a show is cancelled. */
    List<Booking> activeBookingsOf(String showId) {
        List<Booking> active = new ArrayList<>();
        try (KeyValueIterator<String, Booking> scan = bookingStore.prefixScan(Ids.scopePrefix(showId),
                new StringSerializer())) {
            scan.forEachRemaining(entry -> {
                if (entry.value != null && entry.value.active()) {
                    active.add(entry.value);
                }
            });
        }
        return active;
    }

    private void adjustSeatsHeld(Booking booking, int delta) {
        String key = Stores.compositeKey(booking.showId(), booking.userId());
        int held = seatsHeld(booking.showId(), booking.userId()) + delta;
        if (held > 0) {
            userSeats.put(key, held);
        } else {
            userSeats.delete(key);
        }
    }

    /** One store with the writes of the current decision held back; a null staged value is a deletion. */
    private static final class Staged<V> {
        private final KeyValueStore<String, V> store;
        private final Map<String, V> pending = new LinkedHashMap<>();

        Staged(KeyValueStore<String, V> store) {
            this.store = store;
        }

        V get(String key) {
            return pending.containsKey(key) ? pending.get(key) : store.get(key);
        }

        void put(String key, V value) {
            pending.put(key, value);
        }

        void delete(String key) {
            pending.put(key, null);
        }

        void apply() {
            if (!pending.isEmpty()) {
                pending.forEach(store::put); // a null value deletes
                pending.clear();
            }
        }

        void discard() {
            pending.clear();
        }
    }
}
