package io.boxoffice.gateway.seatstream;

import io.boxoffice.common.booking.SeatMap;
import io.boxoffice.gateway.seatstream.SeatChange.State;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * A show's seat map as this gateway's streams show it: a snapshot from the show's writer, then every decision from
 * {@code booking-events} applied in feed order. Seats touched since the last {@link #drain} are remembered with their
 * final state only, so a burst of decisions is sent as at most one change per state, whatever its length. Owned by
 * one thread at a time (the feed's), never shared.
 */
final class ShowSeats {
    private final String showId;
    private final int totalSeats;
    private final BitSet taken;
    private final BitSet held;
    private final BitSet touched = new BitSet();
    private int availableSeats;
    private boolean resyncDue;

    private ShowSeats(String showId, int totalSeats, BitSet taken, BitSet held, int availableSeats) {
        this.showId = showId;
        this.totalSeats = totalSeats;
        this.taken = taken;
        this.held = held;
        this.availableSeats = availableSeats;
    }

    static ShowSeats of(SeatMap map) {
        return new ShowSeats(map.showId(), map.totalSeats(), bits(map.taken()), bits(map.held()),
                map.availableSeats());
    }

    /** What {@link #drain} found: the changes to send, or that a fresh snapshot must be sent instead. */
    record Drained(List<SeatChange> changes, boolean resync) {
        boolean isEmpty() {
            return changes.isEmpty() && !resync;
        }
    }

    void apply(SeatEvents.Effect effect) {
        if (effect.resync()) {
            resyncDue = true;
            return;
        }
        for (int seat : effect.seats()) {
            if (seat < 1 || seat > totalSeats) {
                resyncDue = true;
                continue;
            }
            taken.set(seat, effect.state() == State.TAKEN);
            held.set(seat, effect.state() == State.HELD);
            touched.set(seat);
        }
        if (effect.availableSeats() != null) {
            availableSeats = effect.availableSeats();
        }
    }

    /** Forgets what was touched: the next streams start from {@link #snapshot} anyway. */
    void resynced() {
        touched.clear();
        resyncDue = false;
    }

    /** The seats touched since the last drain, grouped by their state now (ascending), and forgets them. */
    Drained drain() {
        if (resyncDue) {
            resynced();
            return new Drained(List.of(), true);
        }
        List<SeatChange> changes = new ArrayList<>(3);
        for (State state : State.values()) {
            List<Integer> seats = new ArrayList<>();
            for (int seat = touched.nextSetBit(0); seat >= 0; seat = touched.nextSetBit(seat + 1)) {
                if (state(seat) == state) {
                    seats.add(seat);
                }
            }
            if (!seats.isEmpty()) {
                changes.add(new SeatChange(showId, List.copyOf(seats), state, availableSeats));
            }
        }
        touched.clear();
        return new Drained(changes, false);
    }

    SeatMap snapshot() {
        return new SeatMap(showId, totalSeats, availableSeats, list(taken), list(held));
    }

    private State state(int seat) {
        return taken.get(seat) ? State.TAKEN : held.get(seat) ? State.HELD : State.FREE;
    }

    private static BitSet bits(List<Integer> seats) {
        BitSet bits = new BitSet();
        if (seats != null) {
            seats.forEach(bits::set);
        }
        return bits;
    }

    private static List<Integer> list(BitSet bits) {
        return bits.stream().boxed().toList();
    }
}
