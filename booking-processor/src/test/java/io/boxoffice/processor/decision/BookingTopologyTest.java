package io.boxoffice.processor.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.boxoffice.common.ProblemCodes;
import io.boxoffice.common.booking.Booking;
import io.boxoffice.common.booking.BookingCommand;
import io.boxoffice.common.booking.BookingCommand.BookSeats;
import io.boxoffice.common.booking.BookingCommand.CancelBooking;
import io.boxoffice.common.booking.BookingCommand.CancelShow;
import io.boxoffice.common.booking.BookingCommand.CreateShow;
import io.boxoffice.common.booking.BookingEvent;
import io.boxoffice.common.booking.BookingEvent.EventType;
import io.boxoffice.common.booking.BookingStatus;
import io.boxoffice.common.booking.CommandReply;
import io.boxoffice.common.booking.CommandReply.Outcome;
import io.boxoffice.common.booking.ShowStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every decision of the booking-processor, on the production topology, without a broker. */
class BookingTopologyTest {
    private static final String SHOW = "show1";
    private static final String ALICE = "alice";
    private static final String BOB = "bob";

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

    private CommandReply book(String user, Integer... seats) {
        return fixture.send(user, false, new BookSeats(SHOW, List.of(seats)));
    }

    private List<Integer> taken() {
        return fixture.show(SHOW).toSeatMap().taken();
    }

    @Test
    void shouldConfirmBookingWhenSeatsAreFree() {
        CommandReply reply = book(ALICE, 3, 1);

        assertThat(reply.outcome()).isEqualTo(Outcome.CREATED);
        Booking booking = reply.booking();
        assertThat(booking.seats()).containsExactly(1, 3);
        assertThat(booking.userId()).isEqualTo(ALICE);
        assertThat(booking.status()).isEqualTo(BookingStatus.ACTIVE);
        assertThat(booking.id()).startsWith(SHOW + "-");
        assertThat(taken()).containsExactly(1, 3);
        assertThat(fixture.show(SHOW).availableSeats()).isEqualTo(8);
        List<BookingEvent> events = fixture.events.readValuesToList();
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(EventType.BOOKING_CONFIRMED);
            assertThat(event.bookingId()).isEqualTo(booking.id());
            assertThat(event.availableSeats()).isEqualTo(8);
        });
    }

    @Test
    void shouldRejectWholeRequestListingTakenSeatsWhenAnySeatIsTaken() {
        book(ALICE, 2);

        CommandReply reply = book(BOB, 1, 2, 3);

        assertThat(reply.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(reply.code()).isEqualTo(ProblemCodes.SEAT_TAKEN);
        assertThat(reply.seats()).containsExactly(2);
        assertThat(taken()).containsExactly(2);
        assertThat(fixture.events.readValuesToList()).extracting(BookingEvent::type)
                .containsExactly(EventType.BOOKING_CONFIRMED, EventType.BOOKING_REJECTED);
    }

    @Test
    void shouldRejectSeatOutOfRangeWhenSeatIsBeyondTheShow() {
        CommandReply reply = book(ALICE, 10, 11);

        assertThat(reply.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(reply.code()).isEqualTo(ProblemCodes.SEAT_OUT_OF_RANGE);
        assertThat(reply.seats()).containsExactly(11);
        assertThat(taken()).isEmpty();
    }

    @Test
    void shouldRejectInvalidRequestWhenSeatsRepeatOrAreMissing() {
        assertThat(book(ALICE, 1, 1).code()).isEqualTo(ProblemCodes.INVALID_REQUEST);
        assertThat(book(ALICE).code()).isEqualTo(ProblemCodes.INVALID_REQUEST);
        assertThat(taken()).isEmpty();
    }

    @Test
    void shouldRejectSoldOutWhenNoSeatIsLeft() {
        for (int seat = 1; seat <= 10; seat += 2) {
            assertThat(fixture.send("user" + seat, false, new BookSeats(SHOW, List.of(seat, seat + 1))).outcome())
                    .isEqualTo(Outcome.CREATED);
        }

        CommandReply reply = book(ALICE, 5);

        assertThat(reply.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(reply.code()).isEqualTo(ProblemCodes.SOLD_OUT);
        assertThat(fixture.show(SHOW).availableSeats()).isZero();
    }

    @Test
    void shouldRejectLimitExceededWhenUserWouldHoldMoreThanAllowed() {
        assertThat(book(ALICE, 1, 2, 3).outcome()).isEqualTo(Outcome.CREATED);

        CommandReply reply = book(ALICE, 4, 5);

        assertThat(reply.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(reply.code()).isEqualTo(ProblemCodes.LIMIT_EXCEEDED);
        assertThat(taken()).containsExactly(1, 2, 3);
        assertThat(book(ALICE, 4).outcome()).isEqualTo(Outcome.CREATED);
    }

    @Test
    void shouldFreeSeatsAtOnceWhenBookingIsCancelled() {
        Booking booking = book(ALICE, 1, 2, 3, 4).booking();

        CommandReply cancelled = fixture.send(ALICE, false, new CancelBooking(booking.id()));

        assertThat(cancelled.outcome()).isEqualTo(Outcome.CHANGED);
        assertThat(cancelled.booking().status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(cancelled.booking().cancelledAt()).isNotNull();
        assertThat(taken()).isEmpty();
        assertThat(book(BOB, 1).outcome()).isEqualTo(Outcome.CREATED);
        assertThat(book(ALICE, 2, 3, 4, 5).outcome()).as("the limit counts active seats only").isEqualTo(Outcome.CREATED);
    }

    @Test
    void shouldAnswerNotFoundWhenAnotherUserCancelsABooking() {
        Booking booking = book(ALICE, 1).booking();

        CommandReply reply = fixture.send(BOB, false, new CancelBooking(booking.id()));

        assertThat(reply.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(reply.code()).isEqualTo(ProblemCodes.BOOKING_NOT_FOUND);
        assertThat(taken()).containsExactly(1);
        assertThat(fixture.send("admin", true, new CancelBooking(booking.id())).outcome()).isEqualTo(Outcome.CHANGED);
    }

    @Test
    void shouldAnswerAlreadyCancelledWhenCancelledTwice() {
        Booking booking = book(ALICE, 1).booking();
        fixture.send(ALICE, false, new CancelBooking(booking.id()));

        CommandReply reply = fixture.send(ALICE, false, new CancelBooking(booking.id()));

        assertThat(reply.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(reply.code()).isEqualTo(ProblemCodes.ALREADY_CANCELLED);
    }

    @Test
    void shouldCancelEveryActiveBookingWhenShowIsCancelled() {
        Booking first = book(ALICE, 1).booking();
        Booking second = book(BOB, 2, 3).booking();
        fixture.send(ALICE, false, new CancelBooking(first.id()));
        fixture.events.readValuesToList();

        CommandReply reply = fixture.send("admin", true, new CancelShow(SHOW));

        assertThat(reply.outcome()).isEqualTo(Outcome.CHANGED);
        assertThat(reply.show().status()).isEqualTo(ShowStatus.CANCELLED);
        assertThat(taken()).isEmpty();
        List<BookingEvent> events = fixture.events.readValuesToList();
        assertThat(events).extracting(BookingEvent::type)
                .containsExactly(EventType.BOOKING_CANCELLED, EventType.SHOW_CANCELLED);
        assertThat(events.get(0).bookingId()).isEqualTo(second.id());
        assertThat(events.get(0).reason()).isEqualTo(EventLog.BY_SHOW_CANCELLATION);
        assertThat(book(ALICE, 5).code()).isEqualTo(ProblemCodes.SHOW_CANCELLED);
        assertThat(fixture.send("admin", true, new CancelShow(SHOW)).code()).isEqualTo(ProblemCodes.SHOW_CANCELLED);
        assertThat(fixture.send(BOB, false, new CancelBooking(second.id())).code())
                .isEqualTo(ProblemCodes.ALREADY_CANCELLED);
    }

    @Test
    void shouldApplyOnceAndReplayTheOutcomeWhenSameRequestIdArrivesTwice() {
        BookingCommand command = new BookingCommand(SHOW + "-rretry", ALICE, false, 0, Instant.now(),
                new BookSeats(SHOW, List.of(7)));

        CommandReply first = fixture.send(command);
        CommandReply again = fixture.send(command);

        assertThat(first.outcome()).isEqualTo(Outcome.CREATED);
        assertThat(again).isEqualTo(first);
        assertThat(taken()).containsExactly(7);
        assertThat(fixture.show(SHOW).bookingSequence()).isEqualTo(1);
        assertThat(fixture.events.readValuesToList()).hasSize(1);
    }

    @Test
    void shouldReplayToTheNewWaiterWhenTheFirstAttemptHadNoWaiter() {
        BookingCommand unawaited = new BookingCommand(SHOW + "-rlost", ALICE, false, -1, Instant.now(),
                new BookSeats(SHOW, List.of(8)));
        fixture.pipe(unawaited);
        assertThat(fixture.replies.isEmpty()).as("nobody waits for a reply").isTrue();

        CommandReply retried = fixture.send(new BookingCommand(unawaited.requestId(), ALICE, false, 0,
                Instant.now(), unawaited.payload()));

        assertThat(retried.outcome()).isEqualTo(Outcome.CREATED);
        assertThat(retried.replyPartition()).isZero();
        assertThat(taken()).containsExactly(8);
        assertThat(fixture.events.readValuesToList()).hasSize(1);
    }

    @Test
    void shouldAnswerShowNotFoundWhenShowDoesNotExist() {
        CommandReply reply = fixture.send(ALICE, false, new BookSeats("nosuchshow", List.of(1)));

        assertThat(reply.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(reply.code()).isEqualTo(ProblemCodes.SHOW_NOT_FOUND);
        assertThat(fixture.events.isEmpty()).isTrue();
    }

    @Test
    void shouldRefuseWhenNonAdminCreatesOrCancelsShows() {
        CommandReply created = fixture.send(ALICE, false,
                new CreateShow("show2", "movie1", "Screen 2", Instant.now(), 10, 4, null, null));
        CommandReply cancelled = fixture.send(ALICE, false, new CancelShow(SHOW));

        assertThat(created.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(created.code()).isEqualTo(ProblemCodes.FORBIDDEN);
        assertThat(cancelled.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(cancelled.code()).isEqualTo(ProblemCodes.FORBIDDEN);
        assertThat(fixture.show("show2")).isNull();
        assertThat(fixture.show(SHOW).open()).isTrue();
    }

    @Test
    void shouldGiveEveryEventAUniqueIdWhenManyDecisionsAreMade() {
        Booking booking = book(ALICE, 1).booking();
        book(BOB, 1);
        fixture.send(ALICE, false, new CancelBooking(booking.id()));
        fixture.send("admin", true, new CancelShow(SHOW));

        List<BookingEvent> events = fixture.events.readValuesToList();

        assertThat(events).hasSize(4);
        assertThat(events).extracting(BookingEvent::eventId).doesNotHaveDuplicates();
        assertThat(events).allSatisfy(event -> assertThat(event.showId()).isEqualTo(SHOW));
    }

    @Test
    void shouldRouteReplyToTheWaitingGatewaysPartitionWhenItExists() {
        var partitioner = new BookingTopology.ToWaitingGateway();
        CommandReply reply = CommandReply.refused("r1", 3, ProblemCodes.SOLD_OUT, null);

        assertThat(partitioner.partitions("replies", reply.requestId(), reply, 8)).contains(java.util.Set.of(3));
        assertThat(partitioner.partitions("replies", reply.requestId(), reply, 2)).contains(java.util.Set.of());
    }
}
