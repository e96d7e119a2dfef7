package io.boxoffice.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;

/**
 * {@code ./boxoffice logins}: what a login flood does to bookings. One booker books single seats one after
 * another (each by the next of its users, so no user limit is met) through every phase, and its latency is the
 * figure that matters: password hashing must not take the CPU bookings need. Phases, each as long:
 * <ol>
 *   <li>{@code quiet}: the booker alone;</li>
 *   <li>{@code logins}: plus {@code clients} users logging in with their right passwords, each coming back after
 *       {@code Retry-After} when shed: how many logins/s the system takes;</li>
 *   <li>{@code flood}: plus {@code clients} attackers sending wrong passwords for many names as fast as they are
 *       answered, ignoring {@code Retry-After}, while a few honest users keep logging in;</li>
 *   <li>{@code locked}: the same attackers on one name, which the throttle has locked (a name of this run: locking
 *       {@code admin} would lock the operator out for up to 15 minutes).</li>
 * </ol>
 * Prints per phase the booking latency (p50/p95/p99 from send to answer), logins/s and the answers' statuses,
 * and the CPU each process used, and writes them to {@code var/bench/<run>/logins.txt}.
 */
final class LoginFlood {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int HONEST_DURING_FLOOD = 4;
    private static final int FLOODED_NAMES = 2_000;

    private final Settings settings;
    private final StatusClient http;

    record Settings(Path root, Path out, String url, int phaseSeconds, int clients) {
        static Settings fromSystemProperties() {
            boolean smoke = Boolean.parseBoolean(System.getProperty("logins.smoke", "false"));
            int phase = Integer.parseInt(System.getProperty("logins.phase", smoke ? "8" : "30"));
            int clients = Integer.parseInt(System.getProperty("logins.clients", smoke ? "16" : "48"));
            if (phase < 1 || phase > 600 || clients < 1 || clients > 1_000) {
                throw new IllegalArgumentException("--phase must be 1..600 seconds and --clients 1..1000");
            }
            return new Settings(Path.of(System.getProperty("bench.root", ".")),
                    Path.of(System.getProperty("bench.out", "var/bench/logins")),
                    System.getProperty("logins.url", "http://127.0.0.1:8080"), phase, clients);
        }
    }

    /** What one phase measured. */
    record Phase(String name, Histogram bookings, long bookingErrors, Map<String, Long> logins,
                 Map<String, Long> flood, double seconds, Map<String, Double> cpuMillis) {
        double loginsPerSecond() {
            return logins.getOrDefault("200", 0L) / seconds;
        }
    }

    private LoginFlood(Settings settings) {
        this.settings = settings;
        this.http = new StatusClient(settings.url());
    }

    public static void main(String[] args) {
        try {
            Settings settings = Settings.fromSystemProperties();
            new LoginFlood(settings).run();
        } catch (BenchAbort | IllegalArgumentException e) {
            System.out.println("logins: " + e.getMessage());
            System.exit(2);
        }
    }

    private void run() {
        Api api = new Api(settings.url(), 8);
        AdminSession admin = AdminSession.login(api, Launch.adminPassword(settings.root()));
        List<String> bookers = new UserPool(api, settings.root(), settings.url()).tokens(50);
        List<Map<String, String>> honest = honestUsers(api, settings.clients());
        String showId = StatusClient.largeShow(api, admin.token(), "Login flood", "flood");
        System.out.printf("logins: %d s per phase, %d clients; booking show %s%n", settings.phaseSeconds(),
                settings.clients(), showId);
        AtomicInteger seat = new AtomicInteger();
        List<Phase> phases = new ArrayList<>();
        phases.add(phase("quiet", bookers, showId, seat, 0, null, 0, null));
        phases.add(phase("logins", bookers, showId, seat, settings.clients(), honest, 0, null));
        phases.add(phase("flood", bookers, showId, seat, HONEST_DURING_FLOOD, honest, settings.clients(),
                i -> "flood_" + RANDOM.nextInt(FLOODED_NAMES)));
        String locked = "locked_" + Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        phases.add(phase("locked", bookers, showId, seat, HONEST_DURING_FLOOD, honest, settings.clients(),
                i -> locked));
        String report = report(phases);
        List<String> failures = failures(phases);
        report += failures.isEmpty() ? String.format("%nlogins: verdict PASS%n")
                : String.format("%nlogins: verdict FAIL: %s%n", String.join("; ", failures));
        System.out.print(report);
        try {
            Files.createDirectories(settings.out());
            Files.writeString(settings.out().resolve("logins.txt"), report);
        } catch (IOException e) {
            System.out.println("logins: note: could not write the report: " + e);
        }
        if (!failures.isEmpty()) {
            System.exit(1);
        }
    }

    /**
     * What must hold whatever the machine's speed: every booking beside the flood succeeds, honest users do log in,
     * the locked name is refused 429, and nothing is answered with a status the contract does not give a login.
     */
    private static List<String> failures(List<Phase> phases) {
        List<String> failures = new ArrayList<>();
        for (Phase phase : phases) {
            if (phase.bookingErrors() > 0 || phase.bookings().getTotalCount() == 0) {
                failures.add(phase.name() + ": " + phase.bookingErrors() + " of " + phase.bookings().getTotalCount()
                        + " bookings failed");
            }
            List<String> odd = new ArrayList<>(phase.logins().keySet());
            odd.addAll(phase.flood().keySet());
            odd.removeAll(List.of("200", "401", "429", "503"));
            if (!odd.isEmpty()) {
                failures.add(phase.name() + ": logins answered " + odd);
            }
        }
        if (phases.get(1).logins().getOrDefault("200", 0L) == 0) {
            failures.add("logins: no honest login succeeded");
        }
        if (phases.get(3).flood().getOrDefault("429", 0L) == 0) {
            failures.add("locked: the locked name was never refused 429");
        }
        return failures;
    }

    /** Runs one phase: the booker, {@code honestClients} right logins, {@code floodClients} wrong ones. */
    private Phase phase(String name, List<String> bookers, String showId, AtomicInteger seat, int honestClients,
                        List<Map<String, String>> honest, int floodClients, IntFunction<String> floodName) {
        System.out.printf("logins: phase %s ...%n", name);
        CpuAccount cpu = new CpuAccount(settings.root(), "logins-driver");
        AtomicBoolean stop = new AtomicBoolean();
        Histogram bookings = new Histogram(60_000_000L, 3);
        LongAdder bookingErrors = new LongAdder();
        Map<String, LongAdder> logins = new ConcurrentHashMap<>();
        Map<String, LongAdder> flood = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(1 + honestClients + floodClients);
        cpu.start();
        long started = System.nanoTime();
        pool.submit(() -> {
            int turn = 0;
            while (!stop.get()) {
                long sent = System.nanoTime();
                int status = http.post("/api/shows/" + showId + "/bookings", bookers.get(turn++ % bookers.size()),
                        "{\"seats\":[" + seat.incrementAndGet() + "]}");
                synchronized (bookings) {
                    bookings.recordValue(Math.min((System.nanoTime() - sent) / 1_000, 59_999_999));
                }
                if (status != 201) {
                    bookingErrors.increment();
                }
            }
        });
        for (int c = 0; c < honestClients; c++) {
            Map<String, String> user = honest.get(c % honest.size());
            pool.submit(() -> {
                while (!stop.get()) {
                    int status = login(user.get("username"), user.get("password"));
                    logins.computeIfAbsent(Integer.toString(status), k -> new LongAdder()).increment();
                    if (status == 503 || status == 429) {
                        Api.pause(1_000); // an honest client honours Retry-After
                    }
                }
            });
        }
        for (int c = 0; c < floodClients; c++) {
            int client = c;
            pool.submit(() -> {
                while (!stop.get()) {
                    int status = login(floodName.apply(client), "wrong-" + RANDOM.nextInt());
                    flood.computeIfAbsent(Integer.toString(status), k -> new LongAdder()).increment();
                }
            });
        }
        Api.pause(settings.phaseSeconds() * 1_000L);
        stop.set(true);
        double seconds = (System.nanoTime() - started) / 1e9;
        cpu.freeze();
        pool.shutdown();
        try {
            pool.awaitTermination(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new Phase(name, bookings, bookingErrors.sum(), counts(logins), counts(flood), seconds,
                cpu.sinceStart());
    }

    private static Map<String, Long> counts(Map<String, LongAdder> adders) {
        Map<String, Long> counts = new TreeMap<>();
        adders.forEach((status, adder) -> counts.put(status, adder.sum()));
        return counts;
    }

    private int login(String username, String password) {
        return http.post("/api/auth/token", null, "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
    }

    /** Users of this run who log in with their right passwords (registered now: the pool keeps no passwords out). */
    private static List<Map<String, String>> honestUsers(Api api, int count) {
        String tag = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        return api.parallel(java.util.stream.IntStream.range(0, count).boxed().toList(), i -> {
            Map<String, String> user = Map.of("username", "honest_" + tag + "_" + i,
                    "password", "pw-" + RANDOM.nextLong());
            Api.Answer registered = Logins.patiently(() -> api.post("/api/users", null, user));
            if (!registered.is(201)) {
                throw new BenchAbort("registering " + user.get("username") + " failed: HTTP " + registered.status());
            }
            return user;
        });
    }

    private static String report(List<Phase> phases) {
        StringBuilder text = new StringBuilder();
        text.append(String.format("%n%-7s | %8s | %9s %9s %9s | %6s | %9s | %-28s | %-28s%n", "phase",
                "bookings", "p50 ms", "p95 ms", "p99 ms", "errors", "logins/s", "login answers", "flood answers"));
        for (Phase phase : phases) {
            Histogram h = phase.bookings();
            text.append(String.format("%-7s | %8d | %9.1f %9.1f %9.1f | %6d | %9.1f | %-28s | %-28s%n", phase.name(),
                    h.getTotalCount(), h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(95) / 1e3,
                    h.getValueAtPercentile(99) / 1e3, phase.bookingErrors(), phase.loginsPerSecond(),
                    perSecond(phase.logins(), phase.seconds()), perSecond(phase.flood(), phase.seconds())));
        }
        text.append(String.format("%nCPU per phase (ms of CPU per second of the phase):%n"));
        for (Phase phase : phases) {
            Map<String, String> cpu = new LinkedHashMap<>();
            phase.cpuMillis().forEach((process, millis) -> cpu.put(process,
                    String.format("%.0f", millis / phase.seconds())));
            text.append(String.format("  %-7s %s%n", phase.name(), cpu));
        }
        return text.toString();
    }

    private static String perSecond(Map<String, Long> counts, double seconds) {
        if (counts.isEmpty()) {
            return "-";
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((status, count) -> parts.add(status + ": " + String.format("%.0f/s", count / seconds)));
        return String.join(", ", parts);
    }
}
