package io.boxoffice.gateway.catalogue;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.boxoffice.common.booking.ShowRules;
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
               @Schema(minimum = "1", defaultValue = "10") Integer maxSeatsPerUser,
               @Schema(minimum = "10", maximum = "3600", defaultValue = "600",
                       description = "How long a hold lasts, in seconds") Integer holdSeconds,
               @Schema(minimum = "1", maximum = "1000", defaultValue = "20",
                       description = "Seats per row: seat k is in row ceil(k / seatsPerRow)") Integer seatsPerRow) {
    static final int MAX_SCREEN = 100;

    void validate() {
        Validation.require(movieId != null && !movieId.isBlank(), "movieId is required");
        Validation.require(screen != null && !screen.isBlank() && screen.strip().length() <= MAX_SCREEN,
                "screen is required, at most " + MAX_SCREEN + " characters");
        Validation.require(startsAt != null && parse(startsAt) != null,
                "startsAt is required: an ISO-8601 time with offset, e.g. 2030-01-31T20:00:00+01:00");
        Validation.require(totalSeats != null && totalSeats >= 1 && totalSeats <= ShowRules.MAX_SEATS,
                "totalSeats must be an integer from 1 to " + ShowRules.MAX_SEATS);
        Validation.require(maxSeatsPerUser == null || maxSeatsPerUser >= 1,
                "maxSeatsPerUser must be an integer of at least 1");
        Validation.require(holdSeconds == null || ShowRules.validHoldSeconds(holdSeconds), "holdSeconds must be an "
                + "integer from " + ShowRules.MIN_HOLD_SECONDS + " to " + ShowRules.MAX_HOLD_SECONDS);
        Validation.require(seatsPerRow == null || ShowRules.validSeatsPerRow(seatsPerRow),
                "seatsPerRow must be an integer from 1 to " + ShowRules.MAX_SEATS_PER_ROW);
    }

    Instant startsAtInstant() {
        return parse(startsAt);
    }

    int maxSeatsPerUserOrDefault() {
        return maxSeatsPerUser == null ? ShowRules.DEFAULT_MAX_SEATS_PER_USER : maxSeatsPerUser;
    }

    int holdSecondsOrDefault() {
        return holdSeconds == null ? ShowRules.DEFAULT_HOLD_SECONDS : holdSeconds;
    }

    int seatsPerRowOrDefault() {
        return seatsPerRow == null ? ShowRules.DEFAULT_SEATS_PER_ROW : seatsPerRow;
    }

    private static Instant parse(String text) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
