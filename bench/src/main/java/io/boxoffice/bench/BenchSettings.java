package io.boxoffice.bench;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * The rehearsal's parameters, read from {@code bench.*} system properties (the launcher turns its flags
 * into them; they also work with a bare {@code mvn gatling:test -Dbench.scenario=...}). Defaults match the
 * issue's target: one hot show of 10,000 seats, 200 connections, 30 s, the target arrival rate of the
 * scenario. {@code --smoke} shrinks everything to a few seconds. Invariant: every value is validated here,
 * so the simulation never starts on nonsense.
 *
 * @param warmupSeconds a ramp of the same requests before the storm (on a show of its own), left out of
 *                      the figures: it warms the JITs of the load generator and of the services, so that the
 *                      figures describe a system that has been running, as it has on launch day
 * @param rate requests per second of the open model (latency includes queueing: coordinated-omission
 *             safe); 0 means the closed model, {@code connections} requests always in flight (max throughput)
 * @param generator {@code gatling} (HTML report; ~0.3-1 ms of CPU per request on these 2 cores) or
 *                  {@code wrk} (Debian's wrk with bench/wrk/storm.lua; a few hundredths of a millisecond)
 * @param checkout the buyers of the checkout scenario (read for every scenario, used by that one)
 */
record BenchSettings(Scenario scenario, String url, int users, int shows, int seats, int connections,
                     int durationSeconds, int warmupSeconds, int rate, boolean smoke, Path root, Path out,
                     String generator, Checkout checkout) {

    /**
     * How the checkout scenario's buyers behave. Each arrival holds seats, then either pays for a random
     * time and confirms, or abandons the hold and lets it expire.
     *
     * @param holdSeconds          the show's {@code holdSeconds}: by default the contract's minimum, so that
     *                             abandoned holds expire while the rehearsal runs
     * @param payMillis            the longest payment; each buyer pays for a uniformly random time up to it,
     *                             so a value above {@code holdSeconds} makes some confirmations late (409
     *                             {@code hold_expired}), as slow payers are
     * @param abandonPercent       the share of buyers who never confirm
     * @param bestAvailablePercent the share of buyers who ask for the best available seats instead of
     *                             picking their own
     */
    record Checkout(int holdSeconds, int payMillis, int abandonPercent, int bestAvailablePercent) {
        String describe() {
            return String.format("holds of %d s, payment up to %.1f s, %d %% abandoned, %d %% best available",
                    holdSeconds, payMillis / 1000.0, abandonPercent, bestAvailablePercent);
        }
    }

    static final int MAX_USERS = 20_000;
    /** How long a wrk run may last: its tokens, written once, must outlive it with time for the audit. */
    static final int WRK_LONGEST_SECONDS = 600;

    static BenchSettings fromSystemProperties() {
        return from(name -> System.getProperty("bench." + name));
    }

    static BenchSettings from(Map<String, String> values) {
        return from(values::get);
    }

    static BenchSettings from(Function<String, String> property) {
        boolean smoke = Boolean.parseBoolean(property.apply("smoke"));
        Scenario scenario = Scenario.of(or(property.apply("scenario"), "sync"));
        boolean many = scenario == Scenario.SHOWS;
        int users = number(property, "users", smoke ? 10 : 500);
        int shows = many ? number(property, "shows", smoke ? 3 : 100) : 1;
        int seats = number(property, "seats", smoke ? 100 : many ? 1_000 : 10_000);
        int connections = number(property, "connections", smoke ? 10 : 200);
        int duration = number(property, "duration", smoke ? 3 : 30);
        int warmup = number(property, "warmup", smoke ? 1 : 5);
        String rateText = or(property.apply("rate"), smoke ? "50" : String.valueOf(scenario.defaultRate));
        int rate = "max".equals(rateText) ? 0 : parse("rate", rateText);
        String url = or(property.apply("url"), "http://127.0.0.1:8080").replaceAll("/+$", "");
        Path root = Path.of(or(property.apply("root"), ".")).toAbsolutePath().normalize();
        Path out = Path.of(or(property.apply("out"), root.resolve("var/bench/latest").toString()));
        String generator = or(property.apply("generator"), "gatling");
        require(users >= 1 && users <= MAX_USERS, "--users must be 1.." + MAX_USERS);
        require(shows >= 1 && shows <= 1_000, "--shows must be 1..1000");
        require(seats >= 1 && seats <= 100_000, "--seats must be 1..100000 (a show's size)");
        require(connections >= 1 && connections <= 10_000, "--connections must be 1..10000");
        require(duration >= 1 && duration <= 3_600, "--duration must be 1..3600 seconds");
        require(warmup >= 0 && warmup <= 600, "--warmup must be 0..600 seconds");
        require(rate >= 0 && rate <= 200_000, "--rate must be 'max' or 1..200000 requests/s");
        require(url.matches("https?://[^/\\s]+(/\\S*)?"), "--url must be an http(s) URL, got '" + url + "'");
        require(generator.equals("gatling") || generator.equals("wrk"), "--generator must be gatling or wrk");
        require(!generator.equals("wrk") || duration + warmup <= WRK_LONGEST_SECONDS, "--generator wrk runs at most "
                + WRK_LONGEST_SECONDS + " s with its warm-up: wrk reads the users' tokens once, and access tokens live "
                + "15 minutes (Gatling's runs renew them)");
        require(scenario != Scenario.CHECKOUT || generator.equals("gatling"),
                "--scenario checkout needs --generator gatling (wrk sends one request per arrival, a buyer sends two)");
        Checkout checkout = new Checkout(number(property, "hold-seconds", 10),
                1_000 * number(property, "pay", smoke ? 2 : 8), number(property, "abandon", 30),
                number(property, "best", 50));
        require(checkout.holdSeconds() >= 10 && checkout.holdSeconds() <= 3_600,
                "--hold-seconds must be 10..3600 (a show's holdSeconds)");
        require(checkout.payMillis() >= 0 && checkout.payMillis() <= 3_600_000, "--pay must be 0..3600 seconds");
        require(checkout.abandonPercent() >= 0 && checkout.abandonPercent() <= 100, "--abandon must be 0..100 (%)");
        require(checkout.bestAvailablePercent() >= 0 && checkout.bestAvailablePercent() <= 100,
                "--best must be 0..100 (%)");
        return new BenchSettings(scenario, url, users, shows, seats, connections, duration, warmup, rate, smoke, root,
                out, generator, checkout);
    }

    boolean openModel() {
        return rate > 0;
    }

    /** Whether wrk sends the storm (instead of Gatling). */
    boolean wrk() {
        return generator.equals("wrk");
    }

    /** Where wrk's connections write their answers (one file each). */
    Path wrkAnswers() {
        return out.resolve("wrk");
    }

    /**
     * The show's per-user limit: the API's default of 10 unless the users could not buy the whole show with
     * it; then three times the fair share, so that sell-out is reachable although seats are picked at random.
     */
    int maxSeatsPerUser() {
        return Math.max(10, (int) Math.ceil(3.0 * seats / users));
    }

    String describe() {
        String load = openModel() ? "open model, " + rate + " requests/s" : "closed model, max throughput";
        String what = scenario == Scenario.SHOWS ? shows + " shows x " + seats + " seats"
                : scenario == Scenario.CEILING ? "ceiling endpoint (no Kafka)" : "hot show of " + seats + " seats";
        return scenario.label() + ": " + what + ", " + users + " users, " + connections + " connections, "
                + durationSeconds + " s (after " + warmupSeconds + " s of warm-up), " + load + ", " + generator
                + (scenario == Scenario.CHECKOUT ? "; " + checkout.describe() : "");
    }

    private static int number(Function<String, String> property, String name, int fallback) {
        String value = property.apply(name);
        return value == null || value.isBlank() ? fallback : parse(name, value);
    }

    private static int parse(String name, String value) {
        try {
            return Integer.parseInt(value.trim().replaceAll("s$", "").replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, got '" + value + "'");
        }
    }

    private static String or(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
