package io.boxoffice.gateway.seatstream;

import io.boxoffice.common.booking.BookingEvent;
import io.boxoffice.gateway.seatstream.SeatChange.State;
import java.util.List;
import java.util.Optional;

/**
 * What a decision on {@code booking-events} does to a show's seat map, as a live seat stream shows it. A hold's
 * confirmation is told by the {@code BOOKING_CONFIRMED} written with it (same transaction, same seats); a show's
 * cancellation frees its seats through the releases and cancellations written before it, and then asks for a
 * fresh snapshot. Events of a schema this gateway does not know are not guessed at: the show's writer is asked.
 */
final class SeatEvents {

    /** Seats that are now in {@code state} (with the show's free seats after it), or a request to resync. */
    record Effect(State state, List<Integer> seats, Integer availableSeats, boolean resync) {
        /** Send the streams a fresh snapshot of what this gateway knows (it knows all that changed). */
        static final Effect RESYNC = new Effect(null, List.of(), null, true);
        /** A decision this gateway cannot read: what it changed must be asked of the show's writer. */
        static final Effect UNREADABLE = new Effect(null, List.of(), null, true);
    }

    private SeatEvents() {
    }

    static Optional<Effect> of(BookingEvent event) {
        if (event.type() == null || event.schemaVersion() != BookingEvent.SCHEMA_VERSION) {
            return Optional.of(Effect.UNREADABLE);
        }
        return switch (event.type()) {
            case BOOKING_CONFIRMED -> seats(State.TAKEN, event);
            case HOLD_PLACED -> seats(State.HELD, event);
            case BOOKING_CANCELLED, HOLD_RELEASED, HOLD_EXPIRED -> seats(State.FREE, event);
            case SHOW_CANCELLED -> Optional.of(Effect.RESYNC);
            case SHOW_SCHEDULED, BOOKING_REJECTED, HOLD_CONFIRMED -> Optional.empty();
        };
    }

    private static Optional<Effect> seats(State state, BookingEvent event) {
        if (event.seats() == null || event.seats().isEmpty()) {
            return Optional.of(Effect.UNREADABLE);
        }
        return Optional.of(new Effect(state, event.seats(), event.availableSeats(), false));
    }
}
