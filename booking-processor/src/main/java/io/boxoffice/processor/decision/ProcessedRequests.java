package io.boxoffice.processor.decision;

import java.time.Instant;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Reads the {@code processed-requests} store: the reply given to a request id, as the decider checks it
 * before deciding and as the query API answers it. A request id is decided once, so the latest entry in
 * the time range is its reply.
 */
public final class ProcessedRequests {

    private ProcessedRequests() {
    }

    /** The reply remembered for {@code requestId} between {@code from} and {@code to}, or null. */
    public static <V> V reply(ReadOnlyWindowStore<String, V> store, String requestId, Instant from, Instant to) {
        try (WindowStoreIterator<V> seen = store.fetch(requestId, from, to)) {
            V reply = null;
            while (seen.hasNext()) {
                reply = seen.next().value;
            }
            return reply;
        }
    }
}
