package io.boxoffice.common.booking;

import java.time.Instant;
import java.util.List;

/**
 * One state change of a show on {@code booking-events}, keyed by show id, in decision order: the public
 * analytics feed, documented in {@code docs/events.md} with one JSON Schema per type under
 * {@code docs/schemas/}. A self-describing JSON document: fields that do not apply to a {@code type} are
 * absent (never null). Adding a field keeps {@link #SCHEMA_VERSION}; removing or changing one bumps it.
 *
 * @param eventId           unique and deterministic: the request id and the event's position in its decision
 * @param occurredAt        the decision's time (the command's record timestamp), equal to the booking's
 *                          {@code createdAt} or {@code cancelledAt}
 * @param requestId         the command that caused the event; absent for an expiry, which no command causes
 * @param availableSeats    seats still free once the decision is applied
 * @param seats             booked, cancelled or (for rejections) requested seats, ascending
 * @param reason            for rejections the problem code; for cancellations and released holds {@code USER}
 *                          or {@code SHOW_CANCELLED}
 * @param bookingsCancelled for a show cancellation: how many active bookings it cancelled
 * @param holdSeconds       for a scheduled show: how long its holds last
 * @param seatsPerRow       for a scheduled show: the length of its rows
 * @param holdId            for hold events, and for a booking that confirmed a hold
 * @param expiresAt         for a placed hold: when it expires unless confirmed or released
 */
public record BookingEvent(String eventId, EventType type, int schemaVersion, Instant occurredAt, String showId,
                           String requestId, String movieId, String screen, Instant startsAt, Integer totalSeats,
                           Integer maxSeatsPerUser, Integer availableSeats, String bookingId, String userId,
                           List<Integer> seats, String reason, Integer bookingsCancelled, Integer holdSeconds,
                           Integer seatsPerRow, String holdId, Instant expiresAt) {

    public static final int SCHEMA_VERSION = 1;

    public enum EventType {
        SHOW_SCHEDULED, SHOW_CANCELLED, BOOKING_CONFIRMED, BOOKING_CANCELLED, BOOKING_REJECTED, HOLD_PLACED,
        HOLD_CONFIRMED, HOLD_RELEASED, HOLD_EXPIRED
    }
}
