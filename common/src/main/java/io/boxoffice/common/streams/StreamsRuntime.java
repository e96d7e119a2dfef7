package io.boxoffice.common.streams;

import io.boxoffice.common.metrics.KafkaMeters;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs one Kafka Streams topology for the lifetime of a Spring context. A failing stream thread is
 * replaced rather than taking the instance down; EOS guarantees the replacement resumes from the
 * last committed transaction. While running, the Streams metrics (threads, tasks and their clients) are
 * published to the meter registry given, if any.
 */
public final class StreamsRuntime implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(StreamsRuntime.class);

    private final KafkaStreams streams;
    private final KafkaMeters meters;
    private volatile boolean running;

    /** A runtime whose metrics stay on JMX only. */
    public StreamsRuntime(Topology topology, Properties config) {
        this(topology, config, null);
    }

    /** @param registry where the Streams metrics are published while running; null for none */
    public StreamsRuntime(Topology topology, Properties config, @Nullable MeterRegistry registry) {
        this.streams = new KafkaStreams(topology, config);
        this.meters = new KafkaMeters(registry);
        streams.setUncaughtExceptionHandler(error -> {
            log.error("Stream thread failed; replacing it", error);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
    }

    public KafkaStreams streams() {
        return streams;
    }

    public boolean isRunningState() {
        return streams.state() == KafkaStreams.State.RUNNING;
    }

    @Override
    public void start() {
        streams.start();
        meters.bind(streams);
        running = true;
    }

    /**
     * Closes and leaves the group, so that a clean stop (a rolling restart, a scale-in) hands this instance's
     * tasks to the others at once. Streams' default keeps the membership until the session times out, and
     * the shows of those tasks would take no booking and expire no hold until then.
     */
    @Override
    public void stop() {
        running = false;
        meters.close();
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(Duration.ofSeconds(20)));
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
