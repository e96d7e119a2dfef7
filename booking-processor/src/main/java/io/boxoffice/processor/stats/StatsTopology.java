package io.boxoffice.processor.stats;

import io.boxoffice.common.Stores;
import io.boxoffice.common.Topics;
import io.boxoffice.common.kafka.JsonSerde;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The statistics app's topology, one pure method for production and tests. It reads {@code booking-events}
 * and nothing else, as any analytics consumer could, and folds each show's events (keyed by show id, so
 * no repartitioning) into two stores: running totals ({@link Stores#SHOW_STATS}) and confirmed/rejected
 * counts per minute of event time ({@link Stores#SHOW_STATS_BY_MINUTE}, tumbling windows kept
 * {@link #RETENTION}). The figures depend only on the feed's content and order, so rebuilding from the
 * beginning of the topic reaches the same figures.
 */
public final class StatsTopology {
    public static final Duration MINUTE = Duration.ofMinutes(1);
    /**
     * occurredAt comes from the gateways' clocks, so along a partition it rises almost but not strictly; an
     * event later than this behind the partition's newest is left out of the minutes (never the totals).
     */
    static final Duration GRACE = Duration.ofMinutes(5);
    public static final Duration RETENTION = Duration.ofHours(2);
    private static final Logger log = LoggerFactory.getLogger(StatsTopology.class);

    private StatsTopology() {
    }

    public static Topology build() {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, FeedEvent> events = builder
                .stream(Topics.BOOKING_EVENTS, Consumed.with(Serdes.String(), JsonSerde.of(FeedEvent.class))
                        .withTimestampExtractor(new OccurredAt()).withName("read-booking-events"))
                .filter(StatsTopology::understood, Named.as("understood-events"));

        events.groupByKey(Grouped.with("events-by-show", Serdes.String(), JsonSerde.of(FeedEvent.class)))
                .aggregate(ShowTotals::none, (showId, event, totals) -> totals.apply(showId, event),
                        Named.as("fold-show-totals"),
                        Materialized.<String, ShowTotals, KeyValueStore<Bytes, byte[]>>as(Stores.SHOW_STATS)
                                .withKeySerde(Serdes.String()).withValueSerde(JsonSerde.of(ShowTotals.class)));

        events.filter((showId, event) -> event.counted(), Named.as("confirmed-or-rejected"))
                .groupByKey(Grouped.with("counted-by-show", Serdes.String(), JsonSerde.of(FeedEvent.class)))
                .windowedBy(TimeWindows.ofSizeAndGrace(MINUTE, GRACE))
                .aggregate(MinuteCounts::zero, (showId, event, counts) -> counts.add(event),
                        Named.as("count-per-minute"),
                        Materialized.<String, MinuteCounts, WindowStore<Bytes, byte[]>>as(Stores.SHOW_STATS_BY_MINUTE)
                                .withKeySerde(Serdes.String()).withValueSerde(JsonSerde.of(MinuteCounts.class))
                                .withRetention(RETENTION));
        return builder.build();
    }

    private static boolean understood(String showId, FeedEvent event) {
        if (showId == null || event == null) {
            return false;
        }
        if (!event.understood() || !showId.equals(event.showId())) {
            // A newer major version or a foreign document: counting it by guess would corrupt the figures.
            log.warn("Skipping event {} of type {} version {} at key {}", event.eventId(), event.type(),
                    event.schemaVersion(), showId);
            return false;
        }
        return true;
    }
}
