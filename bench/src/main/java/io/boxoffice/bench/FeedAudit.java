package io.boxoffice.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The chaos audit of the analytics feed, read as any analyst reads it: {@code booking-events} from the
 * beginning with a plain {@code read_committed} consumer. Every event must be there once (no event id twice),
 * every request must have been decided once (no request id with two decisions), every booking a client was
 * answered 201 must be confirmed in the feed, and the feed must confirm no booking beyond those 201s and the
 * requests that were never answered.
 *
 * @param events        events of the chaos shows
 * @param duplicates    event ids seen more than once
 * @param decidedTwice  request ids with more than one decision (confirmation or rejection)
 * @param missing       bookings answered 201 that the feed never confirmed
 * @param unanswered    bookings the feed confirmed that no client was answered 201 for
 */
record FeedAudit(long events, List<String> duplicates, List<String> decidedTwice, List<String> missing,
                 List<String> unanswered) {
    /** The feed's topic: the name in common's Topics (bench does not depend on the services' modules). */
    static final String TOPIC = "booking-events";

    boolean pass(long undecidedRequests) {
        return duplicates.isEmpty() && decidedTwice.isEmpty() && missing.isEmpty()
                && unanswered.size() <= undecidedRequests;
    }

    static FeedAudit read(String bootstrap, Collection<String> shows, Collection<String> confirmedIds) {
        Map<String, Integer> eventIds = new HashMap<>();
        Map<String, Integer> decisions = new HashMap<>();
        Set<String> bookings = new HashSet<>();
        long events = scan(bootstrap, shows, event -> {
            eventIds.merge(event.path("eventId").asText(), 1, Integer::sum);
            String type = event.path("type").asText();
            if (type.equals("BOOKING_CONFIRMED") || type.equals("BOOKING_REJECTED")) {
                decisions.merge(event.path("requestId").asText(), 1, Integer::sum);
            }
            if (type.equals("BOOKING_CONFIRMED")) {
                bookings.add(event.path("bookingId").asText());
            }
        });
        List<String> duplicates = eventIds.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                .sorted().toList();
        List<String> twice = decisions.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                .sorted().toList();
        Set<String> answered = new HashSet<>(confirmedIds);
        List<String> missing = answered.stream().filter(id -> !bookings.contains(id)).sorted().toList();
        List<String> unanswered = bookings.stream().filter(id -> !answered.contains(id)).sorted().toList();
        return new FeedAudit(events, duplicates, twice, missing, new ArrayList<>(unanswered));
    }

    /**
     * Reads {@link #TOPIC} from the beginning to its current end, read_committed, and hands every event of
     * {@code shows} to {@code onEvent} in partition order; returns how many there were.
     */
    static long scan(String bootstrap, Collection<String> shows, Consumer<JsonNode> onEvent) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Set<String> wanted = new HashSet<>(shows);
        long events = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(TOPIC, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (!reached(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new BenchAbort("reading " + TOPIC + " to its end took over two minutes");
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (wanted.contains(record.key())) {
                        onEvent.accept(Api.JSON.readTree(record.value()));
                        events++;
                    }
                }
            }
        } catch (IOException e) {
            throw new BenchAbort("an event on " + TOPIC + " is not JSON: " + e.getMessage());
        }
        return events;
    }

    private static boolean reached(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }
}
