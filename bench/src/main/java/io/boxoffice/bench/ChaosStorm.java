package io.boxoffice.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;

/**
 * The load under the faults: clients book single seats on the chaos shows at a steady pace, as a careful
 * client would through an outage: every request carries an Idempotency-Key, and one answered 503 or 504, or
 * not answered at all, is sent again with the same key (to the next gateway) until a definite answer comes.
 * So every request must end in a definite outcome, and a retry must never book twice. Records each
 * confirmation, each refusal, the retries by cause, and, per show, when its decisions arrived (to tell how
 * long a fault stopped them). {@link #pause()} holds new requests while an audit reads a still system.
 */
final class ChaosStorm {
    /** A request that has no definite answer after this long counts as lost. */
    static final Duration REQUEST_DEADLINE = Duration.ofSeconds(120);
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(15);

    /** A booking answered 201: who holds which seat. */
    record Confirmed(int user, String bookingId, String showId, int seat) {
    }

    private final ChaosSettings settings;
    private final List<String> gateways;
    private final List<String> tokens;
    private final List<String> shows;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Thread> clients = new ArrayList<>();
    private volatile boolean running = true;
    private volatile boolean paused;
    private final AtomicInteger inFlight = new AtomicInteger();

    final ConcurrentLinkedQueue<Confirmed> confirmed = new ConcurrentLinkedQueue<>();
    final Map<String, AtomicLong> refusals = new ConcurrentHashMap<>();
    final Map<String, AtomicLong> retries = new ConcurrentHashMap<>();
    /** The slowest answer per retried status since {@link #resetSlowest()}: how long a 503 or 504 made one wait. */
    final Map<String, LongAccumulator> slowestMillis = new ConcurrentHashMap<>();
    final ConcurrentLinkedQueue<String> undecided = new ConcurrentLinkedQueue<>();
    /** Per show, the wall-clock milliseconds of its definite answers. */
    final Map<String, ConcurrentSkipListSet<Long>> decisions = new ConcurrentHashMap<>();

    ChaosStorm(ChaosSettings settings, List<String> gateways, List<String> tokens, List<String> shows) {
        this.settings = settings;
        this.gateways = List.copyOf(gateways);
        this.tokens = tokens; // live: renewed while the storm runs
        this.shows = List.copyOf(shows);
        shows.forEach(show -> decisions.put(show, new ConcurrentSkipListSet<>()));
    }

    void start() {
        long intervalNanos = 1_000_000_000L * settings.clients() / settings.rate();
        for (int c = 0; c < settings.clients(); c++) {
            int client = c;
            Thread thread = new Thread(() -> loop(client, intervalNanos), "chaos-client-" + c);
            thread.setDaemon(true);
            clients.add(thread);
            thread.start();
        }
    }

    /** Stops new requests and waits until every request in flight has its definite answer (or gave up). */
    void pause() {
        paused = true;
        while (inFlight.get() > 0) {
            Api.pause(50);
        }
    }

    void resume() {
        paused = false;
    }

    void stop() {
        pause();
        running = false;
        clients.forEach(Thread::interrupt);
    }

    long requests() {
        return confirmed.size() + refusals.values().stream().mapToLong(AtomicLong::get).sum() + undecided.size();
    }

    private void loop(int client, long intervalNanos) {
        long next = System.nanoTime() + ThreadLocalRandom.current().nextLong(intervalNanos);
        while (running) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                Api.pause(wait / 1_000_000);
            }
            next += intervalNanos;
            if (paused || !running) {
                next = System.nanoTime() + intervalNanos;
                continue;
            }
            inFlight.incrementAndGet();
            try {
                book(client);
            } finally {
                inFlight.decrementAndGet();
            }
        }
    }

    private void book(int client) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int user = random.nextInt(tokens.size());
        String show = shows.get(random.nextInt(shows.size()));
        int seat = 1 + random.nextInt(settings.seats());
        String key = UUID.randomUUID().toString();
        String body = "{\"seats\":[" + seat + "]}";
        long deadline = System.nanoTime() + REQUEST_DEADLINE.toNanos();
        for (int attempt = 0; System.nanoTime() < deadline; attempt++) {
            String gateway = gateways.get((client + attempt) % gateways.size());
            HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "/api/shows/" + show + "/bookings"))
                    .timeout(ATTEMPT_TIMEOUT)
                    .header("Authorization", "Bearer " + tokens.get(user))
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", key)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            String retryCause;
            long sent = System.nanoTime();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status == 201) {
                    JsonNode booking = Api.JSON.readTree(response.body());
                    confirmed.add(new Confirmed(user, booking.path("id").asText(), show, seat));
                    decided(show);
                    return;
                }
                if (status != 503 && status != 504) {
                    JsonNode problem = Api.JSON.readTree(response.body());
                    refusals.computeIfAbsent(status + " " + problem.path("code").asText("?"), k -> new AtomicLong())
                            .incrementAndGet();
                    decided(show);
                    return;
                }
                retryCause = Integer.toString(status);
                slowestMillis.computeIfAbsent(retryCause, k -> new LongAccumulator(Math::max, 0))
                        .accumulate((System.nanoTime() - sent) / 1_000_000);
            } catch (IOException e) {
                retryCause = "no answer";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                undecided.add(show + " " + key + " (interrupted)");
                return;
            }
            retries.computeIfAbsent(retryCause, k -> new AtomicLong()).incrementAndGet();
            Api.pause(Math.min(1_000, 100L << Math.min(attempt, 4)));
        }
        undecided.add(show + " " + key);
    }

    void resetSlowest() {
        slowestMillis.clear();
    }

    private void decided(String show) {
        decisions.get(show).add(System.currentTimeMillis());
    }

    /**
     * How long decisions stopped after a fault at {@code faultMillis}: per show, the time to its first
     * decision after the fault; the longest of those, and how many shows waited longer than {@code quietMillis}.
     */
    Stall stallAfter(long faultMillis, long quietMillis) {
        long longest = 0;
        int affected = 0;
        for (ConcurrentSkipListSet<Long> times : decisions.values()) {
            Long next = times.higher(faultMillis);
            long gap = next == null ? Long.MAX_VALUE : next - faultMillis;
            longest = Math.max(longest, gap);
            if (gap > quietMillis) {
                affected++;
            }
        }
        return new Stall(longest, affected, decisions.size());
    }

    /** The longest wait of a show for its next decision after a fault. */
    record Stall(long longestMillis, int showsAffected, int shows) {
        String describe() {
            return longestMillis == Long.MAX_VALUE ? "no decision since the fault"
                    : String.format("%.1f s (longest wait of a show; %d of %d shows waited > 1 s)",
                    longestMillis / 1000.0, showsAffected, shows);
        }
    }

    /** Counts of a map of counters, as a stable text. */
    static String counts(Map<String, AtomicLong> counters) {
        return counters.isEmpty() ? "none" : new java.util.TreeMap<>(counters).entrySet().stream()
                .map(e -> e.getKey() + " x" + e.getValue().get()).reduce((a, b) -> a + ", " + b).orElse("");
    }
}
