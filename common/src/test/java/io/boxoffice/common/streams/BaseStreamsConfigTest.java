package io.boxoffice.common.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class BaseStreamsConfigTest {

    @Test
    void shouldLingerTheProducerForOneCommitIntervalWhenExactlyOnce() {
        // given
        BaseStreamsConfig config = new BaseStreamsConfig("linger-test", "127.0.0.1:1", "/tmp/unused", 30,
                "127.0.0.1:1", 1, 1, 0);

        // when
        Properties props = config.toProperties();
        StreamsConfig streams = new StreamsConfig(props);

        // then: records wait at most until the commit that makes them visible anyway
        assertThat(streams.getString(StreamsConfig.PROCESSING_GUARANTEE_CONFIG))
                .isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
        assertThat(streams.getProducerConfigs("client").get(ProducerConfig.LINGER_MS_CONFIG)).isEqualTo(30L);
    }

    @Test
    void shouldBlockInPollForAtMostOneCommitIntervalWhenNoInputArrives() {
        // given
        BaseStreamsConfig config = new BaseStreamsConfig("poll-test", "127.0.0.1:1", "/tmp/unused", 30,
                "127.0.0.1:1", 1, 1, 0);

        // when
        StreamsConfig streams = new StreamsConfig(config.toProperties());

        // then: decisions made just after a commit are committed within about one interval, not poll.ms's 100
        assertThat(streams.getLong(StreamsConfig.POLL_MS_CONFIG)).isEqualTo(30L);
    }

    @Test
    void shouldNameClientsAfterTheInstanceWhenBuildingProperties() {
        // given
        BaseStreamsConfig config = new BaseStreamsConfig("booking-processor", "127.0.0.1:1", "/tmp/unused", 30,
                "processor-0.boxoffice:8082", 1, 1, 0);

        // when
        Properties props = config.toProperties();

        // then: the same on every start of this instance, distinct from its peers
        assertThat(props.getProperty(StreamsConfig.CLIENT_ID_CONFIG))
                .isEqualTo("booking-processor-processor-0.boxoffice-8082");
    }

    @Test
    void shouldReplicateInternalTopicsLikeBoxofficesOwnWhenInACluster() {
        // given: three brokers, replication factor 3 and min ISR 2
        BaseStreamsConfig config = new BaseStreamsConfig("booking-processor", "127.0.0.1:1", "/tmp/unused", 30,
                "127.0.0.1:8082", 3, 2, 1);

        // when
        Properties props = config.toProperties();

        // then: changelog and repartition topics are created with both settings
        assertThat(props.get(StreamsConfig.REPLICATION_FACTOR_CONFIG)).isEqualTo(3);
        assertThat(props.get(StreamsConfig.topicPrefix(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG))).isEqualTo(2);
        assertThat(props.get(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG)).isEqualTo(1);
    }
}
