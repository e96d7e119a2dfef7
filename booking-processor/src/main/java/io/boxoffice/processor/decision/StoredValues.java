package io.boxoffice.processor.decision;

import io.boxoffice.common.booking.Booking;
import io.boxoffice.common.booking.Hold;
import io.boxoffice.common.booking.Movie;
import io.boxoffice.common.booking.ShowRules;
import java.util.Objects;

/**
 * What a stored value must be for reads and decisions to use it. Values the decider writes from checked
 * commands always pass; values written before commands were checked may not, and are then skipped by reads
 * and removed by the single writer's sweep. A show's cosmetic fields (movie, screen, start) may be absent:
 * lists order them last, and the seat map and decisions do not need them.
 */
public final class StoredValues {

    private StoredValues() {
    }

    public static boolean usableMovie(String key, Movie movie) {
        return present(movie.id()) && movie.id().equals(key) && present(movie.title());
    }

    public static boolean usableShow(String key, ShowState show) {
        return show.id() != null && show.id().equals(key) && show.status() != null && show.seats() != null
                && show.seats().wellFormed() && show.bookingSequence() >= 0 && show.holdSequence() >= 0
                && ShowRules.validHoldSeconds(show.holdSeconds());
    }

    public static boolean usableBooking(String key, Booking booking) {
        return booking.id() != null && booking.id().equals(key) && booking.showId() != null
                && booking.userId() != null && booking.status() != null && booking.createdAt() != null
                && booking.seats() != null && booking.seats().stream().noneMatch(Objects::isNull);
    }

    public static boolean usableHold(String key, Hold hold) {
        return hold.id() != null && hold.id().equals(key) && hold.showId() != null && hold.userId() != null
                && hold.status() != null && hold.createdAt() != null && hold.expiresAt() != null
                && hold.seats() != null && !hold.seats().isEmpty() && hold.seats().stream().noneMatch(Objects::isNull);
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }
}
