package io.boxoffice.processor.stats;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The statistics of one show as the gateway relays them ({@code GET /api/shows/{id}/stats}): totals plus the
 * minutes of the last hour of the show's activity (ending at {@code updatedAt}) that had any booking or rejection.
 */
record ShowStats(String showId, int totalSeats, long seatsSold, long seatsAvailable, long bookingsConfirmed,
                 long bookingsCancelled, Map<String, Long> rejections, List<Minute> perMinute, Instant updatedAt,
                 long seatsHeld, long holdsPlaced, long holdsConfirmed, long holdsReleased, long holdsExpired,
                 Double conversionRate) {

    /** One minute of event time, named by its start. */
    record Minute(Instant minute, long confirmed, long rejected) {
    }

    static ShowStats of(ShowTotals totals, List<Minute> perMinute) {
        return new ShowStats(totals.showId(), totals.totalSeats(), totals.seatsSold(), totals.seatsAvailable(),
                totals.bookingsConfirmed(), totals.bookingsCancelled(), totals.rejections(), perMinute,
                totals.updatedAt(), totals.seatsHeld(), totals.holdsPlaced(), totals.holdsConfirmed(),
                totals.holdsReleased(), totals.holdsExpired(), totals.conversionRate());
    }
}
