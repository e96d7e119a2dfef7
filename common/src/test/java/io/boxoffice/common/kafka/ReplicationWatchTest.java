package io.boxoffice.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReplicationWatchTest {
    private static final Node ONE = new Node(1, "localhost", 9092);
    private static final Node TWO = new Node(2, "localhost", 9093);
    private static final Node THREE = new Node(3, "localhost", 9094);
    private static final Duration STALE_AFTER = Duration.ofSeconds(5);

    private ReplicationWatch watch;
    private Instant now;

    @BeforeEach
    void startWatchingNothing() {
        // Never started: the watch learns nothing by itself, so each test says what it saw.
        watch = new ReplicationWatch("127.0.0.1:1", "test-watch", "commands", Duration.ofSeconds(1), STALE_AFTER,
                Clock.systemUTC());
        now = Instant.now();
    }

    @AfterEach
    void stop() {
        watch.close();
    }

    @Test
    void shouldFindPartitionsWithoutLeaderOrWithTooFewInSyncWhenDescribed() {
        // given
        TopicDescription description = new TopicDescription("commands", false, List.of(
                new TopicPartitionInfo(0, ONE, List.of(ONE, TWO, THREE), List.of(ONE, TWO, THREE)),
                new TopicPartitionInfo(1, TWO, List.of(ONE, TWO, THREE), List.of(TWO, THREE)),
                new TopicPartitionInfo(2, THREE, List.of(ONE, TWO, THREE), List.of(THREE)),
                new TopicPartitionInfo(3, null, List.of(ONE, TWO, THREE), List.of()),
                new TopicPartitionInfo(4, Node.noNode(), List.of(ONE, TWO, THREE), List.of(ONE, TWO))));

        // when
        Set<Integer> unwritable = ReplicationWatch.unwritable(description, 2);

        // then
        assertThat(unwritable).containsExactly(2, 3, 4);
    }

    @Test
    void shouldRefuseOnlyKeysOfUnwritablePartitionsWhenClusterAnswers() {
        // given
        String hurt = keyOf(2, 6);
        String healthy = keyOf(0, 6);
        var seen = new ReplicationWatch.View(6, Set.of(2), 2, now);

        // when / then
        assertThat(watch.refusal(seen, hurt, now)).contains("commands-2").contains("fewer than 2");
        assertThat(watch.refusal(seen, healthy, now)).isNull();
    }

    @Test
    void shouldRefuseEveryKeyWhenNoBrokerAnsweredForLongerThanStaleAfter() {
        // given
        var seen = new ReplicationWatch.View(6, Set.of(), 2, now);

        // when / then
        assertThat(watch.refusal(seen, "any", now.plus(STALE_AFTER))).isNull();
        assertThat(watch.refusal(seen, "any", now.plus(STALE_AFTER).plusMillis(1))).contains("has not answered for");
    }

    @Test
    void shouldRefuseNothingBeforeFirstAnswerUntilStaleAfterHasPassedSinceStart() {
        // given
        ReplicationWatch.View nothingYet = ReplicationWatch.View.UNKNOWN;

        // when / then
        assertThat(watch.refusal(nothingYet, "any", now)).isNull();
        assertThat(watch.refusal(nothingYet, "any", now.plus(STALE_AFTER).plusSeconds(1))).isNotNull();
    }

    private static String keyOf(int partition, int partitions) {
        for (int i = 0; ; i++) {
            String key = "show-" + i;
            if (BuiltInPartitioner.partitionForKey(key.getBytes(StandardCharsets.UTF_8), partitions) == partition) {
                return key;
            }
        }
    }
}
