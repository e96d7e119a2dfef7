package io.boxoffice.processor.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.boxoffice.common.ProblemCodes;
import io.boxoffice.common.Stores;
import io.boxoffice.common.booking.Booking;
import io.boxoffice.common.booking.BookingCommand;
import io.boxoffice.common.booking.BookingCommand.BookSeats;
import io.boxoffice.common.booking.BookingCommand.CancelBooking;
import io.boxoffice.common.booking.BookingCommand.CancelShow;
import io.boxoffice.common.booking.BookingCommand.ConfirmHold;
import io.boxoffice.common.booking.BookingCommand.CreateShow;
import io.boxoffice.common.booking.BookingCommand.PlaceHold;
import io.boxoffice.common.booking.BookingCommand.ReleaseHold;
import io.boxoffice.common.booking.BookingEvent;
import io.boxoffice.common.booking.BookingEvent.EventType;
import io.boxoffice.common.booking.BookingStatus;
import io.boxoffice.common.booking.CommandReply;
import io.boxoffice.common.booking.CommandReply.Outcome;
import io.boxoffice.common.booking.Hold;
import io.boxoffice.common.booking.HoldStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Holds on the production topology without a broker: placing, confirming, releasing, and expiry driven by the
 * wall clock, which the driver advances together with the commands' record time.
 */
class HoldTopologyTest {
    private static final String SHOW = "show1";
    private static final String ALICE = "alice";
    private static final String BOB = "bob";
    /** The default hold time of a show that names none. */
    private static final Duration HOLD = Duration.ofSeconds(600);

    @TempDir
    Path stateDir;
    private TopologyFixture fixture;

    @BeforeEach
    void scheduleShowOfTenSeats() {
        fixture = new TopologyFixture(stateDir);
        fixture.scheduleShowOfTenSeats(SHOW, "movie1");
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private CommandReply hold(String user, Integer... seats) {
        return fixture.send(user, false, new PlaceHold(SHOW, List.of(seats), null));
    }

    private CommandReply holdBest(String user, int n) {
        return fixture.send(user, false, new PlaceHold(SHOW, null, n));
    }

    private CommandReply confirm(String user, String holdId) {
        return fixture.send(user, false, new ConfirmHold(holdId));
    }

    private CommandReply release(String user, String holdId) {
        return fixture.send(user, false, new ReleaseHold(holdId));
    }

    private Hold stored(String holdId) {
        KeyValueStore<String, Hold> holds = fixture.store(Stores.HOLDS);
        return holds.get(holdId);
    }

    private int seatsOf(String user) {
        KeyValueStore<String, Integer> userSeats = fixture.store(Stores.USER_SEATS);
        Integer seats = userSeats.get(Stores.compositeKey(SHOW, user));
        return seats == null ? 0 : seats;
    }

    private List<EventType> eventTypes() {
        return fixture.events.readValuesToList().stream().map(BookingEvent::type).toList();
    }

    @Test
    void shouldHoldFreeSeatsForItsUserUntilTheShowsHoldTimeHasPassed() {
        // when
        CommandReply reply = hold(ALICE, 4, 2);
        // then
        assertThat(reply.outcome()).isEqualTo(Outcome.CREATED);
        Hold hold = reply.hold();
        assertThat(hold.id()).startsWith(SHOW + "-");
        assertThat(hold.seats()).containsExactly(2, 4);
        assertThat(hold.status()).isEqualTo(HoldStatus.HELD);
        assertThat(hold.expiresAt()).isEqualTo(hold.createdAt().plus(HOLD)).isEqualTo(fixture.now().plus(HOLD));
        assertThat(fixture.show(SHOW).toSeatMap().held()).containsExactly(2, 4);
        assertThat(fixture.show(SHOW).toSeatMap().taken()).isEmpty();
        assertThat(fixture.show(SHOW).availableSeats()).isEqualTo(8);
        assertThat(seatsOf(ALICE)).isEqualTo(2);
        List<BookingEvent> events = fixture.events.readValuesToList();
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(EventType.HOLD_PLACED);
            assertThat(event.holdId()).isEqualTo(hold.id());
            assertThat(event.expiresAt()).isEqualTo(hold.expiresAt());
            assertThat(event.availableSeats()).isEqualTo(8);
        });
    }

    @Test
    void shouldRefuseAnyoneElseTheHeldSeatsWhenBookingOrHolding() {
        // given
        hold(ALICE, 2, 3);
        // when
        CommandReply booking = fixture.send(BOB, false, new BookSeats(SHOW, List.of(3, 4)));
        CommandReply holding = hold(BOB, 1, 2);
        // then
        assertThat(booking.code()).isEqualTo(ProblemCodes.SEAT_TAKEN);
        assertThat(booking.seats()).containsExactly(3);
        assertThat(holding.code()).isEqualTo(ProblemCodes.SEAT_TAKEN);
        assertThat(holding.seats()).containsExactly(2);
        assertThat(fixture.show(SHOW).toSeatMap().held()).containsExactly(2, 3);
        assertThat(fixture.show(SHOW).toSeatMap().taken()).isEmpty();
    }

    @Test
    void shouldCountHeldSeatsTowardsTheLimitWhenBookingOrHoldingMore() {
        // given: at most four per user
        hold(ALICE, 1, 2, 3);
        // when / then
        assertThat(fixture.send(ALICE, false, new BookSeats(SHOW, List.of(4, 5))).code())
                .isEqualTo(ProblemCodes.LIMIT_EXCEEDED);
        assertThat(hold(ALICE, 4, 5).code()).isEqualTo(ProblemCodes.LIMIT_EXCEEDED);
        assertThat(holdBest(ALICE, 2).code()).isEqualTo(ProblemCodes.LIMIT_EXCEEDED);
        assertThat(hold(ALICE, 4).outcome()).isEqualTo(Outcome.CREATED);
        assertThat(seatsOf(ALICE)).isEqualTo(4);
    }

    @Test
    void shouldTurnTheHoldIntoOneBookingWhenConfirmedEvenIfConfirmedTwice() {
        // given
        Hold hold = hold(ALICE, 5, 6).hold();
        fixture.events.readValuesToList();
        // when
        CommandReply confirmed = confirm(ALICE, hold.id());
        List<EventType> events = eventTypes();
        CommandReply again = confirm(ALICE, hold.id());
        // then
        assertThat(confirmed.outcome()).isEqualTo(Outcome.CREATED);
        Booking booking = confirmed.booking();
        assertThat(booking.status()).isEqualTo(BookingStatus.ACTIVE);
        assertThat(booking.seats()).containsExactly(5, 6);
        assertThat(booking.holdId()).isEqualTo(hold.id());
        assertThat(events).containsExactly(EventType.HOLD_CONFIRMED, EventType.BOOKING_CONFIRMED);
        assertThat(again.outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(again.booking()).isEqualTo(booking);
        assertThat(eventTypes()).as("a repeat changes nothing").isEmpty();
        assertThat(stored(hold.id()).status()).isEqualTo(HoldStatus.CONFIRMED);
        assertThat(stored(hold.id()).bookingId()).isEqualTo(booking.id());
        assertThat(fixture.show(SHOW).toSeatMap().taken()).containsExactly(5, 6);
        assertThat(fixture.show(SHOW).toSeatMap().held()).isEmpty();
        assertThat(seatsOf(ALICE)).as("the seats stay counted, as the booking's").isEqualTo(2);
    }

    @Test
    void shouldFreeTheSeatsAtOnceWhenReleasedAndAnswerTheSameWhenReleasedAgain() {
        // given
        Hold hold = hold(ALICE, 7).hold();
        // when
        CommandReply released = release(ALICE, hold.id());
        CommandReply again = release(ALICE, hold.id());
        // then
        assertThat(released.outcome()).isEqualTo(Outcome.CHANGED);
        assertThat(released.hold().status()).isEqualTo(HoldStatus.RELEASED);
        assertThat(again.outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(again.hold().status()).isEqualTo(HoldStatus.RELEASED);
        assertThat(fixture.show(SHOW).availableSeats()).isEqualTo(10);
        assertThat(seatsOf(ALICE)).isZero();
        assertThat(confirm(ALICE, hold.id()).code()).isEqualTo(ProblemCodes.HOLD_RELEASED);
        assertThat(fixture.send(BOB, false, new BookSeats(SHOW, List.of(7))).outcome()).isEqualTo(Outcome.CREATED);
    }

    @Test
    void shouldExpireTheHoldWithoutARequestOnceItsTimeHasPassed() {
        // given
        Hold hold = hold(ALICE, 1, 2).hold();
        fixture.events.readValuesToList();
        // when: the wall clock passes expiresAt
        fixture.advance(HOLD.minusSeconds(1));
        assertThat(stored(hold.id()).status()).as("not yet due").isEqualTo(HoldStatus.HELD);
        fixture.advance(Duration.ofSeconds(1).plus(HoldExpiry.INTERVAL));
        // then
        List<BookingEvent> events = fixture.events.readValuesToList();
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(EventType.HOLD_EXPIRED);
            assertThat(event.holdId()).isEqualTo(hold.id());
            assertThat(event.requestId()).isNull();
            assertThat(event.eventId()).isEqualTo(hold.id() + "-expiry-e0");
            assertThat(event.availableSeats()).isEqualTo(10);
            assertThat(Duration.between(hold.expiresAt(), event.occurredAt())).isLessThan(Duration.ofSeconds(2));
        });
        assertThat(fixture.replies.readValuesToList()).as("nobody waits for an expiry").isEmpty();
        assertThat(stored(hold.id()).status()).isEqualTo(HoldStatus.EXPIRED);
        assertThat(fixture.show(SHOW).availableSeats()).isEqualTo(10);
        assertThat(seatsOf(ALICE)).isZero();
        fixture.advance(Duration.ofMinutes(5));
        assertThat(fixture.events.readValuesToList()).as("an expiry happens once").isEmpty();
        assertThat(confirm(ALICE, hold.id()).code()).isEqualTo(ProblemCodes.HOLD_EXPIRED);
        assertThat(release(ALICE, hold.id()).code()).isEqualTo(ProblemCodes.HOLD_EXPIRED);
    }

    @Test
    void shouldRefuseAConfirmThatComesAfterExpiryEvenBeforeThePunctuationRan() {
        // given: a hold, and a confirm whose record time is past expiresAt while the wall clock is not yet
        Hold hold = hold(ALICE, 3).hold();
        fixture.events.readValuesToList();
        Instant late = hold.expiresAt().plusMillis(1);
        // when
        fixture.commands.pipeInput(SHOW, new BookingCommand(SHOW + "-rlate", ALICE,
                false, TopologyFixture.REPLY_PARTITION, late, new ConfirmHold(hold.id())), late);
        CommandReply reply = fixture.replies.readValue();
        // then: expired in that decision, once
        assertThat(reply.code()).isEqualTo(ProblemCodes.HOLD_EXPIRED);
        assertThat(eventTypes()).containsExactly(EventType.HOLD_EXPIRED);
        fixture.advance(HOLD.plus(Duration.ofSeconds(5)));
        assertThat(eventTypes()).as("the punctuation finds nothing left to expire").isEmpty();
        assertThat(stored(hold.id()).status()).isEqualTo(HoldStatus.EXPIRED);
        assertThat(fixture.show(SHOW).availableSeats()).isEqualTo(10);
    }

    @Test
    void shouldNeverExpireAHoldConfirmedJustBeforeItsTime() {
        // given
        Hold hold = hold(ALICE, 8).hold();
        fixture.advance(HOLD.minusSeconds(3));
        // when
        CommandReply confirmed = confirm(ALICE, hold.id());
        fixture.advance(Duration.ofMinutes(10));
        // then
        assertThat(confirmed.outcome()).isEqualTo(Outcome.CREATED);
        assertThat(stored(hold.id()).status()).isEqualTo(HoldStatus.CONFIRMED);
        assertThat(fixture.show(SHOW).toSeatMap().taken()).containsExactly(8);
        assertThat(fixture.events.readValuesToList()).extracting(BookingEvent::type)
                .doesNotContain(EventType.HOLD_EXPIRED);
        assertThat(release(ALICE, hold.id()).code()).isEqualTo(ProblemCodes.HOLD_CONFIRMED);
    }

    @Test
    void shouldExpireManyHoldsInTheOrderOfTheirTimeWhenTheyFallDue() {
        // given: holds placed a second apart by users of one seat each
        for (int seat = 1; seat <= 10; seat++) {
            hold("user" + seat, seat);
        }
        fixture.events.readValuesToList();
        // when: the wall clock reaches the expiry of the first five only
        fixture.advance(HOLD.minusSeconds(10 - 5).plus(HoldExpiry.INTERVAL));
        // then
        List<BookingEvent> expired = fixture.events.readValuesToList();
        assertThat(expired).extracting(BookingEvent::seats).containsExactly(List.of(1), List.of(2), List.of(3),
                List.of(4), List.of(5));
        assertThat(fixture.show(SHOW).toSeatMap().held()).containsExactly(6, 7, 8, 9, 10);
    }

    @Test
    void shouldNotLetAnotherUserSeeConfirmOrReleaseTheHoldButLetAnAdminRelease() {
        // given
        Hold hold = hold(ALICE, 9).hold();
        // when / then
        assertThat(confirm(BOB, hold.id()).code()).isEqualTo(ProblemCodes.HOLD_NOT_FOUND);
        assertThat(release(BOB, hold.id()).code()).isEqualTo(ProblemCodes.HOLD_NOT_FOUND);
        assertThat(fixture.send("admin", true, new ConfirmHold(hold.id())).code())
                .as("only its owner confirms").isEqualTo(ProblemCodes.HOLD_NOT_FOUND);
        assertThat(stored(hold.id()).status()).isEqualTo(HoldStatus.HELD);
        assertThat(fixture.send("admin", true, new ReleaseHold(hold.id())).outcome()).isEqualTo(Outcome.CHANGED);
        assertThat(fixture.send(ALICE, false, new ConfirmHold(SHOW + "-h99")).code())
                .isEqualTo(ProblemCodes.HOLD_NOT_FOUND);
    }

    @Test
    void shouldReleaseTheShowsHoldsBeforeItsCancellationWhenTheShowIsCancelled() {
        // given
        Hold alices = hold(ALICE, 1, 2).hold();
        Booking bobs = fixture.send(BOB, false, new BookSeats(SHOW, List.of(5))).booking();
        fixture.events.readValuesToList();
        // when
        fixture.send("admin", true, new CancelShow(SHOW));
        // then
        List<BookingEvent> events = fixture.events.readValuesToList();
        assertThat(events).extracting(BookingEvent::type).containsExactly(EventType.HOLD_RELEASED,
                EventType.BOOKING_CANCELLED, EventType.SHOW_CANCELLED);
        assertThat(events.get(0).reason()).isEqualTo(EventLog.BY_SHOW_CANCELLATION);
        assertThat(stored(alices.id()).status()).isEqualTo(HoldStatus.RELEASED);
        assertThat(seatsOf(ALICE)).isZero();
        assertThat(confirm(ALICE, alices.id()).code()).isEqualTo(ProblemCodes.SHOW_CANCELLED);
        assertThat(fixture.send(BOB, false, new CancelBooking(bobs.id())).code())
                .isEqualTo(ProblemCodes.ALREADY_CANCELLED);
        fixture.advance(HOLD.plusSeconds(5));
        assertThat(eventTypes()).as("no expiry of a released hold").isEmpty();
    }

    @Test
    void shouldHoldTheBestAvailableSeatsWhenAskedForANumber() {
        // given: a show of 3 rows of 5 with seats 8 (the centre) taken
        fixture.send("admin", true, new CreateShow("show2", "movie1", "Screen 2", Instant.parse("2026-12-02T20:00:00Z"),
                15, 4, 60, 5));
        fixture.send(BOB, false, new BookSeats("show2", List.of(8)));
        // when
        CommandReply best = fixture.send(ALICE, false, new PlaceHold("show2", null, 2));
        // then: the middle row 6..10 has blocks 6-7 and 9-10, equally near its centre: the lower wins
        assertThat(best.outcome()).isEqualTo(Outcome.CREATED);
        assertThat(best.hold().seats()).containsExactly(6, 7);
        assertThat(best.hold().expiresAt()).isEqualTo(best.hold().createdAt().plusSeconds(60));
    }

    @Test
    void shouldRefuseBestAvailableWhenTooFewSeatsAreFreeOrTheNumberIsOutOfRange() {
        // given: eight of ten seats booked by others
        fixture.send("u1", false, new BookSeats(SHOW, List.of(1, 2, 3, 4)));
        fixture.send("u2", false, new BookSeats(SHOW, List.of(5, 6, 7, 8)));
        fixture.events.readValuesToList();
        // when / then
        assertThat(holdBest(ALICE, 3).code()).isEqualTo(ProblemCodes.NOT_ENOUGH_SEATS);
        assertThat(holdBest(ALICE, 0).code()).isEqualTo(ProblemCodes.INVALID_REQUEST);
        assertThat(holdBest(ALICE, 5).code()).as("beyond maxSeatsPerUser").isEqualTo(ProblemCodes.INVALID_REQUEST);
        assertThat(fixture.send(ALICE, false, new PlaceHold(SHOW, List.of(9), 1)).code())
                .as("both seats and bestAvailable").isEqualTo(ProblemCodes.INVALID_REQUEST);
        assertThat(fixture.send(ALICE, false, new PlaceHold(SHOW, null, null)).code())
                .as("neither").isEqualTo(ProblemCodes.INVALID_REQUEST);
        assertThat(fixture.events.readValuesToList()).extracting(BookingEvent::type)
                .containsOnly(EventType.BOOKING_REJECTED);
        assertThat(holdBest(ALICE, 2).hold().seats()).containsExactly(9, 10);
        assertThat(holdBest(BOB, 1).code()).isEqualTo(ProblemCodes.SOLD_OUT);
        assertThat(fixture.show(SHOW).availableSeats()).isZero();
    }
}
