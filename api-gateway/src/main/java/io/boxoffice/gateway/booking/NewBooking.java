package io.boxoffice.gateway.booking;

import io.boxoffice.gateway.Validation;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * Body of {@code POST /api/shows/{showId}/bookings}. Checked here: the shape (present, integers,
 * distinct). Checked by the show's writer: the range, the show's state and the per-user limit.
 */
record NewBooking(List<Integer> seats) {
    /** No show has more seats, so no valid request names more. */
    static final int MAX_SEATS = 100_000;

    void validate() {
        Validation.require(seats != null && !seats.isEmpty(), "seats must name at least one seat");
        Validation.require(seats.size() <= MAX_SEATS, "seats names more seats than any show has");
        Validation.require(seats.stream().allMatch(Objects::nonNull), "seats must be integers");
        Validation.require(new HashSet<>(seats).size() == seats.size(), "seats must not repeat a seat");
    }
}
