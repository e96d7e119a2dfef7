package io.boxoffice.processor.stats;

import io.boxoffice.common.Stores;
import io.boxoffice.common.Topics;
import io.boxoffice.common.booking.BookingCommand;
import io.boxoffice.common.booking.CommandReply;
import io.boxoffice.common.kafka.JsonSerde;
import io.boxoffice.common.streams.BaseStreamsConfig;
import io.boxoffice.processor.decision.BookingTopology;
import io.boxoffice.processor.decision.ShowState;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The real booking topology on a test driver, used as the source of a feed: commands go in at chosen times,
 * and every event comes out as the raw JSON text an outside consumer of {@code booking-events} reads.
 */
final class FeedRecorder implements AutoCloseable {
    private final TopologyTestDriver driver;
    private final TestInputTopic<String, BookingCommand> commands;
    private final TestOutputTopic<String, CommandReply> replies;
    private final TestOutputTopic<String, String> events;
    private final List<TestRecord<String, String>> feed = new ArrayList<>();
    private int requests;

    FeedRecorder(Path stateDir) {
        var config = new BaseStreamsConfig("feed-recorder", "unused:9092", stateDir.toString(), 10,
                "localhost:8082", 1, 1, 0).toProperties();
        driver = new TopologyTestDriver(BookingTopology.build(Duration.ofHours(24)), config);
        commands = driver.createInputTopic(Topics.BOOKING_COMMANDS, new StringSerializer(),
                JsonSerde.of(BookingCommand.class).serializer());
        replies = driver.createOutputTopic(Topics.BOOKING_REPLIES, new StringDeserializer(),
                JsonSerde.of(CommandReply.class).deserializer());
        events = driver.createOutputTopic(Topics.BOOKING_EVENTS, new StringDeserializer(), new StringDeserializer());
    }

    /** Decides {@code payload} for {@code userId} at {@code at} and returns the reply. */
    CommandReply send(String userId, boolean admin, BookingCommand.Payload payload, Instant at) {
        String requestId = payload.key() + "-r" + (++requests);
        commands.pipeInput(payload.key(), new BookingCommand(requestId, userId, admin, 0, at, payload), at);
        feed.addAll(events.readRecordsToList());
        List<CommandReply> answered = replies.readValuesToList();
        if (answered.size() != 1) {
            throw new AssertionError("Expected one reply, got " + answered);
        }
        return answered.get(0);
    }

    /** Every event so far, in feed order. */
    List<TestRecord<String, String>> feed() {
        return List.copyOf(feed);
    }

    /** The decider's own view of a show, the truth the statistics must agree with. */
    ShowState show(String showId) {
        return driver.<String, ShowState>getKeyValueStore(Stores.SHOWS).get(showId);
    }

    @Override
    public void close() {
        driver.close();
    }
}
