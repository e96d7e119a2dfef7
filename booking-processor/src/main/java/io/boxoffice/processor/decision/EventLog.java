package io.boxoffice.processor.decision;

import io.boxoffice.common.booking.Booking;
import io.boxoffice.common.booking.BookingEvent;
import io.boxoffice.common.booking.BookingEvent.EventType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the events of one decision. Event ids derive from the request id and the event's position in
 * the decision: unique (request ids are, and a request is decided once) and the same on any replay.
 */
final class EventLog {
    /** Why a booking was cancelled, in the event's {@code reason}. */
    static final String BY_USER = "USER";
    static final String BY_SHOW_CANCELLATION = "SHOW_CANCELLED";

    private final String requestId;
    private final Instant occurredAt;
    private final List<BookingEvent> events = new ArrayList<>();

    EventLog(String requestId, Instant occurredAt) {
        this.requestId = requestId;
        this.occurredAt = occurredAt;
    }

    void showScheduled(ShowState show) {
        add(EventType.SHOW_SCHEDULED, show, null, null, null, null);
    }

    void showCancelled(ShowState show) {
        add(EventType.SHOW_CANCELLED, show, null, null, null, null);
    }

    void confirmed(ShowState show, Booking booking) {
        add(EventType.BOOKING_CONFIRMED, show, booking.id(), booking.userId(), booking.seats(), null);
    }

    void cancelled(ShowState show, Booking booking, String reason) {
        add(EventType.BOOKING_CANCELLED, show, booking.id(), booking.userId(), booking.seats(), reason);
    }

    void rejected(ShowState show, String userId, List<Integer> seats, String code) {
        add(EventType.BOOKING_REJECTED, show, null, userId, seats, code);
    }

    List<BookingEvent> events() {
        return List.copyOf(events);
    }

    private void add(EventType type, ShowState show, String bookingId, String userId, List<Integer> seats,
                     String reason) {
        boolean showFacts = type == EventType.SHOW_SCHEDULED;
        events.add(new BookingEvent(requestId + "-e" + events.size(), type, BookingEvent.SCHEMA_VERSION,
                occurredAt, show.id(), requestId,
                show.movieId(), showFacts ? show.screen() : null, showFacts ? show.startsAt() : null,
                show.totalSeats(), showFacts ? show.maxSeatsPerUser() : null, show.availableSeats(),
                bookingId, userId, seats, reason));
    }
}
