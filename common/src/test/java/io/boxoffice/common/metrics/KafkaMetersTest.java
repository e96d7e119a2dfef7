package io.boxoffice.common.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.boxoffice.common.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kafka keeps its metrics from the moment a client is made, so no broker is needed to see them bound. */
class KafkaMetersTest {
    /** Nothing listens there: the clients are made but never connect. */
    private static final String NO_BROKER = "127.0.0.1:1";

    private final KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, NO_BROKER, ProducerConfig.CLIENT_ID_CONFIG, "test-commands"),
            new StringSerializer(), new StringSerializer());
    private final KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, NO_BROKER, ConsumerConfig.CLIENT_ID_CONFIG, "test-replies"),
            new StringDeserializer(), new StringDeserializer());
    private KafkaStreams streams;

    @AfterEach
    void closeClients() {
        producer.close(Duration.ZERO);
        consumer.close(Duration.ZERO);
        if (streams != null) {
            streams.close(Duration.ZERO);
        }
    }

    @Test
    void shouldPublishClientMetricsWhenAProducerAndAConsumerAreBound() {
        // given
        MeterRegistry registry = new SimpleMeterRegistry();
        KafkaMeters meters = new KafkaMeters(registry);

        // when
        meters.bind(producer);
        meters.bind(consumer);

        // then
        assertThat(registry.find("kafka.producer.record.send.total").tag("client.id", "test-commands").meters())
                .isNotEmpty();
        assertThat(registry.find("kafka.consumer.fetch.manager.fetch.latency.avg")
                .tag("client.id", "test-replies").meters()).isNotEmpty();
        meters.close();
    }

    @Test
    void shouldRemoveEveryMeterWhenClosed() {
        // given
        MeterRegistry registry = new SimpleMeterRegistry();
        KafkaMeters meters = new KafkaMeters(registry);
        meters.bind(producer);
        meters.bind(consumer);

        // when
        meters.close();

        // then: a restarted client binds afresh instead of beside stale meters
        assertThat(registry.getMeters()).noneMatch(meter -> meter.getId().getName().startsWith("kafka."));
    }

    @Test
    void shouldPublishNothingWhenThereIsNoRegistry() {
        // given
        KafkaMeters meters = new KafkaMeters(null);

        // when / then
        assertThatCode(() -> {
            meters.bind(producer);
            meters.close();
        }).doesNotThrowAnyException();
    }

    @Test
    void shouldExposeStreamsAndClientMetricsSideBySideWhenScrapedByPrometheus(@TempDir Path stateDir) {
        // given: a service with a Streams app and its own producer and consumer, as the user-service has
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        KafkaMeters meters = new KafkaMeters(registry);
        streams = streamsWithoutBroker(stateDir);

        // when
        meters.bind(streams);
        meters.bind(producer);
        meters.bind(consumer);
        String scrape = registry.scrape();

        // then
        assertThat(scrape).contains("kafka_stream_thread_commit_latency_avg{",
                "kafka_stream_thread_process_rate{", "kafka_producer_record_send_total{",
                "kafka_producer_request_latency_avg{", "kafka_consumer_fetch_manager_fetch_latency_avg{",
                "client_id=\"test-commands\"", "client_id=\"test-replies\"");
        meters.close();
    }

    private static KafkaStreams streamsWithoutBroker(Path stateDir) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(Topics.BOOKING_COMMANDS).to(Topics.BOOKING_REPLIES);
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "metrics-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, NO_BROKER);
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        return new KafkaStreams(builder.build(), config);
    }
}
