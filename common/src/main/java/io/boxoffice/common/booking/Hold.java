package io.boxoffice.common.booking;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * Seats kept for one user while the user pays, as stored by the processor and answered over HTTP. Seats are
 * ascending; {@code bookingId} names the booking a confirmation made.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Hold(String id, String showId, String userId, List<Integer> seats, HoldStatus status,
                   Instant createdAt, Instant expiresAt, String bookingId) {

    public boolean held() {
        return status == HoldStatus.HELD;
    }

    public Hold ended(HoldStatus end, String booking) {
        return new Hold(id, showId, userId, seats, end, createdAt, expiresAt, booking);
    }
}
