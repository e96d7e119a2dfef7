package io.boxoffice.gateway.catalogue;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.boxoffice.gateway.Validation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Body of {@code POST /api/shows}. {@code startsAt} is read as text and parsed here, strictly as
 * ISO-8601 with an offset: a local time would be ambiguous, and a bare number is not a time the
 * contract allows (Jackson would otherwise take it as epoch seconds).
 */
record NewShow(@Schema(requiredMode = REQUIRED) String movieId,
               @Schema(requiredMode = REQUIRED, maxLength = MAX_SCREEN) String screen,
               @Schema(requiredMode = REQUIRED, format = "date-time", example = "2030-01-31T20:00:00+01:00",
                       description = "ISO-8601 with an offset") String startsAt,
               @Schema(requiredMode = REQUIRED, minimum = "1", maximum = "100000") Integer totalSeats,
               @Schema(minimum = "1", defaultValue = "10") Integer maxSeatsPerUser) {
    static final int MAX_SEATS = 100_000;
    static final int DEFAULT_MAX_SEATS_PER_USER = 10;
    static final int MAX_SCREEN = 100;

    void validate() {
        Validation.require(movieId != null && !movieId.isBlank(), "movieId is required");
        Validation.require(screen != null && !screen.isBlank() && screen.strip().length() <= MAX_SCREEN,
                "screen is required, at most " + MAX_SCREEN + " characters");
        Validation.require(startsAt != null && parse(startsAt) != null,
                "startsAt is required: an ISO-8601 time with offset, e.g. 2030-01-31T20:00:00+01:00");
        Validation.require(totalSeats != null && totalSeats >= 1 && totalSeats <= MAX_SEATS,
                "totalSeats must be an integer from 1 to " + MAX_SEATS);
        Validation.require(maxSeatsPerUser == null || maxSeatsPerUser >= 1,
                "maxSeatsPerUser must be an integer of at least 1");
    }

    Instant startsAtInstant() {
        return parse(startsAt);
    }

    int maxSeatsPerUserOrDefault() {
        return maxSeatsPerUser == null ? DEFAULT_MAX_SEATS_PER_USER : maxSeatsPerUser;
    }

    private static Instant parse(String text) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
