package io.boxoffice.common.booking;

import java.time.Instant;
import java.util.List;

/**
 * One state change of a show on {@code booking-events}, keyed by show id, in decision order.
 * A self-describing JSON document: fields that do not apply to a {@code type} are absent.
 *
 * @param eventId        unique and deterministic: the show id and the show's event sequence number
 * @param availableSeats seats still free after this event
 * @param reason         for rejections the problem code; for cancellations {@code USER} or {@code SHOW_CANCELLED}
 */
public record BookingEvent(String eventId, EventType type, int schemaVersion, Instant occurredAt, String showId,
                           String requestId, String movieId, String screen, Instant startsAt, Integer totalSeats,
                           Integer maxSeatsPerUser, Integer availableSeats, String bookingId, String userId,
                           List<Integer> seats, String reason) {

    public static final int SCHEMA_VERSION = 1;

    public enum EventType { SHOW_SCHEDULED, SHOW_CANCELLED, BOOKING_CONFIRMED, BOOKING_CANCELLED, BOOKING_REJECTED }
}
