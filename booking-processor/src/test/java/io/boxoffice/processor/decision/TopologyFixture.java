package io.boxoffice.processor.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.boxoffice.common.Stores;
import io.boxoffice.common.Topics;
import io.boxoffice.common.booking.BookingCommand;
import io.boxoffice.common.booking.BookingCommand.CreateShow;
import io.boxoffice.common.booking.BookingEvent;
import io.boxoffice.common.booking.CommandReply;
import io.boxoffice.common.booking.CommandReply.Outcome;
import io.boxoffice.common.kafka.JsonSerde;
import io.boxoffice.common.streams.BaseStreamsConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;

/** The production topology on a TopologyTestDriver, with helpers to send commands as the gateway does. */
final class TopologyFixture implements AutoCloseable {
    static final Instant START = Instant.parse("2026-12-01T18:00:00Z");
    /** The test driver gives every output topic a single partition. */
    static final int REPLY_PARTITION = 0;

    final TopologyTestDriver driver;
    final TestInputTopic<String, BookingCommand> commands;
    final TestOutputTopic<String, CommandReply> replies;
    final TestOutputTopic<String, BookingEvent> events;
    /** What a producer that is not the gateway may write: any bytes. */
    final TestInputTopic<String, byte[]> raw;
    final TestOutputTopic<String, byte[]> deadLetters;
    private Instant clock = START;
    private Instant wallClock = START;
    private int requests;

    TopologyFixture(Path stateDir) {
        var config = BookingTopology.routeFailures(new BaseStreamsConfig("booking-processor-test", "unused:9092",
                stateDir.toString(), 10, "localhost:8082", 1, 1, 0).toProperties());
        // The wall clock starts with the record clock and catches up with it on advance(), so expiries compare
        // like times.
        driver = new TopologyTestDriver(BookingTopology.build(Duration.ofHours(24)), config, START);
        commands = driver.createInputTopic(Topics.BOOKING_COMMANDS, new StringSerializer(),
                JsonSerde.of(BookingCommand.class).serializer());
        replies = driver.createOutputTopic(Topics.BOOKING_REPLIES, new StringDeserializer(),
                JsonSerde.of(CommandReply.class).deserializer());
        events = driver.createOutputTopic(Topics.BOOKING_EVENTS, new StringDeserializer(),
                JsonSerde.of(BookingEvent.class).deserializer());
        raw = driver.createInputTopic(Topics.BOOKING_COMMANDS, new StringSerializer(), new ByteArraySerializer());
        deadLetters = driver.createOutputTopic(Topics.BOOKING_COMMANDS_DLQ, new StringDeserializer(),
                new ByteArrayDeserializer());
    }

    /**
     * Has the admin schedule a show of ten seats, at most four per user, checks that it was created, and drains
     * the events it emitted, so that a test sees only the events of what it does.
     */
    void scheduleShowOfTenSeats(String showId, String movieId) {
        CommandReply created = send("admin", true, new CreateShow(showId, movieId, "Screen 1",
                Instant.parse("2026-12-01T20:00:00Z"), 10, 4, null, null));
        assertThat(created.outcome()).isEqualTo(Outcome.CREATED);
        events.readValuesToList();
    }

    /** Sends a command as {@code userId} with a fresh request id and returns its reply. */
    CommandReply send(String userId, boolean admin, BookingCommand.Payload payload) {
        return send(new BookingCommand(payload.key() + "-r" + (++requests), userId, admin, REPLY_PARTITION,
                clock, payload));
    }

    CommandReply send(BookingCommand command) {
        pipe(command);
        List<CommandReply> answered = replies.readValuesToList();
        if (answered.size() != 1) {
            throw new AssertionError("Expected one reply, got " + answered);
        }
        return answered.get(0);
    }

    /** Sends a command a second after the previous one, without expecting a reply. */
    void pipe(BookingCommand command) {
        clock = clock.plusSeconds(1);
        commands.pipeInput(command.payload().key(), command, clock);
    }

    /**
     * Moves the record clock on, and the wall clock to it: the wall-clock punctuations due by then run (once each,
     * as a stream thread that was busy meanwhile runs them).
     */
    void advance(Duration duration) {
        clock = clock.plus(duration);
        driver.advanceWallClockTime(Duration.between(wallClock, clock));
        wallClock = clock;
    }

    /** The time the next command will carry, less a second: the time of the last one. */
    Instant now() {
        return clock;
    }

    /** Writes {@code value} at {@code key} as a producer other than the gateway might. */
    void pipeRaw(String key, String value) {
        clock = clock.plusSeconds(1);
        raw.pipeInput(key, value == null ? null : value.getBytes(StandardCharsets.UTF_8), clock);
    }

    <V> KeyValueStore<String, V> store(String name) {
        return driver.getKeyValueStore(name);
    }

    ShowState show(String showId) {
        KeyValueStore<String, ShowState> shows = driver.getKeyValueStore(Stores.SHOWS);
        return shows.get(showId);
    }

    @Override
    public void close() {
        driver.close();
    }
}
