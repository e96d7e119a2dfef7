package io.boxoffice.processor.stats;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * The running totals of one show, folded from its events in feed order (the store value of
 * {@code show-stats}). Seats sold are the seats of confirmed bookings minus those of cancelled ones, so they
 * equal the show's taken seats; a cancelled show holds none. {@code updatedAt} is the latest event time seen,
 * never the wall clock, so the same events always fold into the same totals.
 */
record ShowTotals(String showId, int totalSeats, long seatsSold, long bookingsConfirmed, long bookingsCancelled,
                  Map<String, Long> rejections, Instant updatedAt) {

    static final String UNKNOWN_REASON = "unknown";

    static ShowTotals none() {
        return new ShowTotals(null, 0, 0, 0, 0, Map.of(), null);
    }

    ShowTotals apply(String show, FeedEvent event) {
        int total = event.totalSeats() == null ? totalSeats : event.totalSeats();
        long sold = seatsSold;
        long confirmed = bookingsConfirmed;
        long cancelled = bookingsCancelled;
        Map<String, Long> rejected = new TreeMap<>(rejections);
        switch (event.type()) {
            case FeedEvent.BOOKING_CONFIRMED -> {
                sold += event.seatCount();
                confirmed++;
            }
            case FeedEvent.BOOKING_CANCELLED -> {
                sold -= event.seatCount();
                cancelled++;
            }
            case FeedEvent.BOOKING_REJECTED -> rejected.merge(
                    event.reason() == null ? UNKNOWN_REASON : event.reason(), 1L, Long::sum);
            // Its bookings were cancelled by the events just before it; a cancelled show holds no seat.
            case FeedEvent.SHOW_CANCELLED -> sold = 0;
            default -> {
                // SHOW_SCHEDULED (and types added later) change no count; only the show's size.
            }
        }
        Instant latest = updatedAt == null || (event.occurredAt() != null && event.occurredAt().isAfter(updatedAt))
                ? event.occurredAt() : updatedAt;
        return new ShowTotals(show, total, sold, confirmed, cancelled, rejected, latest);
    }

    long seatsAvailable() {
        return Math.max(0, totalSeats - seatsSold);
    }
}
