package io.boxoffice.processor.decision;

import io.boxoffice.common.Ids;
import io.boxoffice.common.Stores;
import io.boxoffice.common.booking.Booking;
import io.boxoffice.common.booking.Hold;
import io.boxoffice.common.booking.Movie;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The stores of one stream task, seen as the decider needs them. Every write of a decision goes through
 * here, so the indexes (bookings of a user, shows of a movie, seats a user has, holds by expiry) always change
 * together with what they index.
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
    private final KeyValueStore<String, Hold> holdStore;
    private final Staged<Hold> holds;
    private final KeyValueStore<String, String> expiryStore;
    private final Staged<String> holdExpiry;
    private final List<Staged<?>> all;

    Ledger(ProcessorContext<?, ?> context) {
        movies = new Staged<>(context.getStateStore(Stores.MOVIES));
        shows = new Staged<>(context.getStateStore(Stores.SHOWS));
        bookingStore = context.getStateStore(Stores.BOOKINGS);
        bookings = new Staged<>(bookingStore);
        showsByMovie = new Staged<>(context.getStateStore(Stores.SHOWS_BY_MOVIE));
        bookingsByUser = new Staged<>(context.getStateStore(Stores.BOOKINGS_BY_USER));
        userSeats = new Staged<>(context.getStateStore(Stores.USER_SEATS));
        holdStore = context.getStateStore(Stores.HOLDS);
        holds = new Staged<>(holdStore);
        expiryStore = context.getStateStore(Stores.HOLD_EXPIRY);
        holdExpiry = new Staged<>(expiryStore);
        all = List.of(movies, shows, bookings, showsByMovie, bookingsByUser, userSeats, holds, holdExpiry);
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

    /** The seats {@code userId} has in {@code showId}: booked (active bookings) and held. */
    int seatsHeld(String showId, String userId) {
        Integer held = userSeats.get(Stores.compositeKey(showId, userId));
        return held == null ? 0 : held;
    }

    void addBooking(Booking booking) {
        record(booking);
        adjustSeatsHeld(booking.showId(), booking.userId(), booking.seats().size());
    }

    /** A new booking and its place in its user's list. */
    private void record(Booking booking) {
        bookings.put(booking.id(), booking);
        bookingsByUser.put(Stores.compositeKey(booking.userId(), booking.id()), booking.createdAt().toEpochMilli());
    }

    void cancelBooking(Booking cancelled) {
        bookings.put(cancelled.id(), cancelled);
        adjustSeatsHeld(cancelled.showId(), cancelled.userId(), -cancelled.seats().size());
    }

    Hold hold(String holdId) {
        return holdId == null ? null : holds.get(holdId);
    }

    /** A new hold: its seats count as the user's, and it is due to expire at its {@code expiresAt}. */
    void placeHold(Hold hold) {
        holds.put(hold.id(), hold);
        holdExpiry.put(expiryKey(hold), hold.id());
        adjustSeatsHeld(hold.showId(), hold.userId(), hold.seats().size());
    }

    /**
     * A hold that ended: no longer due to expire. Released or expired, its seats stop counting as the user's;
     * confirmed, they count on as the booking's, which {@code booking} (made from it) records.
     */
    void endHold(Hold ended, Booking booking) {
        holds.put(ended.id(), ended);
        holdExpiry.delete(expiryKey(ended));
        if (booking != null) {
            record(booking);
        } else {
            adjustSeatsHeld(ended.showId(), ended.userId(), -ended.seats().size());
        }
    }

    /** An entry of the expiry index: a hold due at the time its key starts with. */
    record Due(String key, String holdId) {
    }

    /**
     * Up to {@code limit} holds due to expire by {@code now}, soonest first: a range of the expiry index, so the
     * cost is that of the due holds, not of all holds.
     */
    List<Due> holdsDue(Instant now, int limit) {
        List<Due> due = new ArrayList<>();
        try (KeyValueIterator<String, String> scan = expiryStore.range(null,
                Stores.compositeKey(expiryTime(now.toEpochMilli()), "~"))) {
            while (scan.hasNext() && due.size() < limit) {
                KeyValue<String, String> entry = scan.next();
                due.add(new Due(entry.key, entry.value));
            }
        }
        return due;
    }

    /** Removes an entry of the expiry index that names no held hold, so it is not found due again. */
    void dropDue(Due due) {
        holdExpiry.delete(due.key());
    }

    /** The holds of a show still held: a range scan over the show's id prefix, only when a show is cancelled. */
    List<Hold> heldHoldsOf(String showId) {
        List<Hold> held = new ArrayList<>();
        try (KeyValueIterator<String, Hold> scan = holdStore.prefixScan(Ids.scopePrefix(showId),
                new StringSerializer())) {
            scan.forEachRemaining(entry -> {
                if (entry.value != null && entry.value.held()) {
                    held.add(entry.value);
                }
            });
        }
        return held;
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

    private static String expiryKey(Hold hold) {
        return Stores.compositeKey(expiryTime(hold.expiresAt().toEpochMilli()), hold.id());
    }

    /** Epoch milliseconds in 13 digits: keys sort by time until the year 2286. */
    private static String expiryTime(long epochMillis) {
        String digits = Long.toString(Math.max(0, epochMillis));
        return "0".repeat(Math.max(0, 13 - digits.length())) + digits;
    }

    private void adjustSeatsHeld(String showId, String userId, int delta) {
        String key = Stores.compositeKey(showId, userId);
        int held = seatsHeld(showId, userId) + delta;
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
