package io.boxoffice.gateway.stats;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A show's live statistics as {@code GET /api/shows/{showId}/stats} answers them, computed by the processor's
 * statistics app from {@code booking-events} alone.
 *
 * @param seatsSold   seats of confirmed bookings not cancelled since (a cancelled show holds none)
 * @param rejections  refused booking and hold attempts by problem code
 * @param perMinute   ascending; the minutes, within the hour ending at {@code updatedAt}, with any booking or rejection
 * @param updatedAt   when the latest event of the show counted here occurred
 * @param seatsHeld   seats in holds now (neither sold nor available)
 * @param holdsPlaced holds ever placed; each ends confirmed, released or expired, or is still held
 * @param conversionRate holdsConfirmed / holdsPlaced; absent before the first hold
 * (the hold counts are absent while a processor from before holds answers)
 */
public record ShowStatistics(String showId, int totalSeats, long seatsSold, long seatsAvailable,
                             long bookingsConfirmed, long bookingsCancelled, Map<String, Long> rejections,
                             List<Minute> perMinute, Instant updatedAt, Long seatsHeld, Long holdsPlaced,
                             Long holdsConfirmed, Long holdsReleased, Long holdsExpired, Double conversionRate) {

    /** Bookings confirmed and rejected in the minute of event time that starts at {@code minute}. */
    public record Minute(Instant minute, long confirmed, long rejected) {
    }
}
