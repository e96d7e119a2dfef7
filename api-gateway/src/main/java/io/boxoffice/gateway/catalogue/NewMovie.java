package io.boxoffice.gateway.catalogue;

import io.boxoffice.gateway.Validation;

/** Body of {@code POST /api/movies}: a title and a running time the catalogue can show. */
record NewMovie(String title, Integer durationMinutes) {
    static final int MAX_TITLE = 200;
    static final int MAX_DURATION = 1000;

    void validate() {
        Validation.require(title != null && !title.isBlank() && title.strip().length() <= MAX_TITLE,
                "title is required, at most " + MAX_TITLE + " characters");
        Validation.require(durationMinutes != null && durationMinutes >= 1 && durationMinutes <= MAX_DURATION,
                "durationMinutes must be an integer from 1 to " + MAX_DURATION);
    }
}
