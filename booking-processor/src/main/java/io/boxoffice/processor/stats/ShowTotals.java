package io.boxoffice.processor.stats;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * The running totals of one show, folded from its events in feed order (the store value of
 * {@code show-stats}). Seats sold are the seats of confirmed bookings minus those of cancelled ones, so they
 * equal the show's booked seats; seats held are those of placed holds minus those of holds that ended, so they
 * equal the show's held seats; a cancelled show has neither. {@code updatedAt} is the latest event time seen,
 * never the wall clock, so the same events always fold into the same totals.
 */
record ShowTotals(String showId, int totalSeats, long seatsSold, long bookingsConfirmed, long bookingsCancelled,
                  Map<String, Long> rejections, Instant updatedAt, Long seatsHeld, Long holdsPlaced,
                  Long holdsConfirmed, Long holdsReleased, Long holdsExpired) {

    /** Totals stored before holds lack their counts: they were zero. */
    ShowTotals {
        seatsHeld = seatsHeld == null ? 0L : seatsHeld;
        holdsPlaced = holdsPlaced == null ? 0L : holdsPlaced;
        holdsConfirmed = holdsConfirmed == null ? 0L : holdsConfirmed;
        holdsReleased = holdsReleased == null ? 0L : holdsReleased;
        holdsExpired = holdsExpired == null ? 0L : holdsExpired;
    }

    static final String UNKNOWN_REASON = "unknown";

    static ShowTotals none() {
        return new ShowTotals(null, 0, 0, 0, 0, Map.of(), null, 0L, 0L, 0L, 0L, 0L);
    }

    ShowTotals apply(String show, FeedEvent event) {
        int total = event.totalSeats() == null ? totalSeats : event.totalSeats();
        long sold = seatsSold;
        long confirmed = bookingsConfirmed;
        long cancelled = bookingsCancelled;
        Map<String, Long> rejected = new TreeMap<>(rejections);
        long held = seatsHeld;
        long placed = holdsPlaced;
        long holdConfirmed = holdsConfirmed;
        long released = holdsReleased;
        long expired = holdsExpired;
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
            case FeedEvent.HOLD_PLACED -> {
                held += event.seatCount();
                placed++;
            }
            // The BOOKING_CONFIRMED after it counts the seats as sold.
            case FeedEvent.HOLD_CONFIRMED -> {
                held -= event.seatCount();
                holdConfirmed++;
            }
            case FeedEvent.HOLD_RELEASED -> {
                held -= event.seatCount();
                released++;
            }
            case FeedEvent.HOLD_EXPIRED -> {
                held -= event.seatCount();
                expired++;
            }
            // Its bookings and holds ended in the events just before it; a cancelled show has no seat taken.
            case FeedEvent.SHOW_CANCELLED -> {
                sold = 0;
                held = 0;
            }
            default -> {
                // SHOW_SCHEDULED (and types added later) change no count; only the show's size.
            }
        }
        Instant latest = updatedAt == null || (event.occurredAt() != null && event.occurredAt().isAfter(updatedAt))
                ? event.occurredAt() : updatedAt;
        return new ShowTotals(show, total, sold, confirmed, cancelled, rejected, latest, held, placed, holdConfirmed,
                released, expired);
    }

    long seatsAvailable() {
        return Math.max(0, totalSeats - seatsSold - seatsHeld);
    }

    /** Confirmed holds per placed hold, or null before the first hold. */
    Double conversionRate() {
        return holdsPlaced == 0 ? null : (double) holdsConfirmed / holdsPlaced;
    }
}
