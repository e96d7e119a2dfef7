package io.boxoffice.common.booking;

import java.time.Instant;

/** A show as answered over HTTP: the public view of the processor's show state. */
public record Show(String id, String movieId, String screen, Instant startsAt, int totalSeats,
                   int availableSeats, int maxSeatsPerUser, int holdSeconds, int seatsPerRow, ShowStatus status) {
}
