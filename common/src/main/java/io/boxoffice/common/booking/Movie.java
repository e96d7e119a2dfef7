package io.boxoffice.common.booking;

/** A movie of the catalogue, as stored and as answered over HTTP. */
public record Movie(String id, String title, int durationMinutes) {
}
