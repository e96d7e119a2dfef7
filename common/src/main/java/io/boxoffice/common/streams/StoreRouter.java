package io.boxoffice.common.streams;

import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.StreamsMetadata;

/**
 * Finds where a store's key lives for interactive queries: this instance, or the instance that owns the
 * key's partition. Stores are read on the active owner only, which has applied every committed and
 * in-flight decision, so a client reads its own writes.
 */
public final class StoreRouter {
    private final KafkaStreams streams;
    private final HostInfo self;

    public StoreRouter(KafkaStreams streams, HostInfo self) {
        this.streams = streams;
        this.self = self;
    }

    /** The remote owner of {@code key}, or empty when this instance owns it. */
    public Optional<HostInfo> remoteOwner(String store, String key) {
        KeyQueryMetadata metadata = streams.queryMetadataForKey(store, key, Serdes.String().serializer());
        if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)) {
            throw new InvalidStateStoreException("No owner of " + store + " is known yet (rebalancing)");
        }
        return self.equals(metadata.activeHost()) ? Optional.empty() : Optional.of(metadata.activeHost());
    }

    /** The other instances that hold partitions of {@code store}, for a fan-out read. */
    public List<HostInfo> otherHosts(String store) {
        return streams.streamsMetadataForStore(store).stream()
                .map(StreamsMetadata::hostInfo)
                .filter(host -> !host.equals(self))
                .distinct()
                .toList();
    }

    /** The local partitions of a key-value store (active ones only). */
    public <K, V> ReadOnlyKeyValueStore<K, V> local(String store) {
        return streams.store(StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.<K, V>keyValueStore()));
    }

    /** The local partitions of a window store (active ones only). */
    public <K, V> ReadOnlyWindowStore<K, V> localWindows(String store) {
        return streams.store(StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.<K, V>windowStore()));
    }

    public HostInfo self() {
        return self;
    }
}
