package io.boxoffice.gateway.catalogue;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.boxoffice.gateway.Validation;
import io.swagger.v3.oas.annotations.media.Schema;

/** Body of {@code POST /api/movies}: a title and a running time the catalogue can show. */
record NewMovie(@Schema(requiredMode = REQUIRED, minLength = 1, maxLength = MAX_TITLE) String title,
                @Schema(requiredMode = REQUIRED, minimum = "1", maximum = "1000") Integer durationMinutes) {
    static final int MAX_TITLE = 200;
    static final int MAX_DURATION = 1000;

    void validate() {
        Validation.require(title != null && !title.isBlank() && title.strip().length() <= MAX_TITLE,
                "title is required, at most " + MAX_TITLE + " characters");
        Validation.require(durationMinutes != null && durationMinutes >= 1 && durationMinutes <= MAX_DURATION,
                "durationMinutes must be an integer from 1 to " + MAX_DURATION);
    }
}
