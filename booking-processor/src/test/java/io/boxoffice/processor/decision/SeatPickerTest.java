package io.boxoffice.processor.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Best available against the contract's definition, computed here the slow way: every window of every row. */
class SeatPickerTest {

    @Test
    void shouldPickTheCentreOfTheMiddleRowWhenTheHallIsEmpty() {
        // given: 5 rows of 10; the middle row is 3 (seats 21..30), its centre between seats 25 and 26
        SeatPlan plan = SeatPlan.empty(50, 10);
        // when / then
        assertThat(SeatPicker.bestAvailable(plan, 2)).containsExactly(25, 26);
        assertThat(SeatPicker.bestAvailable(plan, 3)).as("two windows equally near: the lower seat").containsExactly(24, 25, 26);
        assertThat(SeatPicker.bestAvailable(plan, 10)).containsExactly(IntStream.rangeClosed(21, 30).boxed().toArray(Integer[]::new));
    }

    @Test
    void shouldTakeTheRowBelowTheMiddleWhenTheMiddleRowIsFullAndBothNeighboursAreAlike() {
        // given: 5 rows of 10 with the middle row booked
        SeatPlan plan = SeatPlan.empty(50, 10).book(IntStream.rangeClosed(21, 30).boxed().toList());
        // when / then: rows 2 and 4 are as near; their best blocks are as near their centres; row 2 has lower seats
        assertThat(SeatPicker.bestAvailable(plan, 2)).containsExactly(15, 16);
    }

    @Test
    void shouldPreferTheNearerBlockOfARowOverTheSplitCentre() {
        // given: one row of 10 whose centre seats 5 and 6 are held
        SeatPlan plan = SeatPlan.empty(10, 10).hold(List.of(5, 6));
        // when / then: blocks of 3 are 2..4 (centre 3, 2.5 from 5.5) and 7..9 (centre 8, 2.5): the lower wins
        assertThat(SeatPicker.bestAvailable(plan, 3)).containsExactly(2, 3, 4);
        assertThat(SeatPicker.bestAvailable(plan, 4)).containsExactly(1, 2, 3, 4);
    }

    @Test
    void shouldTakeTheClosestSingleSeatsWhenNoRowHasABlock() {
        // given: 3 rows of 4, every other seat booked, so no two free seats are adjacent
        SeatPlan plan = SeatPlan.empty(12, 4).book(List.of(1, 3, 5, 7, 9, 11));
        // when: the middle row is 2 (seats 5..8): free 6 and 8; row 1 has 2 and 4, row 3 has 10 and 12
        List<Integer> picked = SeatPicker.bestAvailable(plan, 3);
        // then: 6 (0.5 from the centre 2.5 of its row), 8 (1.5), then row 1's 2 (0.5)
        assertThat(picked).containsExactly(2, 6, 8);
    }

    @Test
    void shouldRefuseWhenFewerSeatsAreFreeThanAsked() {
        // given
        SeatPlan plan = SeatPlan.empty(6, 3).book(List.of(1, 2, 3, 4));
        // when / then
        assertThat(SeatPicker.bestAvailable(plan, 3)).isNull();
        assertThat(SeatPicker.bestAvailable(plan, 2)).containsExactly(5, 6);
    }

    @Test
    void shouldMeasureTheLastShortRowFromItsOwnCentre() {
        // given: 23 seats in rows of 10; row 2 is the middle (of 3), row 3 has seats 21..23 only
        SeatPlan plan = SeatPlan.empty(23, 10).book(IntStream.rangeClosed(1, 20).boxed().toList());
        // when / then
        assertThat(SeatPicker.bestAvailable(plan, 1)).containsExactly(22);
        assertThat(SeatPicker.bestAvailable(plan, 2)).containsExactly(21, 22);
    }

    @Test
    void shouldAgreeWithTheDefinitionWhenHallsAreRandomlyFilled() {
        // given
        Random random = new Random(20261201);
        for (int round = 0; round < 400; round++) {
            int perRow = 1 + random.nextInt(round % 2 == 0 ? 12 : 40);
            int total = 1 + random.nextInt(400);
            SeatPlan plan = randomlyFilled(SeatPlan.empty(total, perRow), random, random.nextDouble());
            int n = 1 + random.nextInt(8);
            // when
            List<Integer> picked = SeatPicker.bestAvailable(plan, n);
            // then
            assertThat(picked).as("%d seats in rows of %d, n=%d", total, perRow, n).isEqualTo(byDefinition(plan, n));
        }
    }

    @Test
    void shouldAgreeWithTheDefinitionOnHundredThousandSeatShows() {
        // given: the largest show the contract allows, nearly full, in rows of 20 and of 1000
        Random random = new Random(7);
        for (int perRow : new int[] {20, 1000, 1}) {
            SeatPlan plan = randomlyFilled(SeatPlan.empty(100_000, perRow), random, 0.97);
            for (int n : new int[] {1, 2, 4, 10}) {
                // when
                List<Integer> picked = SeatPicker.bestAvailable(plan, n);
                // then
                assertThat(picked).as("rows of %d, n=%d", perRow, n).isEqualTo(byDefinition(plan, n));
                SeatPlan after = plan.hold(picked);
                assertThat(after.freeCount()).isEqualTo(plan.freeCount() - n);
            }
        }
    }

    @Test
    void shouldKeepTheIndexEqualToTheSeatsWhenSeatsChange() {
        // given
        Random random = new Random(3);
        SeatPlan plan = SeatPlan.empty(1000, 25);
        // when: many changes of every kind
        for (int i = 0; i < 500; i++) {
            int seat = 1 + random.nextInt(1000);
            if (plan.isFree(seat)) {
                plan = random.nextBoolean() ? plan.book(List.of(seat)) : plan.hold(List.of(seat));
            } else if (plan.isHeld(seat)) {
                plan = random.nextBoolean() ? plan.confirm(List.of(seat)) : plan.unhold(List.of(seat));
            } else {
                plan = plan.unbook(List.of(seat));
            }
        }
        // then: counts and index as if computed from the bitmaps alone
        SeatPlan recomputed = SeatPlan.of(1000, 25, plan.booked(), plan.held());
        assertThat(plan.longestFree()).isEqualTo(recomputed.longestFree());
        assertThat(plan.bookedCount()).isEqualTo(recomputed.bookedCount());
        assertThat(plan.heldCount()).isEqualTo(recomputed.heldCount());
    }

    private static SeatPlan randomlyFilled(SeatPlan plan, Random random, double share) {
        List<Integer> booked = new ArrayList<>();
        List<Integer> held = new ArrayList<>();
        for (int seat = 1; seat <= plan.totalSeats(); seat++) {
            double draw = random.nextDouble();
            if (draw < share * 0.8) {
                booked.add(seat);
            } else if (draw < share) {
                held.add(seat);
            }
        }
        return plan.book(booked).hold(held);
    }

    /** The contract's rule by brute force: all windows of all rows, ranked; else all free seats, ranked. */
    private static List<Integer> byDefinition(SeatPlan plan, int n) {
        if (n > plan.freeCount()) {
            return null;
        }
        int middle = (plan.rows() + 1) / 2;
        Comparator<int[]> order = Comparator.<int[]>comparingInt(c -> c[0]).thenComparingInt(c -> c[1])
                .thenComparingInt(c -> c[2]);
        List<int[]> windows = new ArrayList<>(); // {row distance, doubled centre distance, first seat}
        List<int[]> singles = new ArrayList<>();
        for (int row = 1; row <= plan.rows(); row++) {
            int first = plan.firstSeat(row);
            int last = plan.lastSeat(row);
            double rowCentre = (first + last) / 2.0;
            for (int start = first; start + n - 1 <= last; start++) {
                int from = start;
                if (IntStream.range(from, from + n).allMatch(plan::isFree)) {
                    windows.add(new int[] {Math.abs(row - middle), (int) Math.round(2 * Math.abs(start + (n - 1) / 2.0 - rowCentre)), start});
                }
            }
            for (int seat = first; seat <= last; seat++) {
                if (plan.isFree(seat)) {
                    singles.add(new int[] {Math.abs(row - middle), (int) Math.round(2 * Math.abs(seat - rowCentre)), seat});
                }
            }
        }
        if (!windows.isEmpty()) {
            int start = windows.stream().min(order).orElseThrow()[2];
            return IntStream.range(start, start + n).boxed().toList();
        }
        return singles.stream().sorted(order).limit(n).map(c -> c[2]).sorted().toList();
    }
}
