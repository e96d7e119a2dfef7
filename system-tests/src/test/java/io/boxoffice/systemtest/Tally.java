package io.boxoffice.systemtest;

import io.boxoffice.systemtest.Api.Answer;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts answers by status and problem code, so a run's report shows what the clients actually met. */
final class Tally {
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    void add(Answer answer) {
        String code = answer.code();
        counts.computeIfAbsent(answer.status() + (code.isEmpty() ? "" : " " + code), k -> new LongAdder())
                .increment();
    }

    /** How many answers had this status, whatever their code. */
    long count(int status) {
        String prefix = status + " ";
        return counts.entrySet().stream()
                .filter(e -> e.getKey().equals(Integer.toString(status)) || e.getKey().startsWith(prefix))
                .mapToLong(e -> e.getValue().sum()).sum();
    }

    @Override
    public String toString() {
        Map<String, Long> sorted = new TreeMap<>();
        counts.forEach((key, count) -> sorted.put(key, count.sum()));
        return sorted.toString();
    }
}
