package io.boxoffice.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;

/**
 * {@code ./boxoffice streams}: live seat streams during a booking storm. Opens {@code streams} streams of one hot
 * show on the gateway, then {@code bookers} clients book its seats one at a time as fast as they are answered.
 * Every booking is a decision each stream must show: the delay of its {@code change} is measured from the booking's
 * send (an upper bound of the delay from the decision) and from its 201 (a lower bound), over all streams. Also:
 * the bookings' own latency without and with the streams open, the gateway's memory (resident set, and heap from
 * its metrics) before and with the streams, and the CPU of every process. Fails when a stream did not end showing
 * what the seat map says, or when a booking failed.
 */
final class SeatStreamLoad {
    private final Settings settings;
    private final StatusClient client;
    private final HttpClient http;

    record Settings(Path root, Path out, String url, int streams, int bookers, int seconds) {
        static Settings fromSystemProperties() {
            boolean smoke = Boolean.parseBoolean(System.getProperty("streams.smoke", "false"));
            int streams = Integer.parseInt(System.getProperty("streams.streams", smoke ? "50" : "500"));
            int bookers = Integer.parseInt(System.getProperty("streams.bookers", smoke ? "4" : "32"));
            int seconds = Integer.parseInt(System.getProperty("streams.seconds", smoke ? "8" : "30"));
            if (streams < 1 || streams > 5_000 || bookers < 1 || bookers > 500 || seconds < 1 || seconds > 600) {
                throw new IllegalArgumentException("--streams must be 1..5000, --bookers 1..500, --seconds 1..600");
            }
            return new Settings(Path.of(System.getProperty("bench.root", ".")),
                    Path.of(System.getProperty("bench.out", "var/bench/streams")),
                    System.getProperty("streams.url", "http://127.0.0.1:8080"), streams, bookers, seconds);
        }
    }

    /** When a booking of a seat was sent and answered ({@link System#nanoTime}). */
    private record Booked(long sentNanos, long answeredNanos) {
    }

    /** One stream: the seats it shows taken, and whether it got its snapshot. */
    private static final class Watcher {
        final TreeSet<Integer> taken = new TreeSet<>();
        final TreeSet<Integer> held = new TreeSet<>();
        volatile boolean snapshot;
        volatile int available = -1;
        volatile String failure;
    }

    private SeatStreamLoad(Settings settings) {
        this.settings = settings;
        this.client = new StatusClient(settings.url());
        this.http = client.http();
    }

    public static void main(String[] args) {
        try {
            new SeatStreamLoad(Settings.fromSystemProperties()).run();
        } catch (BenchAbort | IllegalArgumentException e) {
            System.out.println("streams: " + e.getMessage());
            System.exit(2);
        }
    }

    private void run() {
        Api api = new Api(settings.url(), 8);
        AdminSession admin = AdminSession.login(api, Launch.adminPassword(settings.root()));
        List<String> tokens = new UserPool(api, settings.root(), settings.url()).tokens(Math.max(50, settings.bookers()));
        String baselineShow = StatusClient.largeShow(api, admin.token(), "Seat streams", "baseline");
        String showId = StatusClient.largeShow(api, admin.token(), "Seat streams", "hot");
        CpuAccount cpu = new CpuAccount(settings.root(), "streams-driver");
        AtomicInteger seat = new AtomicInteger();

        System.out.printf("streams: baseline storm without streams (%d s, %d bookers) ...%n", settings.seconds() / 2,
                settings.bookers());
        Histogram baseline = storm(baselineShow, tokens, seat, Math.max(1, settings.seconds() / 2), null, new LongAdder());
        Memory idle = memory(api);

        System.out.printf("streams: opening %d streams of show %s ...%n", settings.streams(), showId);
        // A thread per stream, each blocked on its lines (this module builds for Java 17: no virtual threads).
        ExecutorService readers = Executors.newFixedThreadPool(settings.streams(), task -> {
            Thread thread = new Thread(null, task, "stream-reader", 256 * 1024);
            thread.setDaemon(true);
            return thread;
        });
        Map<Integer, Booked> booked = new ConcurrentHashMap<>();
        Histogram fromSend = new Histogram(60_000_000L, 3);
        Histogram fromAnswer = new Histogram(60_000_000L, 3);
        LongAdder changesBeforeAnswer = new LongAdder();
        List<Watcher> watchers = new ArrayList<>();
        List<HttpResponse<Stream<String>>> responses = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int i = 0; i < settings.streams(); i++) {
            Watcher watcher = new Watcher();
            watchers.add(watcher);
            readers.submit(() -> watch(showId, watcher, booked, fromSend, fromAnswer, changesBeforeAnswer, responses));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (watchers.stream().anyMatch(w -> !w.snapshot && w.failure == null) && System.nanoTime() < deadline) {
            Api.pause(100);
        }
        long opened = watchers.stream().filter(w -> w.snapshot).count();
        Memory open = memory(api);

        System.out.printf("streams: %d streams open; storm (%d s, %d bookers) ...%n", opened, settings.seconds(),
                settings.bookers());
        seat.set(0);
        LongAdder errors = new LongAdder();
        cpu.start();
        Histogram withStreams = storm(showId, tokens, seat, settings.seconds(), booked, errors);
        cpu.freeze();
        Memory storm = memory(api);

        // Every stream must end showing the seat map.
        JsonNode map = api.get("/api/shows/" + showId + "/seats", null).json();
        TreeSet<Integer> taken = new TreeSet<>();
        map.path("taken").forEach(node -> taken.add(node.asInt()));
        long converged = 0;
        long convergeDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < convergeDeadline) {
            converged = watchers.stream().filter(w -> {
                synchronized (w) {
                    return w.taken.equals(taken) && w.available == map.path("availableSeats").asInt();
                }
            }).count();
            if (converged == watchers.size()) {
                break;
            }
            Api.pause(100);
        }
        responses.forEach(response -> response.body().close());
        readers.shutdownNow();

        String report = report(baseline, withStreams, fromSend, fromAnswer, changesBeforeAnswer.sum(), opened,
                converged, errors.sum(), taken.size(), idle, open, storm, cpu);
        List<String> failures = new ArrayList<>();
        if (opened < settings.streams()) {
            failures.add((settings.streams() - opened) + " streams never got their snapshot");
        }
        if (converged < watchers.size()) {
            failures.add((watchers.size() - converged) + " streams did not end showing the seat map");
        }
        if (errors.sum() > 0) {
            failures.add(errors.sum() + " bookings failed");
        }
        if (fromAnswer.getTotalCount() == 0) {
            failures.add("no change was delivered");
        }
        report += failures.isEmpty() ? String.format("%nstreams: verdict PASS%n")
                : String.format("%nstreams: verdict FAIL: %s%n", String.join("; ", failures));
        System.out.print(report);
        try {
            Files.createDirectories(settings.out());
            Files.writeString(settings.out().resolve("streams.txt"), report);
        } catch (IOException e) {
            System.out.println("streams: note: could not write the report: " + e);
        }
        System.exit(failures.isEmpty() ? 0 : 1);
    }

    private void watch(String showId, Watcher watcher, Map<Integer, Booked> booked, Histogram fromSend,
                       Histogram fromAnswer, LongAdder beforeAnswer, List<HttpResponse<Stream<String>>> responses) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.url() + "/api/shows/" + showId
                + "/seats/events")).header("Accept", "text/event-stream").GET().build();
        try {
            HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
            responses.add(response);
            if (response.statusCode() != 200) {
                watcher.failure = "HTTP " + response.statusCode();
                return;
            }
            String[] event = {null};
            response.body().forEach(line -> {
                if (line.startsWith("event: ")) {
                    event[0] = line.substring(7);
                } else if (line.startsWith("data: ") && event[0] != null) {
                    long now = System.nanoTime();
                    JsonNode data;
                    try {
                        data = Api.JSON.readTree(line.substring(6));
                    } catch (IOException e) {
                        watcher.failure = "unreadable event: " + e;
                        return;
                    }
                    apply(watcher, event[0], data, now, booked, fromSend, fromAnswer, beforeAnswer);
                    event[0] = null;
                }
            });
        } catch (IOException | RuntimeException e) {
            if (watcher.failure == null && !watcher.snapshot) {
                watcher.failure = e.toString();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void apply(Watcher watcher, String event, JsonNode data, long now, Map<Integer, Booked> booked,
                              Histogram fromSend, Histogram fromAnswer, LongAdder beforeAnswer) {
        synchronized (watcher) {
            if (event.equals("snapshot")) {
                watcher.taken.clear();
                watcher.held.clear();
                data.path("taken").forEach(node -> watcher.taken.add(node.asInt()));
                data.path("held").forEach(node -> watcher.held.add(node.asInt()));
                watcher.snapshot = true;
            } else if (event.equals("change")) {
                String state = data.path("state").asText();
                for (JsonNode node : data.path("seats")) {
                    int seat = node.asInt();
                    watcher.taken.remove(seat);
                    watcher.held.remove(seat);
                    if (state.equals("TAKEN")) {
                        watcher.taken.add(seat);
                        Booked when = booked.get(seat);
                        if (when != null) {
                            synchronized (fromSend) {
                                fromSend.recordValue(Math.max(0, Math.min((now - when.sentNanos()) / 1_000, 59_999_999)));
                            }
                            if (when.answeredNanos() == 0) {
                                beforeAnswer.increment();
                            } else {
                                synchronized (fromAnswer) {
                                    fromAnswer.recordValue(Math.max(0,
                                            Math.min((now - when.answeredNanos()) / 1_000, 59_999_999)));
                                }
                            }
                        }
                    } else if (state.equals("HELD")) {
                        watcher.held.add(seat);
                    }
                }
            }
            watcher.available = data.path("availableSeats").asInt();
        }
    }

    /** {@code bookers} clients booking one seat each, one after another, for {@code seconds}; booking latency. */
    private Histogram storm(String showId, List<String> tokens, AtomicInteger seat, int seconds,
                            Map<Integer, Booked> booked, LongAdder errors) {
        Histogram latency = new Histogram(60_000_000L, 3);
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(settings.bookers());
        for (int b = 0; b < settings.bookers(); b++) {
            int booker = b;
            pool.submit(() -> {
                int turn = booker;
                while (!stop.get()) {
                    int next = seat.incrementAndGet();
                    long sent = System.nanoTime();
                    if (booked != null) {
                        booked.put(next, new Booked(sent, 0));
                    }
                    int status = client.post("/api/shows/" + showId + "/bookings", tokens.get(turn++ % tokens.size()),
                            "{\"seats\":[" + next + "]}");
                    long answered = System.nanoTime();
                    if (booked != null) {
                        booked.put(next, new Booked(sent, answered));
                    }
                    synchronized (latency) {
                        latency.recordValue(Math.min((answered - sent) / 1_000, 59_999_999));
                    }
                    if (status != 201) {
                        errors.increment();
                    }
                }
            });
        }
        Api.pause(seconds * 1_000L);
        stop.set(true);
        pool.shutdown();
        try {
            pool.awaitTermination(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return latency;
    }

    /** The gateway's resident set (from /proc, when the launcher started it) and heap in use (from its metrics). */
    private record Memory(long residentKb, double heapMb) {
    }

    private Memory memory(Api api) {
        long resident = -1;
        try {
            String pid = Files.readString(settings.root().resolve("var/run/api-gateway.pid")).strip();
            for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
                if (line.startsWith("VmRSS:")) {
                    resident = Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            resident = -1;
        }
        double heap = 0;
        try {
            HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create(settings.url()
                    + "/actuator/prometheus")).GET().build(), HttpResponse.BodyHandlers.ofString());
            for (String line : metrics.body().split("\n")) {
                if (line.startsWith("jvm_memory_used_bytes{area=\"heap\"")) {
                    heap += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
        } catch (IOException | RuntimeException e) {
            heap = -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new Memory(resident, heap / (1024 * 1024));
    }

    private String report(Histogram baseline, Histogram withStreams, Histogram fromSend, Histogram fromAnswer,
                          long beforeAnswer, long opened, long converged, long errors, int booked, Memory idle,
                          Memory open, Memory storm, CpuAccount cpu) {
        StringBuilder text = new StringBuilder();
        text.append(String.format("%n%d streams of one show, %d bookers for %d s: %d seats booked, %d errors%n",
                settings.streams(), settings.bookers(), settings.seconds(), booked, errors));
        text.append(String.format("%-34s %8s %8s %8s %8s %8s%n", "ms", "count", "p50", "p90", "p99", "max"));
        row(text, "bookings, no streams", baseline);
        row(text, "bookings, streams open", withStreams);
        row(text, "change after booking sent", fromSend);
        row(text, "change after its 201", fromAnswer);
        text.append(String.format("changes that arrived before their 201: %d%n", beforeAnswer));
        text.append(String.format("streams with their snapshot: %d of %d; ending equal to the seat map: %d%n", opened,
                settings.streams(), converged));
        text.append(String.format("gateway memory: resident %s, heap in use %.0f MB (idle) -> %s, %.0f MB (%d streams"
                        + " open) -> %s, %.0f MB (after the storm)%n", mb(idle.residentKb()), idle.heapMb(),
                mb(open.residentKb()), open.heapMb(), opened, mb(storm.residentKb()), storm.heapMb()));
        Map<String, Double> used = cpu.sinceStart();
        text.append("CPU during the storm (ms per second): ");
        List<String> parts = new ArrayList<>();
        used.forEach((process, millis) -> parts.add(process + "=" + Math.round(millis / settings.seconds())));
        text.append(String.join(", ", parts)).append(String.format("%n"));
        return text.toString();
    }

    private static void row(StringBuilder text, String name, Histogram h) {
        text.append(String.format("%-34s %8d %8.1f %8.1f %8.1f %8.1f%n", name, h.getTotalCount(),
                h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(90) / 1e3, h.getValueAtPercentile(99) / 1e3,
                h.getMaxValue() / 1e3));
    }

    private static String mb(long kb) {
        return kb < 0 ? "?" : String.format("%d MB", kb / 1024);
    }
}
