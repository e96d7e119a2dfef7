package io.boxoffice.systemtest;

import io.boxoffice.common.Topics;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.testcontainers.DockerClientFactory;

/**
 * The real Kafka broker the system under test talks to. Which kind runs is decided at runtime: a
 * Testcontainers broker when a Docker engine answers, otherwise an in-JVM KRaft broker, so the suite
 * always runs (never skips) on machines without Docker. Either way the topics are created exactly as
 * the infra set-up creates them, from {@link Topics#all()}.
 */
interface KafkaBroker extends AutoCloseable {
    int SCALING_PARTITIONS = 12;
    int REPLY_PARTITIONS = 8;

    /** host:port list the service processes and the test's own clients connect to. */
    String bootstrapServers();

    /** Short description for logs and assertion messages. */
    String kind();

    @Override
    void close();

    static KafkaBroker start() {
        KafkaBroker broker = dockerAvailable() ? ContainerBroker.start() : InJvmBroker.start();
        createTopics(broker.bootstrapServers());
        return broker;
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** Command, event and user topics scale with load (12 partitions); reply topics get one per gateway slot. */
    private static void createTopics(String bootstrap) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(props)) {
            List<NewTopic> topics = Topics.all().stream().map(spec -> new NewTopic(spec.name(),
                    spec.scalesWithLoad() ? SCALING_PARTITIONS : REPLY_PARTITIONS, (short) 1)
                    .configs(Map.of(
                            TopicConfig.CLEANUP_POLICY_CONFIG, spec.compacted()
                                    ? TopicConfig.CLEANUP_POLICY_COMPACT : TopicConfig.CLEANUP_POLICY_DELETE,
                            TopicConfig.RETENTION_MS_CONFIG, Long.toString(spec.retentionMs()))))
                    .toList();
            admin.createTopics(topics).all().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not create the topics on " + bootstrap, e);
        }
    }
}
