package io.boxoffice.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the storm's answers were, recorded by every virtual user right after its answer: outcome counts
 * (status, and the problem code of a 409), timings, and the ids the audit checks afterwards (the booking
 * of each 201, the request of each 202). Thread-safe and lock-free: Gatling's threads record concurrently.
 */
final class Tally {
    /** One request: Gatling's user id (its position in the arrival schedule) and when it was sent/answered. */
    record Sample(long userId, long sentNanos, long endNanos) {
    }

    /** A success to audit: the user (index in the plan) and the booking id (201) or request id (202). */
    record Won(int user, String id) {
    }

    private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Won> confirmed = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Won> accepted = new ConcurrentLinkedQueue<>();
    private final AtomicLong firstSentNanos = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong lastEndNanos = new AtomicLong(Long.MIN_VALUE);
    private volatile long firstSentWallMillis;
    private final Runnable onStart;

    Tally() {
        this(() -> { });
    }

    /** {@code onStart} runs once, as the storm's first request leaves. */
    Tally(Runnable onStart) {
        this.onStart = onStart;
    }

    /** Called just before a request leaves; fixes the storm's start on the first one. */
    long sending() {
        long now = System.nanoTime();
        if (firstSentNanos.get() == Long.MAX_VALUE && firstSentNanos.compareAndSet(Long.MAX_VALUE, now)) {
            firstSentWallMillis = System.currentTimeMillis();
            onStart.run();
        }
        return now;
    }

    /** {@code status} is null when no HTTP answer came (connection refused, timeout). */
    void record(long userId, int user, long sentNanos, Integer status, String body) {
        String value = status == null ? null : status == 201 ? field(body, "id") : status == 202
                ? field(body, "requestId") : status >= 400 ? field(body, "code") : null;
        record(userId, user, sentNanos, System.nanoTime(), status, value);
    }

    /**
     * An answer measured by another load generator (wrk): times on {@link System#nanoTime()}'s clock, and
     * {@code value} already taken from the body: the booking id of a 201, the request id of a 202, the
     * problem code of an error.
     */
    void record(long userId, int user, long sentNanos, long endNanos, Integer status, String value) {
        firstSentNanos.accumulateAndGet(sentNanos, Math::min);
        lastEndNanos.accumulateAndGet(endNanos, Math::max);
        samples.add(new Sample(userId, sentNanos, endNanos));
        outcomes.computeIfAbsent(outcomeOf(status, value), key -> new LongAdder()).increment();
        if (status != null && status == 201 && value != null) {
            confirmed.add(new Won(user, value));
        } else if (status != null && status == 202 && value != null) {
            accepted.add(new Won(user, value));
        }
    }

    /** Fixes the wall-clock start of a storm measured elsewhere, from its first request's {@code nanoTime}. */
    void startedAtNanos() {
        long first = firstSentNanos.get();
        if (first != Long.MAX_VALUE) {
            firstSentWallMillis = System.currentTimeMillis() - (System.nanoTime() - first) / 1_000_000;
        }
    }

    /** "201", "409 seat_taken", "503 overloaded", ..., or "no answer". */
    static String outcomeOf(Integer status, String code) {
        if (status == null) {
            return "no answer";
        }
        return status < 400 || code == null ? String.valueOf(status) : status + " " + code;
    }

    /**
     * The value of a top-level string field of a small JSON answer, found without a JSON parser (the load
     * generator shares two cores with the system under test). Enough for the gateway's own documents, whose
     * ids and codes never contain quotes or escapes.
     */
    static String field(String body, String name) {
        if (body == null) {
            return null;
        }
        String marker = "\"" + name + "\":\"";
        int start = body.indexOf(marker);
        if (start < 0) {
            return null;
        }
        start += marker.length();
        int end = body.indexOf('"', start);
        return end < 0 ? null : body.substring(start, end);
    }

    Map<String, Long> outcomes() {
        Map<String, Long> sorted = new TreeMap<>();
        outcomes.forEach((key, count) -> sorted.put(key, count.sum()));
        return sorted;
    }

    long answered() {
        return outcomes().entrySet().stream().filter(e -> !e.getKey().equals("no answer"))
                .mapToLong(Map.Entry::getValue).sum();
    }

    long count(String outcomePrefix) {
        return outcomes().entrySet().stream().filter(e -> e.getKey().startsWith(outcomePrefix))
                .mapToLong(Map.Entry::getValue).sum();
    }

    List<Sample> samples() {
        return new ArrayList<>(samples);
    }

    List<Won> confirmed() {
        return new ArrayList<>(confirmed);
    }

    /** Acknowledged asynchronous requests, in the order their 202 arrived. */
    List<Won> accepted() {
        return new ArrayList<>(accepted);
    }

    long firstSentNanos() {
        return firstSentNanos.get();
    }

    long lastEndNanos() {
        return lastEndNanos.get();
    }

    long firstSentWallMillis() {
        return firstSentWallMillis;
    }

    /** From the first request sent to the last answer received. */
    double stormSeconds() {
        long first = firstSentNanos.get();
        long last = lastEndNanos.get();
        return first == Long.MAX_VALUE || last < first ? 0 : (last - first) / 1e9;
    }
}
