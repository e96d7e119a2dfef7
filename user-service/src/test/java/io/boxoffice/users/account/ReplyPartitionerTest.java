package io.boxoffice.users.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.boxoffice.common.Topics;
import io.boxoffice.users.account.AccountReply.Outcome;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReplyPartitionerTest {
    private final ReplyPartitioner partitioner = new ReplyPartitioner();

    @Test
    void shouldRouteReplyToThePartitionCarriedInTheCommandWhenItExists() {
        // given
        AccountReply reply = new AccountReply("req-1", 5, Outcome.CREATED, "id", "alice", List.of(Account.USER));
        // when
        Optional<Set<Integer>> partitions = partitioner.partitions(Topics.USER_REPLIES, "req-1", reply, 8);
        // then
        assertThat(partitions).contains(Set.of(5));
    }

    @Test
    void shouldDropReplyWhenCarriedPartitionDoesNotExist() {
        // given
        AccountReply reply = new AccountReply("req-1", 8, Outcome.CREATED, "id", "alice", List.of(Account.USER));
        // when
        Optional<Set<Integer>> partitions = partitioner.partitions(Topics.USER_REPLIES, "req-1", reply, 8);
        // then
        assertThat(partitions).contains(Set.of());
    }
}
