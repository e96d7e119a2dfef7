package io.boxoffice.users.account;

import java.util.Optional;
import java.util.Set;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Writes each reply to the partition of {@code Topics.USER_REPLIES} its sender reads, as carried in the
 * command. A partition that does not exist is dropped rather than sent: no one can be waiting on it,
 * and failing the send would stop the stream task on every retry (a poison command).
 */
final class ReplyPartitioner implements StreamPartitioner<String, AccountReply> {

    @Override
    public Optional<Set<Integer>> partitions(String topic, String key, AccountReply reply, int numPartitions) {
        int partition = reply.replyPartition();
        return Optional.of(partition >= 0 && partition < numPartitions ? Set.of(partition) : Set.of());
    }
}
