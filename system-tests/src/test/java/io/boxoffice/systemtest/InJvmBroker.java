package io.boxoffice.systemtest;

import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A single-node KRaft broker inside the test JVM (spring-kafka-test). A single node needs replication
 * factor 1 for the internal topics, or transactions (the processor's exactly-once) hang.
 */
final class InJvmBroker implements KafkaBroker {
    private final EmbeddedKafkaKraftBroker broker;

    private InJvmBroker(EmbeddedKafkaKraftBroker broker) {
        this.broker = broker;
    }

    static InJvmBroker start() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, KafkaBroker.SCALING_PARTITIONS);
        broker.brokerProperties(Map.of(
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "offsets.topic.replication.factor", "1",
                "share.coordinator.state.topic.replication.factor", "1",
                "share.coordinator.state.topic.min.isr", "1",
                "group.initial.rebalance.delay.ms", "0",
                "auto.create.topics.enable", "false"));
        broker.afterPropertiesSet();
        return new InJvmBroker(broker);
    }

    @Override
    public String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    @Override
    public String kind() {
        return "in-JVM KRaft broker";
    }

    @Override
    public void close() {
        broker.destroy();
    }
}
