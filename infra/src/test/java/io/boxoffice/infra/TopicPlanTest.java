package io.boxoffice.infra;

import io.boxoffice.common.Topics;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopicPlanTest {

    private static final TopicSettings LOCAL = TopicSettings.fromEnv(Map.of());

    private static TopicPlan.Wanted find(List<TopicPlan.Wanted> topics, String name) {
        return topics.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void shouldUseLocalDefaultsWhenEnvironmentIsEmpty() {
        // given an empty environment (LOCAL)
        // when / then
        assertThat(LOCAL).isEqualTo(new TopicSettings("127.0.0.1:9092", 12, 8, (short) 1, 1));
    }

    @Test
    void shouldSizeEveryTopicOfTopicsAllWhenPlanned() {
        // given
        TopicSettings cluster = TopicSettings.fromEnv(Map.of("BOXOFFICE_PARTITIONS", "24",
                "BOXOFFICE_REPLY_PARTITIONS", "4", "BOXOFFICE_REPLICATION_FACTOR", "3",
                "BOXOFFICE_MIN_INSYNC_REPLICAS", "2"));

        // when
        List<TopicPlan.Wanted> wanted = TopicPlan.wanted(cluster);

        // then
        assertThat(wanted).extracting(TopicPlan.Wanted::name)
                .containsExactlyElementsOf(Topics.all().stream().map(Topics.Spec::name).toList());
        assertThat(find(wanted, Topics.BOOKING_COMMANDS).partitions()).isEqualTo(24);
        assertThat(find(wanted, Topics.USERS).partitions()).isEqualTo(24);
        assertThat(find(wanted, Topics.BOOKING_REPLIES).partitions()).isEqualTo(4);
        assertThat(find(wanted, Topics.USER_REPLIES).partitions()).isEqualTo(4);
        assertThat(find(wanted, Topics.BOOKING_COMMANDS_DLQ).partitions()).isEqualTo(24);
        assertThat(find(wanted, Topics.USER_COMMANDS_DLQ).partitions()).isEqualTo(24);
        assertThat(wanted).allSatisfy(t -> {
            assertThat(t.replicationFactor()).isEqualTo((short) 3);
            assertThat(t.configs()).containsEntry("min.insync.replicas", "2");
        });
    }

    @Test
    void shouldCompactAndKeepForeverWhenSpecIsCompacted() {
        // given / when
        List<TopicPlan.Wanted> wanted = TopicPlan.wanted(LOCAL);

        // then
        assertThat(find(wanted, Topics.USERS).configs())
                .containsEntry("cleanup.policy", "compact").containsEntry("retention.ms", "-1");
        assertThat(find(wanted, Topics.BOOKING_EVENTS).configs())
                .containsEntry("cleanup.policy", "delete").containsEntry("retention.ms", "-1");
        assertThat(find(wanted, Topics.BOOKING_REPLIES).configs()).containsEntry("retention.ms", "3600000");
    }

    @Test
    void shouldKeepDeadLettersForWeeksWhenPlanned() {
        // given / when
        List<TopicPlan.Wanted> wanted = TopicPlan.wanted(LOCAL);

        // then: at least as long as the commands they came from
        for (String deadLetters : List.of(Topics.BOOKING_COMMANDS_DLQ, Topics.USER_COMMANDS_DLQ)) {
            assertThat(find(wanted, deadLetters).configs()).containsEntry("cleanup.policy", "delete");
            assertThat(Long.parseLong(find(wanted, deadLetters).configs().get("retention.ms")))
                    .isGreaterThanOrEqualTo(Long.parseLong(find(wanted, Topics.BOOKING_COMMANDS).configs()
                            .get("retention.ms")));
        }
    }

    @Test
    void shouldCreateMissingGrowRepliesAndNeverRepartitionKeyedTopicsWhenSomeTopicsExist() {
        // given
        List<TopicPlan.Wanted> wanted = TopicPlan.wanted(LOCAL);
        Map<String, Integer> existing = Map.of(
                Topics.BOOKING_COMMANDS, 6,     // keyed, fewer than 12: keep, shows would move
                Topics.BOOKING_EVENTS, 12,      // as configured: keep
                Topics.BOOKING_REPLIES, 4);     // fewer than 8: grow, replies are not keyed by show

        // when
        TopicPlan plan = TopicPlan.against(wanted, existing);

        // then
        assertThat(plan.toCreate()).extracting(TopicPlan.Wanted::name)
                .containsExactly(Topics.USER_COMMANDS, Topics.USER_REPLIES, Topics.USERS,
                        Topics.BOOKING_COMMANDS_DLQ, Topics.USER_COMMANDS_DLQ);
        assertThat(plan.toGrow()).containsExactly(Map.entry(Topics.BOOKING_REPLIES, 8));
        assertThat(plan.mismatched()).containsExactly(Map.entry(Topics.BOOKING_COMMANDS, 6));
        assertThat(plan.unchanged()).containsExactly(Topics.BOOKING_COMMANDS, Topics.BOOKING_EVENTS);
    }

    @Test
    void shouldChangeNothingWhenEveryTopicAlreadyExists() {
        // given
        List<TopicPlan.Wanted> wanted = TopicPlan.wanted(LOCAL);
        Map<String, Integer> existing = new java.util.HashMap<>();
        wanted.forEach(t -> existing.put(t.name(), t.partitions()));

        // when
        TopicPlan plan = TopicPlan.against(wanted, existing);

        // then
        assertThat(plan.isNoop()).isTrue();
        assertThat(plan.unchanged()).hasSize(wanted.size());
    }

    @Test
    void shouldRejectSettingsWhenValuesCannotWork() {
        // given / when / then
        assertThatThrownBy(() -> TopicSettings.fromEnv(Map.of("BOXOFFICE_PARTITIONS", "twelve")))
                .hasMessageContaining("BOXOFFICE_PARTITIONS");
        assertThatThrownBy(() -> TopicSettings.fromEnv(Map.of("BOXOFFICE_REPLY_PARTITIONS", "0")))
                .hasMessageContaining("at least 1");
        assertThatThrownBy(() -> TopicSettings.fromEnv(Map.of("BOXOFFICE_MIN_INSYNC_REPLICAS", "2")))
                .hasMessageContaining("exceeds BOXOFFICE_REPLICATION_FACTOR");
    }
}
