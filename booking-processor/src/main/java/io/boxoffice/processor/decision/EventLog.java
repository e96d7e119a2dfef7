package io.boxoffice.processor.decision;

import io.boxoffice.common.booking.Booking;
import io.boxoffice.common.booking.Hold;
import io.boxoffice.common.booking.BookingEvent;
import io.boxoffice.common.booking.BookingEvent.EventType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the events of one decision for the analytics feed ({@code docs/events.md}). Event ids derive from
 * the request id and the event's position in the decision: unique (request ids are, and a request is decided
 * once) and the same on any replay. An expiry has no request: its events derive from the hold's id, as a hold
 * expires once. Each type carries exactly the fields its JSON Schema
 * ({@code docs/schemas/}) lists; every event names the show's movie, size and the seats left after the decision.
 */
final class EventLog {
    /** Why a booking was cancelled, in the event's {@code reason}. */
    static final String BY_USER = "USER";
    static final String BY_SHOW_CANCELLATION = "SHOW_CANCELLED";

    private final String requestId;
    private final String idPrefix;
    private final Instant occurredAt;
    private final List<BookingEvent> events = new ArrayList<>();
    private int cancelledWithShow;

    EventLog(String requestId, Instant occurredAt) {
        this(requestId, requestId, occurredAt);
    }

    private EventLog(String requestId, String idPrefix, Instant occurredAt) {
        this.requestId = requestId;
        this.idPrefix = idPrefix;
        this.occurredAt = occurredAt;
    }

    /** The events of a hold's expiry, which no request caused. */
    static EventLog ofExpiry(String holdId, Instant occurredAt) {
        return new EventLog(null, holdId + "-expiry", occurredAt);
    }

    void showScheduled(ShowState show) {
        events.add(event(EventType.SHOW_SCHEDULED, show, null, null, null, null).withSchedule(show));
    }

    /** Follows the cancellations of the show's bookings, which it counts. */
    void showCancelled(ShowState show) {
        events.add(event(EventType.SHOW_CANCELLED, show, null, null, null, null).withCancelled(cancelledWithShow));
    }

    void confirmed(ShowState show, Booking booking) {
        events.add(event(EventType.BOOKING_CONFIRMED, show, booking.id(), booking.userId(), booking.seats(), null)
                .withHold(booking.holdId(), null));
    }

    void cancelled(ShowState show, Booking booking, String reason) {
        if (BY_SHOW_CANCELLATION.equals(reason)) {
            cancelledWithShow++;
        }
        events.add(event(EventType.BOOKING_CANCELLED, show, booking.id(), booking.userId(), booking.seats(), reason)
                .e());
    }

    /**
     * A refused booking or hold of a known show: the demand that was turned away, with the problem code as
     * reason (a refused best-available hold names no seats: an empty list).
     */
    void rejected(ShowState show, String userId, List<Integer> seats, String code) {
        events.add(event(EventType.BOOKING_REJECTED, show, null, userId, seats, code).e());
    }

    void holdPlaced(ShowState show, Hold hold) {
        events.add(event(EventType.HOLD_PLACED, show, null, hold.userId(), hold.seats(), null)
                .withHold(hold.id(), hold.expiresAt()));
    }

    /** Precedes the confirmation of the booking it made. */
    void holdConfirmed(ShowState show, Hold hold) {
        events.add(event(EventType.HOLD_CONFIRMED, show, hold.bookingId(), hold.userId(), hold.seats(), null)
                .withHold(hold.id(), null));
    }

    void holdReleased(ShowState show, Hold hold, String reason) {
        events.add(event(EventType.HOLD_RELEASED, show, null, hold.userId(), hold.seats(), reason)
                .withHold(hold.id(), null));
    }

    void holdExpired(ShowState show, Hold hold) {
        events.add(event(EventType.HOLD_EXPIRED, show, null, hold.userId(), hold.seats(), null)
                .withHold(hold.id(), null));
    }

    List<BookingEvent> events() {
        return List.copyOf(events);
    }

    private Draft event(EventType type, ShowState show, String bookingId, String userId, List<Integer> seats,
                        String reason) {
        return new Draft(new BookingEvent(idPrefix + "-e" + events.size(), type, BookingEvent.SCHEMA_VERSION,
                occurredAt, show.id(), requestId, show.movieId(), null, null, show.totalSeats(), null,
                show.availableSeats(), bookingId, userId, seats == null ? null : List.copyOf(seats), reason, null,
                null, null, null, null));
    }

    /** An event with the fields every type has, and one setter per group of type-specific fields. */
    private record Draft(BookingEvent e) {
        BookingEvent withSchedule(ShowState show) {
            return new BookingEvent(e.eventId(), e.type(), e.schemaVersion(), e.occurredAt(), e.showId(),
                    e.requestId(), e.movieId(), show.screen(), show.startsAt(), e.totalSeats(), show.maxSeatsPerUser(),
                    e.availableSeats(), null, null, null, null, null, show.holdSeconds(), show.seatsPerRow(), null,
                    null);
        }

        BookingEvent withCancelled(int bookingsCancelled) {
            return new BookingEvent(e.eventId(), e.type(), e.schemaVersion(), e.occurredAt(), e.showId(),
                    e.requestId(), e.movieId(), null, null, e.totalSeats(), null, e.availableSeats(), null, null,
                    null, null, bookingsCancelled, null, null, null, null);
        }

        BookingEvent withHold(String holdId, Instant expiresAt) {
            return new BookingEvent(e.eventId(), e.type(), e.schemaVersion(), e.occurredAt(), e.showId(),
                    e.requestId(), e.movieId(), null, null, e.totalSeats(), null, e.availableSeats(), e.bookingId(),
                    e.userId(), e.seats(), e.reason(), null, null, null, holdId, expiresAt);
        }
    }
}
