package io.boxoffice.common.booking;

import java.util.List;

/** Which seats of a show are taken, ascending. */
public record SeatMap(String showId, int totalSeats, int availableSeats, List<Integer> taken) {
}
