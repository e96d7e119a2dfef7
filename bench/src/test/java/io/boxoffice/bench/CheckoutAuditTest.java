package io.boxoffice.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A seat map read during the checkout storm is compared with the holds and bookings of its moment: what
 * was surely held or taken must show, and nothing may show that no hold or booking could have had then.
 * Times are wall-clock milliseconds; the map is read between 10,000 and 10,010.
 */
class CheckoutAuditTest {
    private static final long NEVER = Long.MAX_VALUE;
    private static final long EXPIRES = 20_000;

    @Test
    void shouldAgreeWhenEverySeatShownBelongsToAHoldOrBookingOfThatMoment() {
        // given: seats 1-2 held (answered before the read), seat 3 booked from a hold confirmed before it
        List<CheckoutAudit.Span> spans = spansOf(hold("h1", List.of(1, 2), "HELD", 5_000, null), 5_100, NEVER);
        spans = concat(spans, spansOf(hold("h2", List.of(3), "CONFIRMED", 4_000, "b2"), 4_100, 6_100,
                booking("b2", "h2", List.of(3), 6_000)));
        // then
        assertEquals(0, CheckoutAudit.mismatches(sample(Set.of(1, 2), Set.of(3), 97), spans));
    }

    @Test
    void shouldCountASeatSurelyHeldWhenTheMapDoesNotShowIt() {
        // given: a hold answered before the read, due long after it
        List<CheckoutAudit.Span> spans = spansOf(hold("h1", List.of(1, 2), "EXPIRED", 5_000, null), 5_100, NEVER);
        // then: seat 2 is missing from the map
        assertEquals(1, CheckoutAudit.mismatches(sample(Set.of(1), Set.of(), 99), spans));
    }

    @Test
    void shouldCountASeatShownHeldWhenNoHoldCouldHaveHadIt() {
        // given: a hold expired before the read by more than the contract's 2 s
        CheckoutAudit.Hold expired = new CheckoutAudit.Hold("h1", "s", List.of(1), "EXPIRED", 1_000, 7_000, null);
        List<CheckoutAudit.Span> spans = CheckoutAudit.spans(expired, null, 1_100, NEVER);
        // then: seat 1 still shown held 3 s after its expiresAt
        assertEquals(1, CheckoutAudit.mismatches(sample(Set.of(1), Set.of(), 99), spans));
        // and: within 2 s it may still show
        CheckoutAudit.Hold recent = new CheckoutAudit.Hold("h1", "s", List.of(1), "EXPIRED", 1_000, 8_500, null);
        assertEquals(0, CheckoutAudit.mismatches(sample(Set.of(1), Set.of(), 99),
                CheckoutAudit.spans(recent, null, 1_100, NEVER)));
    }

    @Test
    void shouldAcceptEitherSideWhileAConfirmationIsInFlight() {
        // given: a confirmation sent at 10,005 and answered at 10,050, while the map was read
        List<CheckoutAudit.Span> spans = spansOf(hold("h1", List.of(4), "CONFIRMED", 5_000, "b1"), 5_100, 10_050,
                booking("b1", "h1", List.of(4), 10_005));
        // then: held and taken are both right
        assertEquals(0, CheckoutAudit.mismatches(sample(Set.of(4), Set.of(), 99), spans));
        assertEquals(0, CheckoutAudit.mismatches(sample(Set.of(), Set.of(4), 99), spans));
        // and: once the answer came, only taken is
        SeatMapWatch.Sample later = new SeatMapWatch.Sample("s", 10_100, 10_110, 100, 99, Set.of(4), Set.of());
        assertEquals(2, CheckoutAudit.mismatches(later, spans));
    }

    @Test
    void shouldCountATakenSeatThatNoBookingHadAndAWrongAvailableCount() {
        // given: nothing held or booked
        List<CheckoutAudit.Span> spans = List.of();
        // then: one seat taken from nowhere, and availableSeats that does not add up
        assertEquals(1, CheckoutAudit.mismatches(sample(Set.of(), Set.of(9), 99), spans));
        assertEquals(1, CheckoutAudit.mismatches(sample(Set.of(), Set.of(), 98), spans));
    }

    private static SeatMapWatch.Sample sample(Set<Integer> held, Set<Integer> taken, int available) {
        return new SeatMapWatch.Sample("s", 10_000, 10_010, 100, available, held, taken);
    }

    private static CheckoutAudit.Hold hold(String id, List<Integer> seats, String status, long createdAt,
                                           String bookingId) {
        return new CheckoutAudit.Hold(id, "s", seats, status, createdAt, EXPIRES, bookingId);
    }

    private static CheckoutAudit.Booking booking(String id, String holdId, List<Integer> seats, long createdAt) {
        return new CheckoutAudit.Booking(id, "s", seats, "ACTIVE", createdAt, holdId);
    }

    private static List<CheckoutAudit.Span> spansOf(CheckoutAudit.Hold hold, long heldAnswered, long confirmAnswered) {
        return CheckoutAudit.spans(hold, null, heldAnswered, confirmAnswered);
    }

    private static List<CheckoutAudit.Span> spansOf(CheckoutAudit.Hold hold, long heldAnswered, long confirmAnswered,
                                                    CheckoutAudit.Booking booking) {
        return CheckoutAudit.spans(hold, booking, heldAnswered, confirmAnswered);
    }

    private static List<CheckoutAudit.Span> concat(List<CheckoutAudit.Span> a, List<CheckoutAudit.Span> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}
