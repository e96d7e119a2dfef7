package io.boxoffice.gateway.seatstream;

import io.boxoffice.common.Json;
import io.boxoffice.common.Topics;
import io.boxoffice.common.booking.BookingEvent;
import io.boxoffice.gateway.GatewayProperties;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import tools.jackson.core.JacksonException;

/**
 * This gateway's one reader of {@code booking-events}, for every live seat stream it serves: every partition,
 * committed decisions only ({@code read_committed}), from the end (a stream starts from its show's snapshot, so the
 * feed's past is never needed), without a consumer group (every gateway needs every show). A record is parsed only
 * when its show is watched here. Each poll's decisions are handed to {@link SeatChannels}, which is flushed at the
 * configured interval: a stream gets a show's changes within about one poll and one flush of the decision.
 * When reading fails, it starts over from the end, and every watched show is asked of its writer again: decisions
 * may have been missed.
 */
final class SeatFeed implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(SeatFeed.class);
    private static final Duration RESTART_PAUSE = Duration.ofSeconds(1);

    private final String bootstrapServers;
    private final String clientId;
    private final Duration flushInterval;
    private final SeatChannels channels;
    private volatile boolean running;
    private volatile boolean reading;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread poller;
    private boolean restarted;

    SeatFeed(GatewayProperties properties, SeatChannels channels) {
        this.bootstrapServers = properties.bootstrapServers();
        this.clientId = "api-gateway-" + properties.instance() + "-seat-feed";
        this.flushInterval = properties.seatStream().flushInterval();
        this.channels = channels;
    }

    /** Whether the feed is positioned on every partition and read: streams get their changes. */
    boolean reading() {
        return running && reading;
    }

    @Override
    public void start() {
        running = true;
        poller = new Thread(this::run, clientId);
        poller.setDaemon(true);
        poller.start();
    }

    private void run() {
        while (running) {
            try {
                read();
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                reading = false;
                log.warn("Reading {} failed ({}); starting over from the end in {}", Topics.BOOKING_EVENTS, e,
                        RESTART_PAUSE);
                restarted = true;
                pause();
            }
        }
    }

    private void read() {
        try (KafkaConsumer<String, byte[]> reader = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, clientId,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, (int) Math.max(1, flushInterval.toMillis()),
                ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 8 * 1024 * 1024),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer = reader;
            if (!running) {
                return;
            }
            List<TopicPartition> partitions = reader.partitionsFor(Topics.BOOKING_EVENTS, Duration.ofSeconds(30))
                    .stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            if (partitions.isEmpty()) {
                throw new IllegalStateException(Topics.BOOKING_EVENTS + " has no partitions yet");
            }
            reader.assign(partitions);
            reader.seekToEnd(partitions);
            partitions.forEach(reader::position);
            reading = true;
            if (restarted) {
                // Positioned at the end again: what was decided before is in the snapshots asked for now.
                channels.rehydrateAll();
                restarted = false;
            }
            long nextFlush = System.nanoTime() + flushInterval.toNanos();
            while (running) {
                for (ConsumerRecord<String, byte[]> record : reader.poll(flushInterval)) {
                    hand(record);
                }
                long now = System.nanoTime();
                if (now >= nextFlush) {
                    channels.flush();
                    nextFlush = now + flushInterval.toNanos();
                }
            }
        } finally {
            consumer = null;
        }
    }

    private void hand(ConsumerRecord<String, byte[]> record) {
        if (record.key() == null || record.value() == null || !channels.watches(record.key())) {
            return;
        }
        BookingEvent event;
        try {
            event = Json.MAPPER.readValue(record.value(), BookingEvent.class);
        } catch (JacksonException e) {
            // Not a decision this gateway can read: its streams start over from a snapshot rather than guess.
            event = null;
        }
        if (event == null) {
            channels.rehydrate(record.key());
        } else {
            channels.apply(record.key(), event);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(RESTART_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
