package io.boxoffice.gateway.holds;

import io.boxoffice.gateway.Validation;
import io.boxoffice.gateway.booking.NewBooking;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * Body of {@code POST /api/shows/{showId}/holds}: exactly one of {@code seats} (checked as a booking's are) and
 * {@code bestAvailable} (at least 1). The show's writer checks the rest: the show's size and limit.
 */
@Schema(description = "Exactly one of `seats` and `bestAvailable`")
record NewHold(
        @ArraySchema(arraySchema = @Schema(description = "Distinct seat numbers, 1..maxSeatsPerUser of them"),
                schema = @Schema(minimum = "1"), minItems = 1, uniqueItems = true)
        List<Integer> seats,
        @Schema(minimum = "1", description = "Hold this many of the best available seats, 1..maxSeatsPerUser: "
                + "adjacent in one row nearest the centre of the hall if some row has them, else the seats nearest the "
                + "centre")
        Integer bestAvailable) {

    void validate() {
        Validation.require((seats == null) != (bestAvailable == null),
                "Name either seats or bestAvailable, exactly one of the two");
        if (seats != null) {
            NewBooking.checkSeats(seats);
        } else {
            Validation.require(bestAvailable >= 1, "bestAvailable must be at least 1");
        }
    }
}
