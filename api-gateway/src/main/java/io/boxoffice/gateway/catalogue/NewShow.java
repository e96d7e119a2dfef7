package io.boxoffice.gateway.catalogue;

import io.boxoffice.gateway.Validation;
import java.time.OffsetDateTime;

/** Body of {@code POST /api/shows}. */
record NewShow(String movieId, String screen, OffsetDateTime startsAt, Integer totalSeats, Integer maxSeatsPerUser) {
    static final int MAX_SEATS = 100_000;
    static final int DEFAULT_MAX_SEATS_PER_USER = 10;
    static final int MAX_SCREEN = 100;

    void validate() {
        Validation.require(movieId != null && !movieId.isBlank(), "movieId is required");
        Validation.require(screen != null && !screen.isBlank() && screen.length() <= MAX_SCREEN,
                "screen is required, at most " + MAX_SCREEN + " characters");
        Validation.require(startsAt != null, "startsAt is required: an ISO-8601 time with offset");
        Validation.require(totalSeats != null && totalSeats >= 1 && totalSeats <= MAX_SEATS,
                "totalSeats must be an integer from 1 to " + MAX_SEATS);
        Validation.require(maxSeatsPerUser == null || maxSeatsPerUser >= 1,
                "maxSeatsPerUser must be an integer of at least 1");
    }

    int maxSeatsPerUserOrDefault() {
        return maxSeatsPerUser == null ? DEFAULT_MAX_SEATS_PER_USER : maxSeatsPerUser;
    }
}
