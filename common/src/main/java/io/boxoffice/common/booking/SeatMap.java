package io.boxoffice.common.booking;

import java.util.List;

/** Which seats of a show are booked ({@code taken}) and held, each ascending; the others are available. */
public record SeatMap(String showId, int totalSeats, int availableSeats, List<Integer> taken, List<Integer> held) {
}
