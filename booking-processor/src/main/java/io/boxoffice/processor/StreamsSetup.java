package io.boxoffice.processor;

import io.boxoffice.common.streams.BaseStreamsConfig;
import io.boxoffice.common.streams.StoreRouter;
import io.boxoffice.common.streams.StreamsHealthIndicator;
import io.boxoffice.common.streams.StreamsRuntime;
import io.boxoffice.processor.decision.BookingTopology;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Runs the booking topology with the shared exactly_once_v2 configuration and exposes its stores for queries.
 * It is the primary Streams runtime: the statistics app (stats package) runs beside it under its own name.
 */
@Configuration
class StreamsSetup {
    static final String APPLICATION_ID = "booking-processor";

    @Bean
    @Primary
    StreamsRuntime bookingStreams(ProcessorProperties properties, ObjectProvider<MeterRegistry> meters) {
        Properties config = new BaseStreamsConfig(APPLICATION_ID, properties.bootstrapServers(),
                properties.stateDir(), properties.commitIntervalMs(), properties.applicationServer(),
                properties.replicationFactor(), properties.minInsyncReplicas(), properties.standbyReplicas()).toProperties();
        config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, properties.streamThreads());
        BookingTopology.routeFailures(config);
        return new StreamsRuntime(BookingTopology.build(properties.dedupeRetention()), config, meters.getIfAvailable());
    }

    @Bean
    StoreRouter storeRouter(StreamsRuntime runtime, ProcessorProperties properties) {
        return new StoreRouter(runtime.streams(), HostInfo.buildFromEndpoint(properties.applicationServer()));
    }

    @Bean
    StreamsHealthIndicator streams(StreamsRuntime runtime) {
        return new StreamsHealthIndicator(runtime);
    }
}
