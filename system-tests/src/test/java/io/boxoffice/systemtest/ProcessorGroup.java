package io.boxoffice.systemtest;

import io.boxoffice.common.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;

/**
 * The booking processors' consumer group as its coordinator describes it (what {@code kafka-consumer-groups
 * --describe} shows): which processor instance owns which partitions of {@code booking-commands}, so which
 * shows. The group is found by what it consumes, not by its name; a member is told apart by its client id,
 * which names its application server and so its port.
 */
final class ProcessorGroup implements AutoCloseable {
    private static final long ADMIN_TIMEOUT_SECONDS = 10;

    /**
     * One description of the group.
     *
     * @param askedAt when it was asked for: the group was in this state at some moment after it
     * @param owners  processor instance to the {@code booking-commands} partitions assigned to it, for every
     *                member (a member with nothing assigned maps to an empty set)
     */
    record Snapshot(Instant askedAt, GroupState state, Map<Integer, Set<Integer>> owners) {
        boolean stable() {
            return state == GroupState.STABLE;
        }

        /** The instance owning the show's partition, if any member does. */
        Optional<Integer> ownerOf(String showId, int partitions) {
            int partition = partitionOf(showId, partitions);
            return owners.entrySet().stream().filter(e -> e.getValue().contains(partition)).map(Map.Entry::getKey)
                    .findFirst();
        }

        /** Stable, with exactly these instances as members, every partition owned by one of them. */
        boolean settledOn(Set<Integer> instances, int partitions) {
            return stable() && owners.keySet().equals(instances)
                    && owners.values().stream().mapToInt(Set::size).sum() == partitions
                    && owners.values().stream().flatMap(Set::stream).collect(Collectors.toSet()).size() == partitions;
        }

        @Override
        public String toString() {
            return state + " " + owners;
        }
    }

    private final BoxofficeSystem system;
    private final Admin admin;
    private final String groupId;
    private final int partitions;

    private ProcessorGroup(BoxofficeSystem system, Admin admin, String groupId, int partitions) {
        this.system = system;
        this.admin = admin;
        this.groupId = groupId;
        this.partitions = partitions;
    }

    /** Finds the group: the one with a member assigned partitions of {@code booking-commands}. */
    static ProcessorGroup of(BoxofficeSystem system) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, system.broker.bootstrapServers());
        Admin admin = Admin.create(props);
        try {
            List<String> groups = admin.listGroups().all().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS).stream()
                    .map(GroupListing::groupId).toList();
            String groupId = null;
            for (var described : admin.describeConsumerGroups(groups).describedGroups().values()) {
                try {
                    ConsumerGroupDescription group = described.get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                    if (readsCommands(group)) {
                        groupId = group.groupId();
                    }
                } catch (ExecutionException notAConsumerGroup) {
                    // Another kind of group: not the processors'.
                }
            }
            if (groupId == null) {
                throw new IllegalStateException("No consumer group reads " + Topics.BOOKING_COMMANDS + " among "
                        + groups);
            }
            int partitions = admin.describeTopics(List.of(Topics.BOOKING_COMMANDS)).allTopicNames()
                    .get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS).get(Topics.BOOKING_COMMANDS).partitions().size();
            return new ProcessorGroup(system, admin, groupId, partitions);
        } catch (InterruptedException | ExecutionException | TimeoutException | RuntimeException e) {
            admin.close();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("Could not find the processors' group", e);
        }
    }

    int partitions() {
        return partitions;
    }

    /** The partition of {@code booking-commands} a show's commands go to, as the gateway's producer picks it. */
    static int partitionOf(String showId, int partitions) {
        return BuiltInPartitioner.partitionForKey(showId.getBytes(StandardCharsets.UTF_8), partitions);
    }

    Snapshot describe() {
        Instant askedAt = Instant.now();
        try {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(groupId)).describedGroups()
                    .get(groupId).get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Map<Integer, Set<Integer>> owners = new HashMap<>();
            for (MemberDescription member : group.members()) {
                owners.merge(instanceOf(member), commandPartitions(member), (a, b) -> {
                    Set<Integer> both = new TreeSet<>(a);
                    both.addAll(b);
                    return both;
                });
            }
            return new Snapshot(askedAt, group.groupState(), owners);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while describing group " + groupId, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not describe group " + groupId, e);
        }
    }

    private int instanceOf(MemberDescription member) {
        for (int instance = 0; instance < BoxofficeSystem.PROCESSORS; instance++) {
            if (member.clientId().contains("-" + system.processor(instance).port + "-")) {
                return instance;
            }
        }
        throw new IllegalStateException("Member " + member.clientId() + " of group " + groupId
                + " is no processor instance of this system");
    }

    private static Set<Integer> commandPartitions(MemberDescription member) {
        return member.assignment().topicPartitions().stream()
                .filter(partition -> partition.topic().equals(Topics.BOOKING_COMMANDS))
                .map(TopicPartition::partition).collect(Collectors.toCollection(TreeSet::new));
    }

    private static boolean readsCommands(ConsumerGroupDescription group) {
        return group.members().stream().anyMatch(member -> !commandPartitions(member).isEmpty());
    }

    @Override
    public void close() {
        admin.close();
    }
}
