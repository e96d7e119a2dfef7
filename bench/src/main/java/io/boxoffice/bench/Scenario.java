package io.boxoffice.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * What the storm sends. Every scenario sends one seat or two adjacent ones ({@code {"seats":[n]}}) with a
 * user's token; they differ in the path, the {@code Prefer} header and the answers that count as expected
 * (Gatling's OK) rather than failed (KO). Checkout holds instead of booking, sometimes as
 * {@code {"bestAvailable":n}}, and confirms later (see {@link BenchSettings.Checkout}).
 */
enum Scenario {
    /** Book on one hot show and wait for the decision (201 or 409). */
    SYNC(false, Set.of(201, 409), 5_000),
    /** Book on one hot show with {@code Prefer: respond-async}: 202 once the command is durable. */
    ASYNC(true, Set.of(202), 10_000),
    /** The same request against the gateway's ceiling endpoint, which does no Kafka work. */
    CEILING(false, Set.of(200), 0),
    /** Book across many shows, synchronously: every show's writer works in parallel. */
    SHOWS(false, Set.of(201, 409), 5_000),
    /** Hold on one hot show, pay for a while, then confirm or abandon the hold and let it expire. */
    CHECKOUT(false, Set.of(201, 409), 500);

    final boolean async;
    final Set<Integer> expected;
    /** Arrival rate of the target (requests/s); 0 = closed model, as fast as the connections go. */
    final int defaultRate;

    Scenario(boolean async, Set<Integer> expected, int defaultRate) {
        this.async = async;
        this.expected = expected;
        this.defaultRate = defaultRate;
    }

    String path(String showId) {
        return switch (this) {
            case CEILING -> "/api/bench/ceiling";
            case CHECKOUT -> "/api/shows/" + showId + "/holds";
            default -> "/api/shows/" + showId + "/bookings";
        };
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Scenario of(String name) {
        return Arrays.stream(values()).filter(s -> s.label().equals(name.toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--scenario must be one of sync, async, ceiling, shows, checkout; got '"
                        + name + "'"));
    }
}
