package io.boxoffice.processor.decision;

import io.boxoffice.common.Ids;
import io.boxoffice.common.Stores;
import io.boxoffice.common.booking.Booking;
import io.boxoffice.common.booking.Movie;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The stores of one stream task, seen as the decider needs them. Every write of a decision goes through
 * here, so the indexes (bookings of a user, shows of a movie, seats a user holds) always change together
 * with what they index.
 */
final class Ledger {
    private final KeyValueStore<String, Movie> movies;
    private final KeyValueStore<String, ShowState> shows;
    private final KeyValueStore<String, Booking> bookings;
    private final KeyValueStore<String, String> showsByMovie;
    private final KeyValueStore<String, Long> bookingsByUser;
    private final KeyValueStore<String, Integer> userSeats;

    Ledger(ProcessorContext<?, ?> context) {
        movies = context.getStateStore(Stores.MOVIES);
        shows = context.getStateStore(Stores.SHOWS);
        bookings = context.getStateStore(Stores.BOOKINGS);
        showsByMovie = context.getStateStore(Stores.SHOWS_BY_MOVIE);
        bookingsByUser = context.getStateStore(Stores.BOOKINGS_BY_USER);
        userSeats = context.getStateStore(Stores.USER_SEATS);
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
        try (KeyValueIterator<String, Booking> all = bookings.prefixScan(Ids.scopePrefix(showId),
                new StringSerializer())) {
            all.forEachRemaining(entry -> {
                if (entry.value.active()) {
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
}
