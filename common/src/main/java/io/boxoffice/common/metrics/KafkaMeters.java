package io.boxoffice.common.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.streams.KafkaStreams;
import org.jspecify.annotations.Nullable;

/**
 * Publishes the metrics Kafka clients and Kafka Streams keep for themselves (otherwise only on JMX) as
 * Micrometer meters, so that they reach {@code /actuator/prometheus}. Our clients are made by hand, not by
 * spring-kafka's factories, so Spring Boot does not bind them; their owners bind them here when they start
 * and {@link #close()} this when they stop.
 *
 * <p>Invariants: a closed binding has stopped its refresh thread and removed its meters, so a stop and start
 * leaves neither stale meters nor threads behind. Meters carry only the tags Kafka gives its metrics (client,
 * thread, task, topic, partition, node, store), bounded by the deployment's threads and partitions, never by
 * traffic. Without a registry every call does nothing.
 */
public final class KafkaMeters implements AutoCloseable {
    private final @Nullable MeterRegistry registry;
    private final List<Runnable> unbinds = new ArrayList<>();

    /** @param registry where the meters go; null to publish none */
    public KafkaMeters(@Nullable MeterRegistry registry) {
        this.registry = registry;
    }

    public synchronized void bind(KafkaStreams streams) {
        if (registry != null) {
            // Covers the Streams threads and tasks and every client they own (producers, consumers, admin).
            KafkaStreamsMetrics binder = new KafkaStreamsMetrics(streams);
            binder.bindTo(registry);
            unbinds.add(binder::close);
        }
    }

    public synchronized void bind(Producer<?, ?> producer) {
        if (registry != null) {
            KafkaClientMetrics binder = new KafkaClientMetrics(producer);
            binder.bindTo(registry);
            unbinds.add(binder::close);
        }
    }

    /** Safe for a consumer polled on another thread: Kafka reads its metrics without taking the consumer. */
    public synchronized void bind(Consumer<?, ?> consumer) {
        if (registry != null) {
            KafkaClientMetrics binder = new KafkaClientMetrics(consumer);
            binder.bindTo(registry);
            unbinds.add(binder::close);
        }
    }

    /** Unbinds everything bound so far; the clients may then be bound again, e.g. after a restart. */
    @Override
    public synchronized void close() {
        unbinds.forEach(Runnable::run);
        unbinds.clear();
    }
}
