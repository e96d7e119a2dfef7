package io.boxoffice.processor.decision;

import io.boxoffice.common.booking.BookingCommand.CreateShow;
import io.boxoffice.common.booking.SeatMap;
import io.boxoffice.common.booking.Show;
import io.boxoffice.common.booking.ShowStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Everything the single writer needs to decide a booking or a hold of one show, in one store value: one read
 * and one write per decision, never a scan of bookings or holds. Its {@link SeatPlan} keeps which seats are
 * booked and held, so availability is O(1) and best available reads rows, not seats.
 *
 * @param bookingSequence the number of bookings ever made; the next booking id derives from it
 * @param holdSequence    the number of holds ever placed; the next hold id derives from it
 */
public record ShowState(String id, String movieId, String screen, Instant startsAt, int maxSeatsPerUser,
                        int holdSeconds, ShowStatus status, long bookingSequence, long holdSequence, SeatPlan seats) {

    static ShowState scheduled(CreateShow command) {
        return new ShowState(command.showId(), command.movieId(), command.screen(), command.startsAt(),
                command.maxSeatsPerUser(), command.holdSecondsOrDefault(), ShowStatus.OPEN, 0, 0,
                SeatPlan.empty(command.totalSeats(), command.seatsPerRowOrDefault()));
    }

    public boolean open() {
        return status == ShowStatus.OPEN;
    }

    public int totalSeats() {
        return seats.totalSeats();
    }

    public int seatsPerRow() {
        return seats.seatsPerRow();
    }

    /** Seats neither booked nor held. */
    public int availableSeats() {
        return seats.freeCount();
    }

    /** The state after {@code booked} (all free) became the next booking. */
    ShowState book(Collection<Integer> booked) {
        return next(bookingSequence + 1, holdSequence, seats.book(booked));
    }

    /** The state after {@code held} (all free) became the next hold. */
    ShowState hold(Collection<Integer> held) {
        return next(bookingSequence, holdSequence + 1, seats.hold(held));
    }

    /** The state after the held {@code confirmed} became the next booking. */
    ShowState confirm(Collection<Integer> confirmed) {
        return next(bookingSequence + 1, holdSequence, seats.confirm(confirmed));
    }

    /** The state after held seats were given back (a hold released or expired). */
    ShowState unhold(Collection<Integer> held) {
        return next(bookingSequence, holdSequence, seats.unhold(held));
    }

    /** The state after booked seats were given back (a booking cancelled). */
    ShowState release(Collection<Integer> booked) {
        return next(bookingSequence, holdSequence, seats.unbook(booked));
    }

    /** The cancelled show: every seat free, since all its bookings and holds end with it. */
    ShowState cancelled() {
        return new ShowState(id, movieId, screen, startsAt, maxSeatsPerUser, holdSeconds, ShowStatus.CANCELLED,
                bookingSequence, holdSequence, seats.cleared());
    }

    public Show toShow() {
        return new Show(id, movieId, screen, startsAt, totalSeats(), availableSeats(), maxSeatsPerUser, holdSeconds,
                seatsPerRow(), status);
    }

    public SeatMap toSeatMap() {
        List<Integer> booked = new ArrayList<>(seats.bookedCount());
        List<Integer> held = new ArrayList<>(seats.heldCount());
        for (int seat = 1; seat <= totalSeats(); seat++) {
            if (seats.isBooked(seat)) {
                booked.add(seat);
            } else if (seats.isHeld(seat)) {
                held.add(seat);
            }
        }
        return new SeatMap(id, totalSeats(), availableSeats(), booked, held);
    }

    private ShowState next(long bookings, long holds, SeatPlan plan) {
        return new ShowState(id, movieId, screen, startsAt, maxSeatsPerUser, holdSeconds, status, bookings, holds,
                plan);
    }
}
