package io.boxoffice.bench;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * After an asynchronous storm: how long until every acknowledged request had its outcome, and what each
 * outcome was, read through {@code GET /api/booking-requests/{id}} as the requester. The drain is timed on
 * the last acknowledgements of each show: a show's commands are decided in the order they were written,
 * so once its last ones are decided all are. Then every request is read, to prove none stayed PENDING or
 * was lost.
 */
final class AsyncDrain {
    private static final long DEADLINE_NANOS = 180_000_000_000L;

    /** Outcome counts ("CONFIRMED", "REJECTED sold_out", "PENDING", "lost"), the bookings confirmed. */
    record Result(long acknowledged, double drainSeconds, long decided, long notFinal, Map<String, Long> outcomes,
                  List<Tally.Won> confirmed) {
    }

    private final Api api;
    private final List<String> tokens;

    AsyncDrain(Api api, List<String> tokens) {
        this.api = api;
        this.tokens = tokens;
    }

    Result run(List<Tally.Won> accepted, long stormEndNanos, int tailPerShow) {
        System.out.printf("bench: waiting for the decisions of %,d acknowledged requests ...%n", accepted.size());
        Map<String, Deque<Tally.Won>> tails = new HashMap<>();
        for (Tally.Won won : accepted) {
            Deque<Tally.Won> tail = tails.computeIfAbsent(showOf(won.id()), show -> new ArrayDeque<>());
            tail.addLast(won);
            if (tail.size() > tailPerShow) {
                tail.removeFirst();
            }
        }
        List<Tally.Won> pending = tails.values().stream().flatMap(Deque::stream).toList();
        long deadline = System.nanoTime() + DEADLINE_NANOS;
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            pending = api.parallel(pending, won -> "PENDING".equals(statusOf(won).text("status")) ? won : null)
                    .stream().filter(java.util.Objects::nonNull).toList();
            if (!pending.isEmpty()) {
                Api.pause(10);
            }
        }
        double drain = pending.isEmpty() ? (System.nanoTime() - stormEndNanos) / 1e9 : Double.NaN;
        System.out.printf("bench: last decisions read %.2f s after the storm; reading all %,d outcomes ...%n",
                drain, accepted.size());
        return readAll(accepted, drain, deadline);
    }

    private Result readAll(List<Tally.Won> accepted, double drain, long deadline) {
        Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<Tally.Won> confirmed = new ConcurrentLinkedQueue<>();
        AtomicLong done = new AtomicLong();
        AtomicLong nextReport = new AtomicLong(System.nanoTime() + 5_000_000_000L);
        List<Tally.Won> round = accepted;
        while (!round.isEmpty()) {
            boolean last = System.nanoTime() > deadline;
            round = api.parallel(round, won -> {
                Api.Answer answer = statusOf(won);
                String status = answer.is(404) ? "lost"
                        : answer.is(200) ? String.valueOf(answer.text("status")) : "HTTP " + answer.status();
                if ("PENDING".equals(status) && !last) {
                    return won;
                }
                String key = switch (status) {
                    case "REJECTED" -> "REJECTED " + answer.json().path("problem").path("code").asText("?");
                    default -> status;
                };
                if ("CONFIRMED".equals(status)) {
                    confirmed.add(new Tally.Won(won.user(), answer.json().path("booking").path("id").asText()));
                }
                outcomes.computeIfAbsent(key, k -> new LongAdder()).increment();
                long n = done.incrementAndGet();
                long now = System.nanoTime();
                long report = nextReport.get();
                if (now > report && nextReport.compareAndSet(report, now + 5_000_000_000L)) {
                    System.out.printf("bench:   %,d/%,d outcomes read%n", n, accepted.size());
                }
                return null;
            }).stream().filter(java.util.Objects::nonNull).toList();
            if (!round.isEmpty()) {
                Api.pause(200);
            }
        }
        Map<String, Long> counts = new TreeMap<>();
        outcomes.forEach((key, count) -> counts.put(key, count.sum()));
        long decided = counts.entrySet().stream()
                .filter(e -> e.getKey().startsWith("CONFIRMED") || e.getKey().startsWith("REJECTED"))
                .mapToLong(Map.Entry::getValue).sum();
        return new Result(accepted.size(), drain, decided, accepted.size() - decided, counts, new ArrayList<>(confirmed));
    }

    private Api.Answer statusOf(Tally.Won won) {
        return api.get("/api/booking-requests/" + won.id(), tokens.get(won.user()));
    }

    /** A request id is {@code <showId>-r<nonce><tag>}. */
    static String showOf(String requestId) {
        int cut = requestId.indexOf("-r");
        return cut < 0 ? requestId : requestId.substring(0, cut);
    }
}
