package io.boxoffice.processor.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.boxoffice.common.ProblemCodes;
import io.boxoffice.common.Stores;
import io.boxoffice.common.Topics;
import io.boxoffice.common.booking.Booking;
import io.boxoffice.common.booking.BookingCommand;
import io.boxoffice.common.booking.BookingCommand.BookSeats;
import io.boxoffice.common.booking.BookingCommand.CancelBooking;
import io.boxoffice.common.booking.BookingCommand.CreateMovie;
import io.boxoffice.common.booking.BookingStatus;
import io.boxoffice.common.booking.CommandReply;
import io.boxoffice.common.booking.CommandReply.Outcome;
import io.boxoffice.common.booking.Movie;
import io.boxoffice.common.deadletter.DeadLetterReason;
import io.boxoffice.common.deadletter.DeadLetters;
import io.boxoffice.common.kafka.JsonSerde;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The single writer trusts nothing: records it cannot apply go to {@code booking-commands-dlq} with the reason
 * in headers, their waiters get a definite problem, nothing of them reaches a store, and the next command of the
 * partition is decided at once.
 */
class DeadLetterTopologyTest {
    private static final String SHOW = "show1";
    private static final String MOVIE = "movie1";

    @TempDir
    Path stateDir;
    private TopologyFixture fixture;

    @BeforeEach
    void scheduleShowOfTenSeats() {
        fixture = new TopologyFixture(stateDir);
        fixture.scheduleShowOfTenSeats(SHOW, MOVIE);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void shouldDeadLetterWithSourcePositionAndDecideTheNextCommandWhenValueIsNotJson() {
        // when
        fixture.pipeRaw(SHOW, "{not json");
        CommandReply next = fixture.send("alice", false, new BookSeats(SHOW, List.of(1)));

        // then
        TestRecord<String, byte[]> letter = onlyDeadLetter();
        assertThat(letter.key()).isEqualTo(SHOW);
        assertThat(new String(letter.value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
        assertThat(header(letter, DeadLetters.REASON)).isEqualTo(DeadLetterReason.UNREADABLE.code());
        assertThat(header(letter, DeadLetters.SOURCE_TOPIC)).isEqualTo(Topics.BOOKING_COMMANDS);
        assertThat(header(letter, DeadLetters.SOURCE_PARTITION)).isEqualTo("0");
        assertThat(header(letter, DeadLetters.SOURCE_OFFSET)).isNotNull();
        assertThat(next.outcome()).isEqualTo(Outcome.CREATED);
        assertThat(fixture.show(SHOW).toSeatMap().taken()).containsExactly(1);
    }

    @Test
    void shouldAnswerInvalidCommandToTheWaiterWhenTypeIsUnknown() {
        // given a command of a type a newer producer might write
        String json = "{\"requestId\":\"" + SHOW + "-rnew\",\"userId\":\"alice\",\"replyPartition\":0,"
                + "\"payload\":{\"type\":\"HOLD_SEATS\",\"showId\":\"" + SHOW + "\",\"seats\":[1]}}";

        // when
        fixture.pipeRaw(SHOW, json);

        // then
        CommandReply reply = onlyReply();
        assertThat(reply.requestId()).isEqualTo(SHOW + "-rnew");
        assertThat(reply.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(reply.code()).isEqualTo(ProblemCodes.INVALID_COMMAND);
        assertThat(header(onlyDeadLetter(), DeadLetters.REASON)).isEqualTo(DeadLetterReason.UNKNOWN_TYPE.code());
        assertThat(fixture.show(SHOW).availableSeats()).isEqualTo(10);
        assertThat(fixture.events.readValuesToList()).isEmpty();
    }

    @Test
    void shouldStoreNothingAndAnswerInvalidCommandWhenMovieHasNoTitle() {
        // when: the record of the user report, a CREATE_MOVIE without a title
        CommandReply reply = fixture.send("admin", true, new CreateMovie(MOVIE, null, 116));

        // then
        assertThat(reply.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(reply.code()).isEqualTo(ProblemCodes.INVALID_COMMAND);
        TestRecord<String, byte[]> letter = onlyDeadLetter();
        assertThat(header(letter, DeadLetters.REASON)).isEqualTo(DeadLetterReason.MISSING_FIELD.code());
        assertThat(header(letter, DeadLetters.DETAIL)).contains("title");
        assertThat(JsonSerde.of(BookingCommand.class).deserialize(Topics.BOOKING_COMMANDS_DLQ, letter.value())
                .requestId()).isEqualTo(reply.requestId());
        assertThat(fixture.<Movie>store(Stores.MOVIES).get(MOVIE)).isNull();
        assertThat(fixture.send("admin", true, new CreateMovie(MOVIE, "Arrival", 116)).outcome()).isEqualTo(Outcome.CREATED);
    }

    @Test
    void shouldDeadLetterWithoutDecidingWhenKeyIsNotTheCommandsKey() {
        // given a booking of show1 written under another show's key
        BookingCommand command = new BookingCommand(SHOW + "-r9", "alice", false, TopologyFixture.REPLY_PARTITION,
                Instant.now(), new BookSeats(SHOW, List.of(2)));

        // when
        fixture.commands.pipeInput("show2", command);

        // then
        assertThat(onlyReply().code()).isEqualTo(ProblemCodes.INVALID_COMMAND);
        assertThat(header(onlyDeadLetter(), DeadLetters.REASON)).isEqualTo(DeadLetterReason.KEY_MISMATCH.code());
        assertThat(fixture.show(SHOW).availableSeats()).isEqualTo(10);
    }

    @Test
    void shouldAnswerCommandFailedAndWriteNothingWhenDecidingThrowsOnABadStoredValue() {
        // given a stored booking whose seat lies beyond its show, as a bug might have written
        KeyValueStore<String, Booking> bookings = fixture.store(Stores.BOOKINGS);
        String bad = SHOW + "-99";
        Booking broken = new Booking(bad, SHOW, "alice", List.of(500), BookingStatus.ACTIVE, Instant.now(), null, null);
        bookings.put(bad, broken);
        ShowState before = fixture.show(SHOW);

        // when
        CommandReply reply = fixture.send("alice", false, new CancelBooking(bad));
        CommandReply next = fixture.send("bob", false, new BookSeats(SHOW, List.of(3)));

        // then
        assertThat(reply.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(reply.code()).isEqualTo(ProblemCodes.COMMAND_FAILED);
        TestRecord<String, byte[]> letter = onlyDeadLetter();
        assertThat(header(letter, DeadLetters.REASON)).isEqualTo(DeadLetterReason.DECISION_FAILED.code());
        assertThat(header(letter, DeadLetters.EXCEPTION)).isNotBlank();
        assertThat(bookings.get(bad)).isEqualTo(broken);
        assertThat(next.outcome()).isEqualTo(Outcome.CREATED);
        assertThat(fixture.show(SHOW).toSeatMap().taken()).containsExactly(3);
        assertThat(fixture.show(SHOW).bookingSequence()).isEqualTo(before.bookingSequence() + 1);
    }

    @Test
    void shouldKeepNoneOfTheWritesMadeBeforeTheFailureWhenDecidingThrowsHalfway() {
        // given a good booking, and after it (in key order) a stored booking without seats
        CommandReply good = fixture.send("alice", false, new BookSeats(SHOW, List.of(1, 2)));
        KeyValueStore<String, Booking> bookings = fixture.store(Stores.BOOKINGS);
        bookings.put(SHOW + "-99", new Booking(SHOW + "-99", SHOW, "bob", null, BookingStatus.ACTIVE,
                Instant.now(), null, null));
        KeyValueStore<String, Integer> userSeats = fixture.store(Stores.USER_SEATS);

        // when: cancelling the show cancels the good booking first, then fails on the bad one
        CommandReply reply = fixture.send("admin", true, new BookingCommand.CancelShow(SHOW));

        // then
        assertThat(reply.code()).isEqualTo(ProblemCodes.COMMAND_FAILED);
        assertThat(bookings.get(good.booking().id()).status()).isEqualTo(BookingStatus.ACTIVE);
        assertThat(userSeats.get(Stores.compositeKey(SHOW, "alice"))).isEqualTo(2);
        assertThat(fixture.show(SHOW).open()).isTrue();
        assertThat(fixture.show(SHOW).toSeatMap().taken()).containsExactly(1, 2);
        assertThat(header(onlyDeadLetter(), DeadLetters.REASON)).isEqualTo(DeadLetterReason.DECISION_FAILED.code());
    }

    @Test
    void shouldReplayTheFailureWhenTheSameRequestIsRetried() {
        // given
        BookingCommand command = new BookingCommand(MOVIE + "-r7", "admin", true, TopologyFixture.REPLY_PARTITION,
                Instant.now(), new CreateMovie(MOVIE, " ", 116));
        CommandReply first = fixture.send(command);

        // when
        CommandReply retry = fixture.send(command);

        // then
        assertThat(retry).isEqualTo(first);
        assertThat(retry.code()).isEqualTo(ProblemCodes.INVALID_COMMAND);
        assertThat(fixture.deadLetters.readRecordsToList()).hasSize(2);
    }

    @Test
    void shouldRemoveBadStoredValuesToDeadLettersWhenTheTaskSweepsItsStores() {
        // given values written before commands were checked
        KeyValueStore<String, Movie> movies = fixture.store(Stores.MOVIES);
        movies.put("untitled", new Movie("untitled", null, 90));
        movies.put("good", new Movie("good", "Arrival", 116));

        // when
        fixture.driver.advanceWallClockTime(StateSweep.INTERVAL.multipliedBy(2));

        // then
        TestRecord<String, byte[]> letter = onlyDeadLetter();
        assertThat(letter.key()).isEqualTo("untitled");
        assertThat(header(letter, DeadLetters.REASON)).isEqualTo(DeadLetterReason.BAD_STORED_VALUE.code());
        assertThat(header(letter, DeadLetters.STORE)).isEqualTo(Stores.MOVIES);
        assertThat(JsonSerde.of(Movie.class).deserialize(Topics.BOOKING_COMMANDS_DLQ, letter.value()).id())
                .isEqualTo("untitled");
        assertThat(movies.get("untitled")).isNull();
        assertThat(movies.get("good")).isNotNull();
        assertThat(fixture.show(SHOW)).isNotNull();
    }

    private CommandReply onlyReply() {
        List<CommandReply> replies = fixture.replies.readValuesToList();
        assertThat(replies).hasSize(1);
        return replies.get(0);
    }

    private TestRecord<String, byte[]> onlyDeadLetter() {
        List<TestRecord<String, byte[]>> letters = fixture.deadLetters.readRecordsToList();
        assertThat(letters).hasSize(1);
        return letters.get(0);
    }

    private static String header(TestRecord<String, byte[]> record, String name) {
        return DeadLetters.text(record.headers(), name);
    }
}
