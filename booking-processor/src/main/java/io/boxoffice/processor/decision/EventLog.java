package io.boxoffice.processor.decision;

import io.boxoffice.common.booking.Booking;
import io.boxoffice.common.booking.BookingEvent;
import io.boxoffice.common.booking.BookingEvent.EventType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the events of one decision for the analytics feed ({@code docs/events.md}). Event ids derive from
 * the request id and the event's position in the decision: unique (request ids are, and a request is decided
 * once) and the same on any replay. Each type carries exactly the fields its JSON Schema
 * ({@code docs/schemas/}) lists; every event names the show's movie, size and the seats left after the decision.
 */
final class EventLog {
    /** Why a booking was cancelled, in the event's {@code reason}. */
    static final String BY_USER = "USER";
    static final String BY_SHOW_CANCELLATION = "SHOW_CANCELLED";

    private final String requestId;
    private final Instant occurredAt;
    private final List<BookingEvent> events = new ArrayList<>();
    private int cancelledWithShow;

    EventLog(String requestId, Instant occurredAt) {
        this.requestId = requestId;
        this.occurredAt = occurredAt;
    }

    void showScheduled(ShowState show) {
        add(EventType.SHOW_SCHEDULED, show, show.screen(), show.startsAt(), show.maxSeatsPerUser(),
                null, null, null, null, null);
    }

    /** Follows the cancellations of the show's bookings, which it counts. */
    void showCancelled(ShowState show) {
        add(EventType.SHOW_CANCELLED, show, null, null, null, null, null, null, null, cancelledWithShow);
    }

    void confirmed(ShowState show, Booking booking) {
        add(EventType.BOOKING_CONFIRMED, show, null, null, null, booking.id(), booking.userId(), booking.seats(),
                null, null);
    }

    void cancelled(ShowState show, Booking booking, String reason) {
        if (BY_SHOW_CANCELLATION.equals(reason)) {
            cancelledWithShow++;
        }
        add(EventType.BOOKING_CANCELLED, show, null, null, null, booking.id(), booking.userId(), booking.seats(),
                reason, null);
    }

    /** A refused booking of a known show: the demand that was turned away, with the problem code as reason. */
    void rejected(ShowState show, String userId, List<Integer> seats, String code) {
        add(EventType.BOOKING_REJECTED, show, null, null, null, null, userId, seats, code, null);
    }

    List<BookingEvent> events() {
        return List.copyOf(events);
    }

    private void add(EventType type, ShowState show, String screen, Instant startsAt, Integer maxSeatsPerUser,
                     String bookingId, String userId, List<Integer> seats, String reason, Integer bookingsCancelled) {
        events.add(new BookingEvent(requestId + "-e" + events.size(), type, BookingEvent.SCHEMA_VERSION,
                occurredAt, show.id(), requestId, show.movieId(), screen, startsAt, show.totalSeats(),
                maxSeatsPerUser, show.availableSeats(), bookingId, userId, seats == null ? null : List.copyOf(seats),
                reason, bookingsCancelled));
    }
}
