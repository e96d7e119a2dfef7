package io.boxoffice.common.streams;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;

/**
 * Finds where a store's partitions can be read for interactive queries, and opens the local copies.
 * Every partition has one active copy (the instance that decides its keys) and, with standby replicas,
 * warm standby copies elsewhere. Reads go to the active copy, which has applied every decision already
 * replied, so a client reads its own writes; a standby is read only when the active copy is not reachable
 * (its instance died or is paused and the group has not yet moved the partition), so that a read answers
 * during a failover instead of failing. Callers list the copies in that order and try them in turn.
 */
public final class StoreRouter {
    private static final Comparator<HostInfo> BY_ADDRESS =
            Comparator.comparing(HostInfo::host).thenComparingInt(HostInfo::port);

    private final KafkaStreams streams;
    private final HostInfo self;

    public StoreRouter(KafkaStreams streams, HostInfo self) {
        this.streams = streams;
        this.self = self;
    }

    /** The copies of one partition: the active host first (when one is known), then the standbys. */
    public record Copies(int partition, List<HostInfo> hosts, boolean activeKnown) {
        public boolean isActive(HostInfo host) {
            return activeKnown && !hosts.isEmpty() && hosts.get(0).equals(host);
        }
    }

    /** The copies of the partition that holds {@code key}; fails while no copy at all is known. */
    public Copies copiesOf(String store, String key) {
        KeyQueryMetadata metadata = streams.queryMetadataForKey(store, key, Serdes.String().serializer());
        if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)) {
            throw new InvalidStateStoreException("No copy of " + store + " is known yet (rebalancing)");
        }
        List<HostInfo> hosts = new ArrayList<>();
        boolean activeKnown = known(metadata.activeHost());
        if (activeKnown) {
            hosts.add(metadata.activeHost());
        }
        metadata.standbyHosts().stream().filter(StoreRouter::known).sorted(BY_ADDRESS).forEach(hosts::add);
        if (hosts.isEmpty()) {
            throw new InvalidStateStoreException("No copy of " + store + " is known yet (rebalancing)");
        }
        return new Copies(metadata.partition(), List.copyOf(hosts), activeKnown);
    }

    /**
     * The copies of every partition of {@code store} that the group knows of, by partition number: active
     * first, then standbys. The metadata is that of the group's last assignment, which gives every
     * partition an active owner, also while the next rebalance runs.
     */
    public Map<Integer, Copies> copiesOfAll(String store) {
        Map<Integer, HostInfo> active = new TreeMap<>();
        Map<Integer, List<HostInfo>> standby = new TreeMap<>();
        for (StreamsMetadata client : streams.streamsMetadataForStore(store)) {
            for (TopicPartition partition : client.topicPartitions()) {
                active.put(partition.partition(), client.hostInfo());
            }
            for (TopicPartition partition : client.standbyTopicPartitions()) {
                List<HostInfo> hosts = standby.computeIfAbsent(partition.partition(), p -> new ArrayList<>());
                if (!hosts.contains(client.hostInfo())) {
                    hosts.add(client.hostInfo());
                }
            }
        }
        Map<Integer, Copies> copies = new TreeMap<>();
        for (int partition : union(active.keySet(), standby.keySet())) {
            List<HostInfo> hosts = new ArrayList<>();
            HostInfo owner = active.get(partition);
            if (owner != null) {
                hosts.add(owner);
            }
            standby.getOrDefault(partition, List.of()).stream().filter(host -> !host.equals(owner))
                    .sorted(BY_ADDRESS).forEach(hosts::add);
            copies.put(partition, new Copies(partition, List.copyOf(hosts), owner != null));
        }
        return copies;
    }

    /** The local copy (active or standby) of one partition of a key-value store. */
    public <K, V> ReadOnlyKeyValueStore<K, V> partition(String store, int partition) {
        return streams.store(StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.<K, V>keyValueStore())
                .enableStaleStores().withPartition(partition));
    }

    /** The local copy (active or standby) of one partition of a window store. */
    public <K, V> ReadOnlyWindowStore<K, V> partitionWindows(String store, int partition) {
        return streams.store(StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.<K, V>windowStore())
                .enableStaleStores().withPartition(partition));
    }

    /** Whether this instance holds the active copy of {@code partition} right now. */
    public boolean activeHere(String store, int partition) {
        return streams.streamsMetadataForStore(store).stream()
                .filter(client -> client.hostInfo().equals(self))
                .anyMatch(client -> client.topicPartitions().stream().anyMatch(tp -> tp.partition() == partition));
    }

    public HostInfo self() {
        return self;
    }

    private static boolean known(HostInfo host) {
        return host != null && host.port() > 0 && !HostInfo.unavailable().equals(host);
    }

    private static Set<Integer> union(Set<Integer> a, Set<Integer> b) {
        Set<Integer> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
