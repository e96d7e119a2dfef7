package io.boxoffice.common.streams;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** UP only while the Streams instance is RUNNING (not while it starts, rebalances or has failed). */
public final class StreamsHealthIndicator implements HealthIndicator {
    private final StreamsRuntime runtime;

    public StreamsHealthIndicator(StreamsRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public Health health() {
        var state = runtime.streams().state();
        return (runtime.isRunningState() ? Health.up() : Health.down()).withDetail("state", state.name()).build();
    }
}
