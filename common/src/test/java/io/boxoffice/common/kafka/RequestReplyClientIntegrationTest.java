package io.boxoffice.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A command client on a real broker, whose command topic starts healthy (one replica, one required in sync).
 * The broker itself refuses an acks=all write while fewer replicas are in sync than required; the client must
 * refuse it first, at once and unwritten, rather than let the producer retry it until the outcome is unknown.
 */
class RequestReplyClientIntegrationTest {
    private static final String COMMANDS = "watched-commands";
    private static final String REPLIES = "watched-replies";
    private static final int PARTITIONS = 6;
    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(4);
    private static final List<String> KEYS = IntStream.range(0, 24).mapToObj(i -> "show-" + i).toList();

    private EmbeddedKafkaKraftBroker broker;
    private Admin admin;
    private RequestReplyClient<String, String> client;

    @BeforeEach
    void startBrokerAndClient() throws Exception {
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperties(Map.of("auto.create.topics.enable", "false"));
        broker.afterPropertiesSet();
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()));
        admin.createTopics(List.of(new NewTopic(COMMANDS, PARTITIONS, (short) 1), new NewTopic(REPLIES, 1, (short) 1)))
                .all().get(30, TimeUnit.SECONDS);
        client = new RequestReplyClient<>(new RequestReplyClient.Settings(broker.getBrokersAsString(), "watched",
                COMMANDS, REPLIES, 0, REPLY_TIMEOUT, 0), new StringSerializer(), new StringDeserializer(),
                Function.identity());
        client.start();
    }

    @AfterEach
    void stopAll() {
        client.stop();
        admin.close(Duration.ofSeconds(5));
        broker.destroy();
    }

    @Test
    void shouldRefuseAtOnceAndWriteNothingWhenFewerReplicasAreInSyncThanRequired() {
        // given
        client.send(KEYS.get(0), "book").block(REPLY_TIMEOUT);
        requireInSync(2);
        awaitRefusal();
        long before = writtenCommands();

        // when / then: every partition refuses at once, and nothing reaches the log
        for (String key : KEYS) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> client.send(key, "book").block(REPLY_TIMEOUT))
                    .isInstanceOf(NotWrittenException.class)
                    .hasMessageContaining("fewer than 2 replicas in sync");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
        }
        assertThat(writtenCommands()).isEqualTo(before);
    }

    @Test
    void shouldWriteAgainWhenEnoughReplicasAreInSyncAgain() {
        // given
        requireInSync(2);
        awaitRefusal();

        // when
        requireInSync(1);

        // then
        await().atMost(Duration.ofSeconds(10)).ignoreExceptionsInstanceOf(NotWrittenException.class)
                .untilAsserted(() -> client.send(KEYS.get(0), "book").block(REPLY_TIMEOUT));
        for (String key : KEYS) {
            client.send(key, "book").block(REPLY_TIMEOUT);
        }
    }

    @Test
    void shouldAnswerEveryWriteWithinReplyTimeoutAndSoonRefuseAtOnceWhenBrokerIsDown() {
        // given
        client.send(KEYS.get(0), "book").block(REPLY_TIMEOUT);

        // when
        broker.getCluster().brokers().values().forEach(server -> {
            server.shutdown();
            server.awaitShutdown();
        });

        // then: no write hangs, and once the silence is noticed they are refused at once
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            long start = System.nanoTime();
            // refused, or timed out while the silence was not yet noticed
            assertThatThrownBy(() -> client.send(KEYS.get(1), "book").block(REPLY_TIMEOUT.plusSeconds(1)));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(REPLY_TIMEOUT.plusSeconds(1));
            assertThatThrownBy(() -> client.send(KEYS.get(2), "book").block(REPLY_TIMEOUT))
                    .isInstanceOf(NotWrittenException.class).hasMessageContaining("has not answered for");
        });
    }

    @Test
    void shouldRefuseAtOnceUnwrittenWhenProducerHasNoMetadataForTheTopic() {
        // given: a client of a topic the broker does not have (and does not create)
        RequestReplyClient<String, String> lost = new RequestReplyClient<>(new RequestReplyClient.Settings(
                broker.getBrokersAsString(), "lost", "no-such-commands", REPLIES, 0, Duration.ofSeconds(1), 0),
                new StringSerializer(), new StringDeserializer(), Function.identity());
        lost.start();
        try {
            // when
            long start = System.nanoTime();
            // then: the producer gave up before appending, on the caller's thread, without blocking it long
            assertThatThrownBy(() -> lost.send("show-1", "book").block(REPLY_TIMEOUT))
                    .isInstanceOf(NotWrittenException.class).hasMessageContaining("not present in metadata");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
        } finally {
            lost.stop();
        }
    }

    private void requireInSync(int replicas) {
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, COMMANDS);
        try {
            admin.incrementalAlterConfigs(Map.of(topic, List.of(new AlterConfigOp(new ConfigEntry(
                    TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(replicas)), AlterConfigOp.OpType.SET))))
                    .all().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitRefusal() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThatThrownBy(
                () -> client.send(KEYS.get(0), "book").block(REPLY_TIMEOUT.plusSeconds(1)))
                .isInstanceOf(NotWrittenException.class));
    }

    private long writtenCommands() {
        Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
        IntStream.range(0, PARTITIONS).forEach(p -> ends.put(new TopicPartition(COMMANDS, p), OffsetSpec.latest()));
        try {
            return admin.listOffsets(ends).all().get(10, TimeUnit.SECONDS).values().stream()
                    .mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
