package io.boxoffice.processor.decision;

import java.util.Collection;

/**
 * The seats of one show, as its single writer decides on them: two bitmaps (bit {@code n-1} for seat {@code n}),
 * booked and held, never both set for one seat; their cardinalities; and the per-row free-block index, the
 * longest run of free seats in each row, which lets best available skip every row too full for a party without
 * looking at its seats. Seat {@code k} is in row {@code ceil(k / seatsPerRow)}; the last row may be shorter.
 *
 * <p>Immutable: a change answers a new plan and recomputes the index of the rows it touched only, so a decision
 * costs the copy of the bitmaps plus its rows, never a scan of the hall.
 */
public final class SeatPlan {
    private final int totalSeats;
    private final int seatsPerRow;
    private final byte[] booked;
    private final byte[] held;
    private final int bookedCount;
    private final int heldCount;
    /** Per row (index {@code row - 1}), the longest run of free seats; at most 1000, the longest row. */
    private final short[] longestFree;

    private SeatPlan(int totalSeats, int seatsPerRow, byte[] booked, byte[] held, int bookedCount, int heldCount,
                     short[] longestFree) {
        this.totalSeats = totalSeats;
        this.seatsPerRow = seatsPerRow;
        this.booked = booked;
        this.held = held;
        this.bookedCount = bookedCount;
        this.heldCount = heldCount;
        this.longestFree = longestFree;
    }

    /** A hall with every seat free. */
    public static SeatPlan empty(int totalSeats, int seatsPerRow) {
        return of(totalSeats, seatsPerRow, new byte[bytesFor(totalSeats)], new byte[bytesFor(totalSeats)]);
    }

    /** A plan of the given bitmaps, its counts and index computed: for values stored without them. */
    static SeatPlan of(int totalSeats, int seatsPerRow, byte[] booked, byte[] held) {
        SeatPlan plan = new SeatPlan(totalSeats, seatsPerRow, booked, held, cardinality(booked), cardinality(held),
                new short[rows(totalSeats, seatsPerRow)]);
        for (int row = 1; row <= plan.rows(); row++) {
            plan.index(row);
        }
        return plan;
    }

    /**
     * A plan as stored. Its shape is checked on every read ({@link #wellFormed}, through {@link StoredValues}); its
     * counts and index are trusted, as only the decider writes them.
     */
    public static SeatPlan stored(int totalSeats, int seatsPerRow, byte[] booked, byte[] held, int bookedCount,
                           int heldCount, short[] longestFree) {
        return new SeatPlan(totalSeats, seatsPerRow, booked, held, bookedCount, heldCount, longestFree);
    }

    static int bytesFor(int totalSeats) {
        return (totalSeats + 7) / 8;
    }

    static int rows(int totalSeats, int seatsPerRow) {
        return (totalSeats + seatsPerRow - 1) / seatsPerRow;
    }

    int totalSeats() {
        return totalSeats;
    }

    int seatsPerRow() {
        return seatsPerRow;
    }

    int rows() {
        return longestFree.length;
    }

    int rowOf(int seat) {
        return (seat - 1) / seatsPerRow + 1;
    }

    int firstSeat(int row) {
        return (row - 1) * seatsPerRow + 1;
    }

    int lastSeat(int row) {
        return Math.min(row * seatsPerRow, totalSeats);
    }

    int longestFreeRun(int row) {
        return longestFree[row - 1];
    }

    int bookedCount() {
        return bookedCount;
    }

    int heldCount() {
        return heldCount;
    }

    int freeCount() {
        return totalSeats - bookedCount - heldCount;
    }

    boolean inRange(int seat) {
        return seat >= 1 && seat <= totalSeats;
    }

    boolean isBooked(int seat) {
        return bit(booked, seat);
    }

    boolean isHeld(int seat) {
        return bit(held, seat);
    }

    boolean isFree(int seat) {
        return !bit(booked, seat) && !bit(held, seat);
    }

    /** Free seats become booked. */
    SeatPlan book(Collection<Integer> seats) {
        return change(seats, true, false, seats.size(), 0);
    }

    /** Free seats become held. */
    SeatPlan hold(Collection<Integer> seats) {
        return change(seats, false, true, 0, seats.size());
    }

    /** Held seats become booked: a hold confirmed. */
    SeatPlan confirm(Collection<Integer> seats) {
        return change(seats, true, false, seats.size(), -seats.size());
    }

    /** Held seats become free: a hold released or expired. */
    SeatPlan unhold(Collection<Integer> seats) {
        return change(seats, false, false, 0, -seats.size());
    }

    /** Booked seats become free: a booking cancelled. */
    SeatPlan unbook(Collection<Integer> seats) {
        return change(seats, false, false, -seats.size(), 0);
    }

    /** Every seat free: the show is cancelled with all its bookings and holds. */
    SeatPlan cleared() {
        return empty(totalSeats, seatsPerRow);
    }

    byte[] booked() {
        return booked.clone();
    }

    byte[] held() {
        return held.clone();
    }

    short[] longestFree() {
        return longestFree.clone();
    }

    /** The bytes {@link #writeTo} writes. */
    int arrayBytes() {
        return booked.length + held.length + Short.BYTES * longestFree.length;
    }

    /** Writes the plan's arrays without copying them: for the store's serde only. */
    void writeTo(java.nio.ByteBuffer out) {
        out.put(booked).put(held);
        for (short run : longestFree) {
            out.putShort(run);
        }
    }

    /**
     * Whether the plan's arrays fit its hall and its counts are possible: cheap enough for every read of a
     * stored value (the index itself is trusted, as only the decider writes it).
     */
    boolean wellFormed() {
        return totalSeats >= 1 && seatsPerRow >= 1 && booked != null && held != null && longestFree != null
                && booked.length == bytesFor(totalSeats) && held.length == bytesFor(totalSeats)
                && longestFree.length == rows(totalSeats, seatsPerRow) && bookedCount >= 0 && heldCount >= 0
                && bookedCount + heldCount <= totalSeats;
    }

    private SeatPlan change(Collection<Integer> seats, boolean toBooked, boolean toHeld, int bookedDelta,
                            int heldDelta) {
        // Only a bitmap that changes is copied: the plans share the other, which neither ever writes.
        boolean bookedChanges = bookedDelta != 0;
        boolean heldChanges = heldDelta != 0;
        byte[] nextBooked = bookedChanges ? booked.clone() : booked;
        byte[] nextHeld = heldChanges ? held.clone() : held;
        for (int seat : seats) {
            if (bookedChanges) {
                set(nextBooked, seat, toBooked);
            }
            if (heldChanges) {
                set(nextHeld, seat, toHeld);
            }
        }
        SeatPlan next = new SeatPlan(totalSeats, seatsPerRow, nextBooked, nextHeld, bookedCount + bookedDelta,
                heldCount + heldDelta, longestFree.clone());
        int lastIndexed = 0;
        for (int seat : seats) {
            int row = rowOf(seat);
            if (row != lastIndexed) { // seats come sorted, so a row is usually indexed once
                next.index(row);
                lastIndexed = row;
            }
        }
        return next;
    }

    private void index(int row) {
        int longest = 0;
        int run = 0;
        for (int seat = firstSeat(row), last = lastSeat(row); seat <= last; seat++) {
            run = isFree(seat) ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        longestFree[row - 1] = (short) longest;
    }

    private static boolean bit(byte[] bits, int seat) {
        int bit = seat - 1;
        return (bits[bit >>> 3] & (1 << (bit & 7))) != 0;
    }

    private static void set(byte[] bits, int seat, boolean on) {
        int bit = seat - 1;
        if (on) {
            bits[bit >>> 3] |= (byte) (1 << (bit & 7));
        } else {
            bits[bit >>> 3] &= (byte) ~(1 << (bit & 7));
        }
    }

    private static int cardinality(byte[] bits) {
        int count = 0;
        for (byte b : bits) {
            count += Integer.bitCount(b & 0xff);
        }
        return count;
    }
}
