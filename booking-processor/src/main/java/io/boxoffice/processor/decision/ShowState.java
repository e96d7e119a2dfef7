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
 * Everything the single writer needs to decide a booking of one show, in one store value: one read and
 * one write per decision, never a scan of bookings. {@code taken} is a bitmap (bit {@code n-1} for seat
 * {@code n}); {@code takenCount} is kept equal to its cardinality, so availability is O(1).
 *
 * @param bookingSequence the number of bookings ever made; the next booking id derives from it
 */
public record ShowState(String id, String movieId, String screen, Instant startsAt, int totalSeats,
                        int maxSeatsPerUser, ShowStatus status, int takenCount, long bookingSequence,
                        byte[] taken) {

    static ShowState scheduled(CreateShow command) {
        return new ShowState(command.showId(), command.movieId(), command.screen(), command.startsAt(),
                command.totalSeats(), command.maxSeatsPerUser(), ShowStatus.OPEN, 0, 0,
                new byte[(command.totalSeats() + 7) / 8]);
    }

    public boolean open() {
        return status == ShowStatus.OPEN;
    }

    public int availableSeats() {
        return totalSeats - takenCount;
    }

    public boolean inRange(int seat) {
        return seat >= 1 && seat <= totalSeats;
    }

    public boolean isTaken(int seat) {
        int bit = seat - 1;
        return (taken[bit >>> 3] & (1 << (bit & 7))) != 0;
    }

    /** The state after {@code seats} (all free) were booked as the next booking. */
    ShowState book(Collection<Integer> seats) {
        byte[] next = taken.clone();
        for (int seat : seats) {
            int bit = seat - 1;
            next[bit >>> 3] |= (byte) (1 << (bit & 7));
        }
        return new ShowState(id, movieId, screen, startsAt, totalSeats, maxSeatsPerUser, status,
                takenCount + seats.size(), bookingSequence + 1, next);
    }

    /** The state after {@code seats} (all taken) were given back. */
    ShowState release(Collection<Integer> seats) {
        byte[] next = taken.clone();
        for (int seat : seats) {
            int bit = seat - 1;
            next[bit >>> 3] &= (byte) ~(1 << (bit & 7));
        }
        return new ShowState(id, movieId, screen, startsAt, totalSeats, maxSeatsPerUser, status,
                takenCount - seats.size(), bookingSequence, next);
    }

    /** The cancelled show: no seat is held any more, since all its bookings are cancelled with it. */
    ShowState cancelled() {
        return new ShowState(id, movieId, screen, startsAt, totalSeats, maxSeatsPerUser, ShowStatus.CANCELLED,
                0, bookingSequence, new byte[taken.length]);
    }

    public Show toShow() {
        return new Show(id, movieId, screen, startsAt, totalSeats, availableSeats(), maxSeatsPerUser, status);
    }

    public SeatMap toSeatMap() {
        List<Integer> seats = new ArrayList<>(takenCount);
        for (int seat = 1; seat <= totalSeats; seat++) {
            if (isTaken(seat)) {
                seats.add(seat);
            }
        }
        return new SeatMap(id, totalSeats, availableSeats(), seats);
    }
}
