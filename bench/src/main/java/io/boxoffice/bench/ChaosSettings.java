package io.boxoffice.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * What {@code ./boxoffice chaos} does: which faults, in which order, under how much load. Read from the
 * {@code chaos.*} system properties that bench/rehearse makes of the command's flags.
 *
 * @param faults     the faults in order ({@link Fault})
 * @param rate       booking requests per second offered throughout, spread over {@code clients}
 * @param clients    concurrent clients; each retries a request answered 503/504 (or not at all) with the same
 *                   Idempotency-Key, on the next gateway, until it has a definite answer
 * @param shows      shows booked at once, so that every processor instance owns some of them
 * @param seats      seats per show
 * @param holdSeconds how long a killed instance stays down before {@code up} brings it back
 * @param settleSeconds undisturbed load before each fault and after each recovery
 */
record ChaosSettings(Path root, String url, List<Fault> faults, int rate, int clients, int shows, int seats,
                     int holdSeconds, int settleSeconds, String bootstrap) {

    /** The faults that can be injected. */
    enum Fault {
        BROKER("kill -9 of one broker"),
        PROCESSOR("kill -9 of one processor instance"),
        GATEWAY("kill -9 of one gateway"),
        PAUSE("SIGSTOP of one processor until the group replaced it, then SIGCONT"),
        REPLICAS("kill -9 of all brokers but one: fewer replicas in sync than min.insync.replicas, no quorum");

        final String description;

        Fault(String description) {
            this.description = description;
        }
    }

    static ChaosSettings fromSystemProperties() {
        return from(System::getProperty);
    }

    static ChaosSettings from(Function<String, String> property) {
        boolean smoke = Boolean.parseBoolean(property.apply("chaos.smoke"));
        String faults = or(property.apply("chaos.faults"), "broker,processor,gateway,pause,replicas");
        List<Fault> parsed = Arrays.stream(faults.split(",")).map(String::trim).filter(f -> !f.isEmpty())
                .map(f -> {
                    try {
                        return Fault.valueOf(f.toUpperCase(java.util.Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        throw new BenchAbort("unknown fault '" + f + "' (broker, processor, gateway, pause, replicas)");
                    }
                }).toList();
        if (parsed.isEmpty()) {
            throw new BenchAbort("name at least one fault");
        }
        String url = or(property.apply("chaos.url"), "http://127.0.0.1:8080");
        return new ChaosSettings(Path.of(or(property.apply("bench.root"), ".")), url, parsed,
                number(property, "chaos.rate", smoke ? 40 : 200), number(property, "chaos.clients", smoke ? 8 : 32),
                number(property, "chaos.shows", 12), number(property, "chaos.seats", smoke ? 1000 : 5000),
                number(property, "chaos.hold", smoke ? 5 : 15), number(property, "chaos.settle", smoke ? 5 : 15),
                or(property.apply("chaos.bootstrap"), or(System.getenv("BOXOFFICE_KAFKA_BOOTSTRAP"), "")));
    }

    private static int number(Function<String, String> property, String name, int fallback) {
        String value = property.apply(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed < 1) {
                throw new BenchAbort(name + " must be at least 1");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new BenchAbort(name + " must be a number, got '" + value + "'");
        }
    }

    private static String or(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
