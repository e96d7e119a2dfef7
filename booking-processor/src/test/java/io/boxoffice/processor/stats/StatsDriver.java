package io.boxoffice.processor.stats;

import io.boxoffice.common.Stores;
import io.boxoffice.common.Topics;
import io.boxoffice.common.streams.BaseStreamsConfig;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/** The production statistics topology on a test driver, fed raw JSON text as it lies on the topic. */
final class StatsDriver implements AutoCloseable {
    private final TopologyTestDriver driver;
    private final TestInputTopic<String, String> events;

    StatsDriver(Path stateDir) {
        var config = new BaseStreamsConfig("booking-stats-test", "unused:9092", stateDir.toString(), 100,
                "localhost:8082", 1, 1, 0).toProperties();
        driver = new TopologyTestDriver(StatsTopology.build(), config);
        events = driver.createInputTopic(Topics.BOOKING_EVENTS, new StringSerializer(), new StringSerializer());
    }

    StatsDriver pipe(List<TestRecord<String, String>> feed) {
        events.pipeRecordList(feed);
        return this;
    }

    /** One raw document, written at {@code writtenAt} (which must not matter when it has an occurredAt). */
    StatsDriver pipe(String showId, String json, Instant writtenAt) {
        events.pipeInput(showId, json, writtenAt);
        return this;
    }

    Optional<ShowStats> stats(String showId) {
        return StatsReads.read(driver.getKeyValueStore(Stores.SHOW_STATS),
                driver.getWindowStore(Stores.SHOW_STATS_BY_MINUTE), showId);
    }

    @Override
    public void close() {
        driver.close();
    }
}
