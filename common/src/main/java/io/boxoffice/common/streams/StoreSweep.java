package io.boxoffice.common.streams;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The upgrade path for state written before values were checked: walks one store of a task in key order, a
 * slice per call so that decisions are not held up, and hands every value that is undecodable (read as null
 * through a {@code TolerantSerde}) or fails {@code usable} to {@code removal}, then deletes it. Run by the
 * store's single writer (from a punctuation), so the deletion and the dead letter commit in one transaction.
 * Invariant: a slice starts after the last key the previous slice saw, so every key is examined once.
 */
public final class StoreSweep<V> {
    /** Receives a value before it is deleted; {@code value} is null when it could not be decoded. */
    public interface Removal<V> {
        void removed(String store, String key, V value);
    }

    private final String name;
    private final KeyValueStore<String, V> store;
    private final BiPredicate<String, V> usable;
    private final Removal<V> removal;
    private String lastSeen;
    private boolean done;
    private long removed;

    public StoreSweep(String name, KeyValueStore<String, V> store, BiPredicate<String, V> usable,
                      Removal<V> removal) {
        this.name = name;
        this.store = store;
        this.usable = usable;
        this.removal = removal;
    }

    /** Examines up to {@code budget} more entries; true once the whole store has been examined. */
    public boolean step(int budget) {
        if (done) {
            return true;
        }
        List<KeyValue<String, V>> bad = new ArrayList<>();
        int examined = 0;
        try (KeyValueIterator<String, V> entries = lastSeen == null ? store.all() : store.range(lastSeen, null)) {
            while (examined < budget && entries.hasNext()) {
                KeyValue<String, V> entry = entries.next();
                if (entry.key.equals(lastSeen)) {
                    continue; // a range starts at its lower bound, which the previous slice examined
                }
                examined++;
                lastSeen = entry.key;
                if (entry.value == null || !usable.test(entry.key, entry.value)) {
                    bad.add(entry);
                }
            }
            done = !entries.hasNext();
        }
        for (KeyValue<String, V> entry : bad) {
            removal.removed(name, entry.key, entry.value);
            store.delete(entry.key);
            removed++;
        }
        return done;
    }

    public long removed() {
        return removed;
    }
}
