package io.boxoffice.common.booking;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A booking, as stored by the processor and answered over HTTP. Seats are ascending; {@code holdId} names the
 * hold it confirmed, if it came from one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Booking(String id, String showId, String userId, List<Integer> seats, BookingStatus status,
                      Instant createdAt, Instant cancelledAt, String holdId) {

    public boolean active() {
        return status == BookingStatus.ACTIVE;
    }

    public Booking cancelledAt(Instant when) {
        return new Booking(id, showId, userId, seats, BookingStatus.CANCELLED, createdAt, when, holdId);
    }
}
