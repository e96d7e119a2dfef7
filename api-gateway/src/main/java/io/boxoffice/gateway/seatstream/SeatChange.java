package io.boxoffice.gateway.seatstream;

import java.util.List;

/**
 * The data of a {@code change} event on a live seat stream: these seats of the show are now in {@code state}, and
 * {@code availableSeats} are free once the decisions it reports are applied.
 */
public record SeatChange(String showId, List<Integer> seats, State state, int availableSeats) {

    public enum State {
        TAKEN, HELD, FREE
    }
}
