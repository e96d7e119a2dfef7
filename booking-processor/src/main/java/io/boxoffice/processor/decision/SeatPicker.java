package io.boxoffice.processor.decision;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Best available, as the contract defines it: {@code n} free seats adjacent in one row when some row has such a
 * block, the block closest to the centre of the hall (its row's distance from the middle row first, then its
 * centre's distance from its row's centre, then the lower seat number); otherwise the {@code n} free seats
 * closest to the centre by the same order.
 *
 * <p>It walks rows outwards from the middle and asks the {@link SeatPlan}'s index whether a row has a long
 * enough free block before looking at its seats, so a request reads the seats of the rows it can use, never the
 * whole hall. Distances are kept doubled, so that centres between two seats stay integers.
 */
final class SeatPicker {
    /** A window of seats in a row and how far its centre is from the row's centre (doubled). */
    private record Candidate(int firstSeat, int distance) {
        static final Comparator<Candidate> ORDER = Comparator.comparingInt(Candidate::distance)
                .thenComparingInt(Candidate::firstSeat);
    }

    private SeatPicker() {
    }

    /** The {@code n} best available seats, ascending; null when fewer than {@code n} seats are free. */
    static List<Integer> bestAvailable(SeatPlan plan, int n) {
        if (n < 1 || n > plan.freeCount()) {
            return null;
        }
        List<Integer> block = adjacentBlock(plan, n);
        return block != null ? block : closestSeats(plan, n);
    }

    private static List<Integer> adjacentBlock(SeatPlan plan, int n) {
        int middle = middleRow(plan);
        for (int distance = 0; distance <= maxDistance(plan); distance++) {
            Candidate best = null;
            for (int row : rowsAt(plan, middle, distance)) {
                if (plan.longestFreeRun(row) >= n) {
                    Candidate candidate = bestBlockIn(plan, row, n);
                    if (best == null || Candidate.ORDER.compare(candidate, best) < 0) {
                        best = candidate;
                    }
                }
            }
            if (best != null) {
                List<Integer> seats = new ArrayList<>(n);
                for (int seat = best.firstSeat(); seat < best.firstSeat() + n; seat++) {
                    seats.add(seat);
                }
                return seats;
            }
        }
        return null;
    }

    /** The best window of {@code n} free seats in a row known to have one: per free run, the window nearest the centre. */
    private static Candidate bestBlockIn(SeatPlan plan, int row, int n) {
        int first = plan.firstSeat(row);
        int length = plan.lastSeat(row) - first + 1;
        // Window at position p (1-based in the row) has doubled distance |2p + n - 1 - (length + 1)|; its ideal p,
        // (length - n + 2) / 2, rounded down: of two equally near windows, the lower seat wins.
        int ideal = (length - n + 2) / 2;
        Candidate best = null;
        int position = 1;
        while (position <= length) {
            if (!plan.isFree(first + position - 1)) {
                position++;
                continue;
            }
            int runStart = position;
            while (position <= length && plan.isFree(first + position - 1)) {
                position++;
            }
            int runEnd = position - 1;
            if (runEnd - runStart + 1 >= n) {
                int p = Math.clamp(ideal, runStart, runEnd - n + 1);
                Candidate candidate = new Candidate(first + p - 1, Math.abs(2 * p + n - length - 2));
                if (best == null || Candidate.ORDER.compare(candidate, best) < 0) {
                    best = candidate;
                }
            }
        }
        return best;
    }

    /** No row has a block of {@code n}: the free seats nearest the centre, row distance first. */
    private static List<Integer> closestSeats(SeatPlan plan, int n) {
        int middle = middleRow(plan);
        List<Integer> seats = new ArrayList<>(n);
        for (int distance = 0; distance <= maxDistance(plan) && seats.size() < n; distance++) {
            List<Candidate> free = new ArrayList<>();
            for (int row : rowsAt(plan, middle, distance)) {
                if (plan.longestFreeRun(row) == 0) {
                    continue;
                }
                int first = plan.firstSeat(row);
                int length = plan.lastSeat(row) - first + 1;
                for (int p = 1; p <= length; p++) {
                    if (plan.isFree(first + p - 1)) {
                        free.add(new Candidate(first + p - 1, Math.abs(2 * p - length - 1)));
                    }
                }
            }
            free.sort(Candidate.ORDER);
            for (int i = 0; i < free.size() && seats.size() < n; i++) {
                seats.add(free.get(i).firstSeat());
            }
        }
        seats.sort(null);
        return seats;
    }

    /** Row ceil(rows / 2). */
    private static int middleRow(SeatPlan plan) {
        return (plan.rows() + 1) / 2;
    }

    private static int maxDistance(SeatPlan plan) {
        int middle = middleRow(plan);
        return Math.max(middle - 1, plan.rows() - middle);
    }

    /** The rows at {@code distance} from the middle that exist, the lower first. */
    private static int[] rowsAt(SeatPlan plan, int middle, int distance) {
        int below = middle - distance;
        int above = middle + distance;
        boolean hasBelow = below >= 1;
        boolean hasAbove = distance > 0 && above <= plan.rows();
        if (hasBelow && hasAbove) {
            return new int[] {below, above};
        }
        return hasBelow ? new int[] {below} : hasAbove ? new int[] {above} : new int[0];
    }
}
