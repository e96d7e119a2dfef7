package io.boxoffice.common.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.boxoffice.common.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamsRuntimeTest {

    @Test
    void shouldPublishStreamsMetricsWhileRunningAndRemoveThemWhenStopped(@TempDir Path stateDir) {
        // given: no broker listens, yet Streams keeps its thread and client metrics from the start
        MeterRegistry registry = new SimpleMeterRegistry();
        StreamsRuntime runtime = new StreamsRuntime(topology(), new BaseStreamsConfig("metrics-test",
                "127.0.0.1:1", stateDir.toString(), 10, "127.0.0.1:1", 1, 1, 0).toProperties(), registry);

        // when
        runtime.start();

        // then
        assertThat(registry.find("kafka.stream.thread.commit.latency.avg").meters()).isNotEmpty();
        assertThat(registry.find("kafka.producer.record.send.total").meters()).isNotEmpty();

        // when
        runtime.stop();

        // then
        assertThat(registry.getMeters()).noneMatch(meter -> meter.getId().getName().startsWith("kafka."));
    }

    private static Topology topology() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(Topics.BOOKING_COMMANDS).to(Topics.BOOKING_REPLIES);
        return builder.build();
    }
}
