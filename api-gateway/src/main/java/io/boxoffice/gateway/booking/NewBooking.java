package io.boxoffice.gateway.booking;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.boxoffice.common.ProblemCodes;
import io.boxoffice.common.booking.ShowRules;
import io.boxoffice.common.web.ApiException;
import io.boxoffice.gateway.Validation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Body of {@code POST /api/shows/{showId}/bookings}. Checked here: the shape (present, integers,
 * distinct) and that each seat is a possible seat number at all (≥ 1). Checked by the show's writer:
 * the upper end of the range, the show's state and the per-user limit. Strict JSON has already
 * refused {@code "2"}, {@code 2.5} and {@code true} as seats. Public so that the benchmark's ceiling
 * endpoint does exactly the same request work as a booking.
 */
public record NewBooking(
        @ArraySchema(arraySchema = @Schema(requiredMode = REQUIRED,
                description = "Distinct seat numbers, 1..maxSeatsPerUser of them"),
                schema = @Schema(minimum = "1"), minItems = 1, uniqueItems = true)
        List<Integer> seats) {
    public void validate() {
        checkSeats(seats);
    }

    /** The checks of a list of seats named in a request, shared by every request that names seats. */
    public static void checkSeats(List<Integer> seats) {
        Validation.require(seats != null && !seats.isEmpty(), "seats must name at least one seat");
        // No show has more seats, so no valid request names more.
        Validation.require(seats.size() <= ShowRules.MAX_SEATS, "seats names more seats than any show has");
        Validation.require(seats.stream().allMatch(Objects::nonNull), "seats must be integers");
        Validation.require(new HashSet<>(seats).size() == seats.size(), "seats must not repeat a seat");
        List<Integer> outside = seats.stream().filter(seat -> seat < 1).toList();
        if (!outside.isEmpty()) {
            // Names the offending seats, as the show's writer does for seats beyond the show's size.
            throw new ApiException(400, ProblemCodes.SEAT_OUT_OF_RANGE, "Seats are numbered from 1",
                    Map.of("seats", outside));
        }
    }
}
