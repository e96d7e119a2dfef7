package io.boxoffice.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * After the storm: drains the asynchronous outcomes, audits, computes the latency figures and writes the
 * verdict to {@code <out>/result.json} and {@code <out>/table.txt} (the launcher prints the table last,
 * after the load generator's own output, and fails when the verdict is FAIL).
 */
final class Outcome {
    private Outcome() {
    }

    /** {@code checkout}: what the checkout scenario recorded; null for the other scenarios. */
    static void write(BenchSettings settings, Map<String, Object> machine, Map<String, Double> cpuMillis, Tally tally,
                      Launch.Plan plan, Api api, CheckoutRun checkout) {
        AsyncDrain.Result async = null;
        Audit audit = null;
        CheckoutAudit checkoutAudit = null;
        if (plan != null && settings.scenario() != Scenario.CEILING) {
            List<Tally.Won> confirmations = tally.confirmed();
            if (checkout != null) {
                checkoutAudit = CheckoutAudit.of(api, plan, checkout, settings.checkout().holdSeconds(),
                        bootstrap(settings));
                confirmations = checkout.buyers().all().stream().filter(Checkouts.Checkout::confirmed)
                        .map(c -> new Tally.Won(c.user(), c.confirmValue())).toList();
            }
            if (settings.scenario().async) {
                async = new AsyncDrain(api, plan.tokens())
                        .run(tally.accepted(), tally.lastEndNanos(), 2 * settings.connections());
                confirmations = async.confirmed();
            }
            audit = Audit.of(api, plan, confirmations, tally.firstSentWallMillis());
        }
        List<Tally.Sample> samples = tally.samples();
        Latency intended = settings.openModel() ? Latency.fromIntendedStart(samples, settings.rate()) : null;
        Latency send = Latency.fromSend(samples, settings.openModel() ? "from send (not CO-safe)"
                : "from send (closed model: service time, not CO-safe)");
        Path out = settings.out();
        String startedAt = Instant.ofEpochMilli(tally.firstSentWallMillis()).truncatedTo(ChronoUnit.SECONDS).toString();
        Report report = new Report(settings, machine, cpuMillis, tally, intended, send, audit, async,
                checkoutAudit, checkout == null ? null : checkout.confirms(), startedAt,
                relative(settings, settings.wrk() ? settings.wrkAnswers() : out.resolve("report/index.html")),
                relative(settings, out.resolve("result.json")));
        try {
            Files.createDirectories(out);
            Map<String, Object> json = report.toMap();
            if (plan != null) {
                // To look at the shows again later (seats, statistics, events).
                json.put("showIds", plan.showIds());
                json.put("warmupShowId", plan.warmupShowId());
            }
            Api.JSON.writerWithDefaultPrettyPrinter().writeValue(out.resolve("result.json").toFile(), json);
            Files.writeString(out.resolve("table.txt"), report.table());
        } catch (IOException e) {
            throw new BenchAbort("could not write the results to " + out + ": " + e);
        }
        System.out.println("bench: verdict " + (report.pass() ? "PASS" : "FAIL") + "; results in " + out);
    }

    /**
     * The brokers, to read the feed: BOXOFFICE_KAFKA_BOOTSTRAP, else those {@code ./boxoffice up} started here;
     * null when neither is known (a remote system), and the feed's checks are left out.
     */
    private static String bootstrap(BenchSettings settings) {
        String fromEnv = System.getenv("BOXOFFICE_KAFKA_BOOTSTRAP");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        try {
            String local = Instances.of(settings.root()).bootstrap();
            return local.isBlank() ? null : local;
        } catch (BenchAbort e) {
            System.out.println("bench: no local brokers found (" + e.getMessage() + "); the feed is not audited");
            return null;
        }
    }

    private static String relative(BenchSettings settings, Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(settings.root()) ? settings.root().relativize(absolute).toString() : absolute.toString();
    }
}
