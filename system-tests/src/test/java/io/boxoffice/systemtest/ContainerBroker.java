package io.boxoffice.systemtest;

import org.testcontainers.kafka.KafkaContainer;

/** An Apache Kafka broker in a container, used only where a Docker engine is available. */
final class ContainerBroker implements KafkaBroker {
    private static final String IMAGE = "apache/kafka:4.2.1";

    private final KafkaContainer container;

    private ContainerBroker(KafkaContainer container) {
        this.container = container;
    }

    static ContainerBroker start() {
        KafkaContainer container = new KafkaContainer(IMAGE);
        container.start();
        return new ContainerBroker(container);
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public String kind() {
        return "Kafka container " + IMAGE;
    }

    @Override
    public void close() {
        container.stop();
    }
}
