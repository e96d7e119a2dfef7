package io.boxoffice.processor.stats;

import io.boxoffice.common.streams.BaseStreamsConfig;
import io.boxoffice.common.streams.StoreRouter;
import io.boxoffice.common.streams.StreamsHealthIndicator;
import io.boxoffice.common.streams.StreamsRuntime;
import io.boxoffice.processor.ProcessorProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs the statistics as a second Kafka Streams application in the processor's JVM: its own application id
 * (so its own consumer group, offsets and changelogs, and it can be reset and rebuilt alone), the shared
 * exactly_once_v2 configuration, a state directory of its own, and the same host:port for interactive
 * queries. The processor is healthy only while both applications run.
 */
@Configuration
class StatsSetup {
    static final String APPLICATION_ID = "booking-stats";
    static final String STREAMS = "statsStreams";
    /** Sub-folder of the processor's state directory holding this application's stores. */
    static final String STATE_SUBDIR = "stats";

    @Bean(STREAMS)
    StreamsRuntime statsStreams(ProcessorProperties properties, ObjectProvider<MeterRegistry> meters) {
        Properties config = new BaseStreamsConfig(APPLICATION_ID, properties.bootstrapServers(),
                Path.of(properties.stateDir(), STATE_SUBDIR).toString(), properties.statsCommitIntervalMs(),
                properties.applicationServer(), properties.replicationFactor(), properties.minInsyncReplicas(),
                properties.standbyReplicas()).toProperties();
        config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        return new StreamsRuntime(StatsTopology.build(), config, meters.getIfAvailable());
    }

    @Bean
    StatsReads statsReads(@Qualifier(STREAMS) StreamsRuntime runtime, ProcessorProperties properties) {
        return new StatsReads(new StoreRouter(runtime.streams(),
                HostInfo.buildFromEndpoint(properties.applicationServer())));
    }

    @Bean
    StreamsHealthIndicator statsStreamsHealthIndicator(@Qualifier(STREAMS) StreamsRuntime runtime) {
        return new StreamsHealthIndicator(runtime);
    }
}
