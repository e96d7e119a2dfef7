package io.boxoffice.gateway.booking;

import io.boxoffice.common.ProblemCodes;
import io.boxoffice.common.web.ApiException;
import io.boxoffice.gateway.Validation;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * Body of {@code POST /api/shows/{showId}/bookings}. Checked here: the shape (present, integers,
 * distinct) and that each seat is a possible seat number at all (≥ 1). Checked by the show's writer:
 * the upper end of the range, the show's state and the per-user limit. Strict JSON has already
 * refused {@code "2"}, {@code 2.5} and {@code true} as seats.
 */
record NewBooking(List<Integer> seats) {
    /** No show has more seats, so no valid request names more. */
    static final int MAX_SEATS = 100_000;

    void validate() {
        Validation.require(seats != null && !seats.isEmpty(), "seats must name at least one seat");
        Validation.require(seats.size() <= MAX_SEATS, "seats names more seats than any show has");
        Validation.require(seats.stream().allMatch(Objects::nonNull), "seats must be integers");
        Validation.require(new HashSet<>(seats).size() == seats.size(), "seats must not repeat a seat");
        if (seats.stream().anyMatch(seat -> seat < 1)) {
            throw new ApiException(400, ProblemCodes.SEAT_OUT_OF_RANGE, "Seats are numbered from 1");
        }
    }
}
