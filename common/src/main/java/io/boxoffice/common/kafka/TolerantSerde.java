package io.boxoffice.common.kafka;

import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A store's value serde that reads a value it cannot decode as absent (null) instead of throwing. One bad
 * stored value then fails neither a read of its key nor an iteration over its neighbours; readers that know
 * the key log it and the single writer removes it ({@code docs/dead-letters.md}, the upgrade path). Writes
 * are the wrapped serde's, unchanged.
 */
public final class TolerantSerde<T> implements Serde<T>, Deserializer<T> {
    private final Serde<T> strict;

    private TolerantSerde(Serde<T> strict) {
        this.strict = strict;
    }

    public static <T> TolerantSerde<T> of(Serde<T> strict) {
        return new TolerantSerde<>(strict);
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        try {
            return strict.deserializer().deserialize(topic, data);
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        strict.configure(configs, isKey);
    }

    @Override
    public void close() {
        strict.close();
    }

    @Override
    public Serializer<T> serializer() {
        return strict.serializer();
    }

    @Override
    public Deserializer<T> deserializer() {
        return this;
    }
}
