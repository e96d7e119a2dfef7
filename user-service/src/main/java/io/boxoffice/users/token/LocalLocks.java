package io.boxoffice.users.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * This instance's memory of the account decider's answer "refused until then" for a username, so that a flood
 * on a locked name is answered 429 without a password slot or a Kafka round trip. Exact for locks: nothing ends
 * a lock early (every attempt is refused while it lasts). Bounded: past {@code capacity} names it forgets the
 * lapsed ones, and remembers no new ones while it is still full (those are then asked of the decider).
 */
final class LocalLocks {
    private final ConcurrentMap<String, Instant> until = new ConcurrentHashMap<>();
    private final int capacity;
    private final Clock clock;

    LocalLocks(int capacity, Clock clock) {
        this.capacity = capacity;
        this.clock = clock;
    }

    /** How long {@code key} is still refused, if it is. */
    Optional<Duration> refused(String key) {
        Instant end = until.get(key);
        if (end == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (!end.isAfter(now)) {
            until.remove(key, end);
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, end));
    }

    void remember(String key, Duration retryAfter) {
        Instant now = clock.instant();
        if (until.size() >= capacity) {
            until.values().removeIf(end -> !end.isAfter(now));
            if (until.size() >= capacity) {
                return;
            }
        }
        until.put(key, now.plus(retryAfter));
    }
}
