package io.boxoffice.processor.stats;

import java.time.Instant;
import java.util.List;

/**
 * The part of a {@code booking-events} document the statistics need, read the way any outside consumer
 * reads the feed: from its JSON alone, ignoring fields it does not know, with {@code type} kept as text so
 * that a type added later is skipped instead of failing the record.
 */
record FeedEvent(String eventId, String type, Integer schemaVersion, Instant occurredAt, String showId,
                 Integer totalSeats, List<Integer> seats, String reason) {

    static final String SHOW_SCHEDULED = "SHOW_SCHEDULED";
    static final String SHOW_CANCELLED = "SHOW_CANCELLED";
    static final String BOOKING_CONFIRMED = "BOOKING_CONFIRMED";
    static final String BOOKING_CANCELLED = "BOOKING_CANCELLED";
    static final String BOOKING_REJECTED = "BOOKING_REJECTED";
    static final String HOLD_PLACED = "HOLD_PLACED";
    static final String HOLD_CONFIRMED = "HOLD_CONFIRMED";
    static final String HOLD_RELEASED = "HOLD_RELEASED";
    static final String HOLD_EXPIRED = "HOLD_EXPIRED";
    /** The only major version of the feed these statistics understand (docs/events.md, "Versions"). */
    static final int UNDERSTOOD_VERSION = 1;

    boolean understood() {
        return schemaVersion != null && schemaVersion == UNDERSTOOD_VERSION && type != null && showId != null;
    }

    boolean counted() {
        return BOOKING_CONFIRMED.equals(type) || BOOKING_REJECTED.equals(type);
    }

    int seatCount() {
        return seats == null ? 0 : seats.size();
    }
}
