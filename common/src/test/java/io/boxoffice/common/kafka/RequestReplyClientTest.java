package io.boxoffice.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestReplyClientTest {

    @ParameterizedTest
    @ValueSource(longs = {5, 999, 1000, 10_000, 120_000})
    void shouldMakeAValidDurableProducerWhenReplyTimeoutIsAnyLength(long timeoutMs) {
        // given
        var settings = new RequestReplyClient.Settings("127.0.0.1:1", "test", "commands", "replies", 0,
                Duration.ofMillis(timeoutMs), 1);

        // when
        Map<String, Object> config = RequestReplyClient.producerConfig(settings);

        // then: Kafka validates the timeouts when the producer is made (it connects only when used)
        assertThat(config).containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        assertThatCode(() -> new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())
                .close(Duration.ZERO)).doesNotThrowAnyException();
    }
}
