package io.boxoffice.common.streams;

import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs one Kafka Streams topology for the lifetime of a Spring context. A failing stream thread is
 * replaced rather than taking the instance down; EOS guarantees the replacement resumes from the
 * last committed transaction.
 */
public final class StreamsRuntime implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(StreamsRuntime.class);

    private final KafkaStreams streams;
    private volatile boolean running;

    public StreamsRuntime(Topology topology, Properties config) {
        this.streams = new KafkaStreams(topology, config);
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
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        streams.close(Duration.ofSeconds(20));
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
