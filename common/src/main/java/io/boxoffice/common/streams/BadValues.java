package io.boxoffice.common.streams;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read side's guard against bad stored values: a value that is absent because it could not be decoded, or
 * that fails its store's check, is left out of the answer instead of failing it, and logged once per store and
 * key (reads repeat; the log should not). The set of reported keys is bounded, so a flood of bad values cannot
 * grow it without limit; past the bound a bad value is still skipped, only no longer logged.
 */
public final class BadValues {
    private static final Logger log = LoggerFactory.getLogger(BadValues.class);
    private static final int MAX_REPORTED = 10_000;

    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    /** Whether {@code value} (null when undecodable) of {@code key} in {@code store} may be answered. */
    public <V> boolean usable(String store, String key, V value, BiPredicate<String, V> check) {
        boolean usable = value != null && check.test(key, value);
        if (!usable && reported.size() < MAX_REPORTED && reported.add(store + '\u0000' + key)) {
            log.warn("Skipping a bad value in store {} at key {} ({}); the single writer removes it and keeps it"
                    + " in the dead-letter topic", store, key, value == null ? "undecodable" : "fails its check");
        }
        return usable;
    }
}
