package io.boxoffice.systemtest;

import io.boxoffice.common.Json;
import io.boxoffice.common.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;

/**
 * Reads the analytics feed the way an outside consumer would: a plain {@code KafkaConsumer<String,String>},
 * {@code read_committed}, no project code, from the beginning up to the last stable offset. Aborted
 * transactions (a processor killed mid-commit) are therefore invisible, as they are to every consumer.
 */
final class BookingEventLog {
    private BookingEventLog() {
    }

    /** Every committed event of one show, in partition order. */
    static List<JsonNode> eventsOf(String bootstrap, String showId) {
        return eventsOf(bootstrap, List.of(showId)).get(showId);
    }

    /** Every committed event of each of these shows (an empty list for a show without any), in one read of the feed. */
    static Map<String, List<JsonNode>> eventsOf(String bootstrap, Collection<String> showIds) {
        Map<String, List<JsonNode>> events = new HashMap<>();
        showIds.forEach(showId -> events.put(showId, new ArrayList<>()));
        for (ConsumerRecord<String, String> record : records(bootstrap)) {
            JsonNode event = Json.MAPPER.readTree(record.value());
            List<JsonNode> ofShow = events.get(event.path("showId").asString(""));
            if (ofShow != null) {
                if (!event.path("showId").asString().equals(record.key())) {
                    throw new AssertionError("Event not keyed by its show id: key " + record.key()
                            + ", value " + record.value());
                }
                ofShow.add(event);
            }
        }
        return events;
    }

    /** Every committed record of the feed, as any client reads it: strings, in partition order. */
    static List<ConsumerRecord<String, String>> records(String bootstrap) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.BOOKING_EVENTS, Duration.ofSeconds(30))
                    .stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!reached(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("Could not read " + Topics.BOOKING_EVENTS + " up to " + end);
                }
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }

    private static boolean reached(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }
}
