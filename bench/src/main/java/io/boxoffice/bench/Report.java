package io.boxoffice.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The rehearsal's verdict: the table printed at the end and the same figures as JSON. Answers/s counts
 * every HTTP answer over the storm's window (first request sent to last answer received); seats sold/s
 * divides the seats sold by the time to sell out, or by the window when the show(s) did not sell out.
 * In the checkout scenario the storm's requests are the holds; the confirmations have their own codes and
 * latency ({@code confirms}), and {@code checkout} is their audit (both null for the other scenarios).
 */
record Report(BenchSettings settings, Map<String, Object> machine, Map<String, Double> cpuMillis, Tally tally,
              Latency intended, Latency send, Audit audit, AsyncDrain.Result async, CheckoutAudit checkout,
              Tally confirms, String startedAt, String reportPath, String jsonPath) {

    double answersPerSecond() {
        double seconds = tally.stormSeconds();
        return seconds == 0 ? 0 : tally.answered() / seconds;
    }

    /** The latency the verdict uses: CO-corrected in the open model, service time in the closed one. */
    Latency headline() {
        return intended != null ? intended : send;
    }

    Double seatsPerSecond() {
        if (audit == null) {
            return null;
        }
        double window = audit.sellOutSeconds() != null && audit.sellOutSeconds() > 0 ? audit.sellOutSeconds()
                : tally.stormSeconds();
        return window == 0 ? 0 : audit.seatsSold() / window;
    }

    boolean pass() {
        return (audit == null || audit.pass()) && (async == null || async.notFinal() == 0)
                && (checkout == null || checkout.pass());
    }

    /** The target for this scenario, or null: {answers/s, p99 ms}. */
    double[] target() {
        return switch (settings.scenario()) {
            case SYNC, SHOWS -> new double[] {5_000, 100};
            case ASYNC -> new double[] {10_000, 50};
            case CEILING, CHECKOUT -> null;
        };
    }

    /** Met when 99 % of the target rate was answered and the p99 is within the bound. */
    Boolean targetMet() {
        double[] target = target();
        if (target == null) {
            return null;
        }
        return answersPerSecond() >= 0.99 * target[0] && headline().p99() <= target[1];
    }

    String table() {
        StringBuilder t = new StringBuilder();
        String rule = "-".repeat(96) + "\n";
        t.append("=".repeat(96)).append('\n');
        t.append(" Boxoffice launch rehearsal, ").append(startedAt).append('\n');
        t.append(" ").append(settings.describe()).append('\n');
        t.append(String.format(" %s | %s%n", settings.url(), machineLine()));
        t.append(rule);
        row(t, "answers/s", String.format("%,.0f   (%,d answers in %.1f s; %,d sent)", answersPerSecond(),
                tally.answered(), tally.stormSeconds(), tally.samples().size()));
        if (audit != null) {
            row(t, "seats sold/s", String.format("%,.0f   (%,d of %,d seats sold)", seatsPerSecond(), audit.seatsSold(),
                    audit.seatsTotal()));
            row(t, "time to sell out", audit.sellOutSeconds() != null ? String.format("%.2f s", audit.sellOutSeconds())
                    : String.format("not sold out (%d of %d shows sold out)", audit.showsSoldOut(), audit.shows()));
        }
        row(t, checkout != null ? "hold codes" : "status codes", statusCodes(tally));
        Latency head = headline();
        row(t, "latency ms", String.format("%9s %9s %9s %9s %9s", "p50", "p90", "p99", "p99.9", "max"));
        latencyRow(t, head);
        if (intended != null) {
            latencyRow(t, send);
        }
        if (async != null) {
            row(t, "async outcomes", String.format("%,d acknowledged; all decided %s after the storm; %,d final, %,d not final",
                    async.acknowledged(), Double.isNaN(async.drainSeconds()) ? "NOT within 180 s"
                            : String.format("%.2f s", async.drainSeconds()), async.decided(), async.notFinal()));
            row(t, "", join(async.outcomes()));
        }
        if (checkout != null) {
            checkoutRows(t);
        }
        if (audit != null) {
            row(t, "correctness", String.format("oversold seats %d | seats held twice %d | confirmations not ACTIVE %d"
                            + " (of %,d) | seat map vs bookings %d", audit.oversold(), audit.heldTwice(),
                    audit.confirmedNotActive(), audit.confirmationsChecked(), audit.seatMapMismatch()));
        }
        if (!cpuMillis.isEmpty() && tally.answered() > 0) {
            row(t, "CPU ms/answer", cpuPerAnswer());
        }
        row(t, "verdict", (pass() ? "PASS" : "FAIL") + targetLine());
        t.append(rule);
        row(t, "result", jsonPath);
        // Gatling's HTML report, or the directory of wrk's raw answers (one file per connection).
        row(t, settings.wrk() ? "wrk answers" : "gatling report", reportPath);
        t.append("=".repeat(96)).append('\n');
        return t.toString();
    }

    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("startedAt", startedAt);
        m.put("verdict", pass() ? "PASS" : "FAIL");
        m.put("targetMet", targetMet());
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("scenario", settings.scenario().label());
        s.put("url", settings.url());
        s.put("users", settings.users());
        s.put("shows", settings.shows());
        s.put("seatsPerShow", settings.seats());
        s.put("maxSeatsPerUser", settings.maxSeatsPerUser());
        s.put("connections", settings.connections());
        s.put("durationSeconds", settings.durationSeconds());
        s.put("model", settings.openModel() ? "open" : "closed");
        s.put("rate", settings.openModel() ? settings.rate() : null);
        m.put("settings", s);
        m.put("machine", machine);
        Map<String, Object> storm = new LinkedHashMap<>();
        storm.put("sent", tally.samples().size());
        storm.put("answered", tally.answered());
        storm.put("seconds", round(tally.stormSeconds()));
        storm.put("answersPerSecond", round(answersPerSecond()));
        storm.put("statusCodes", tally.outcomes());
        m.put("storm", storm);
        Map<String, Object> cpu = new LinkedHashMap<>();
        cpuMillis.forEach((name, millis) -> cpu.put(name, Map.of("cpuMs", Math.round(millis),
                "cpuMsPerAnswer", tally.answered() == 0 ? 0 : round(millis / tally.answered()))));
        storm.put("cpuDuringStorm", cpu);
        m.put("latency", intended != null ? Map.of("intendedStart", intended.toMap(), "fromSend", send.toMap())
                : Map.of("fromSend", send.toMap()));
        if (audit != null) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("seatsTotal", audit.seatsTotal());
            a.put("seatsSold", audit.seatsSold());
            a.put("seatsSoldPerSecond", round(seatsPerSecond()));
            a.put("sellOutSeconds", audit.sellOutSeconds());
            a.put("showsSoldOut", audit.showsSoldOut());
            a.put("activeBookings", audit.activeBookings());
            a.put("oversoldSeats", audit.oversold());
            a.put("seatsHeldTwice", audit.heldTwice());
            a.put("confirmationsNotActive", audit.confirmedNotActive());
            a.put("confirmationsChecked", audit.confirmationsChecked());
            a.put("seatMapMismatches", audit.seatMapMismatch());
            m.put("audit", a);
        }
        if (checkout != null) {
            m.put("checkout", checkoutMap());
        }
        if (async != null) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("acknowledged", async.acknowledged());
            a.put("drainSeconds", Double.isNaN(async.drainSeconds()) ? null : round(async.drainSeconds()));
            a.put("decided", async.decided());
            a.put("notFinal", async.notFinal());
            a.put("outcomes", async.outcomes());
            m.put("async", a);
        }
        m.put("generator", settings.generator());
        m.put(settings.wrk() ? "wrkAnswers" : "gatlingReport", reportPath);
        return m;
    }

    private void checkoutRows(StringBuilder t) {
        row(t, "checkout", String.format("%,d holds answered 201: %,d confirmed, %,d abandoned, %,d confirmed too"
                        + " late (409 hold_expired), %,d confirmations unanswered", checkout.holds(),
                checkout.confirmed(), checkout.abandoned(), checkout.late(), checkout.unknown()));
        row(t, "confirm codes", statusCodes(confirms));
        row(t, "checkout ms", String.format("%9s %9s %9s %9s %9s", "p50", "p90", "p99", "p99.9", "max"));
        latencyRow(t, Latency.fromSend(confirms.samples(), "confirm, from send"));
        if (checkout.expiryLateness() != null) {
            Latency lateness = checkout.expiryLateness();
            latencyRow(t, lateness);
            row(t, "", String.format("%,d expiries, %,d of them more than %d s after expiresAt", lateness.count(),
                    checkout.expiredLate(), CheckoutAudit.EXPIRY_BOUND_MILLIS / 1000));
        } else {
            row(t, "", "expiry lateness not measured: the feed was not read (no local brokers)");
        }
        row(t, "checkout checks", String.format("seats held and taken %d | seat map vs holds and bookings %d (%,d"
                        + " seat maps read, %d reads failed) | confirmed not ACTIVE %d", checkout.heldAndTaken(),
                checkout.seatMapMismatches(), checkout.samples(), checkout.sampleFailures(),
                checkout.confirmedNotBooked()));
        row(t, "", String.format("abandoned not EXPIRED %d | late not EXPIRED %d | still HELD when due %d | expired"
                        + " twice %d | expired early %d | confirmed then expired %d", checkout.abandonedNotExpired(),
                checkout.lateNotExpired(), checkout.stillHeld(), checkout.expiredTwice(), checkout.expiredEarly(),
                checkout.confirmedExpired()));
    }

    private Map<String, Object> checkoutMap() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("settings", Map.of("holdSeconds", settings.checkout().holdSeconds(),
                "payMillisMax", settings.checkout().payMillis(), "abandonPercent", settings.checkout().abandonPercent(),
                "bestAvailablePercent", settings.checkout().bestAvailablePercent()));
        c.put("holds", checkout.holds());
        c.put("confirmed", checkout.confirmed());
        c.put("abandoned", checkout.abandoned());
        c.put("confirmedTooLate", checkout.late());
        c.put("confirmationsUnanswered", checkout.unknown());
        c.put("confirmStatusCodes", confirms.outcomes());
        c.put("confirmLatency", Latency.fromSend(confirms.samples(), "confirm, from send").toMap());
        c.put("expiryLateness", checkout.expiryLateness() == null ? null : checkout.expiryLateness().toMap());
        c.put("expiredLaterThanBound", checkout.expiredLate());
        c.put("seatMapsRead", checkout.samples());
        c.put("seatMapReadsFailed", checkout.sampleFailures());
        c.put("seatsHeldAndTaken", checkout.heldAndTaken());
        c.put("seatMapMismatches", checkout.seatMapMismatches());
        c.put("confirmedNotActive", checkout.confirmedNotBooked());
        c.put("abandonedNotExpired", checkout.abandonedNotExpired());
        c.put("lateNotExpired", checkout.lateNotExpired());
        c.put("stillHeldWhenDue", checkout.stillHeld());
        c.put("expiredTwice", checkout.expiredTwice());
        c.put("expiredEarly", checkout.expiredEarly());
        c.put("confirmedThenExpired", checkout.confirmedExpired());
        return c;
    }

    private String statusCodes(Tally answers) {
        Map<String, Long> codes = new LinkedHashMap<>();
        codes.put(settings.scenario() == Scenario.CEILING ? "200" : settings.scenario().async ? "202" : "201", 0L);
        long other = 0;
        for (Map.Entry<String, Long> e : answers.outcomes().entrySet()) {
            String key = e.getKey();
            if (key.equals("200") || key.equals("201") || key.equals("202") || key.startsWith("409")
                    || key.startsWith("503") || key.startsWith("504")) {
                codes.merge(key, e.getValue(), Long::sum);
            } else {
                other += e.getValue();
            }
        }
        codes.putIfAbsent("503", 0L);
        codes.putIfAbsent("504", 0L);
        long unanswered = answers.outcomes().getOrDefault("no answer", 0L);
        codes.put("other", other - unanswered);
        codes.put("no answer", unanswered);
        return join(codes);
    }

    /** CPU time per answer of each process (the storm's window; ms per answer); the machine has 2 cores. */
    private String cpuPerAnswer() {
        StringBuilder s = new StringBuilder();
        double sum = 0;
        for (Map.Entry<String, Double> e : cpuMillis.entrySet()) {
            double perAnswer = e.getValue() / tally.answered();
            sum += perAnswer;
            s.append(String.format(Locale.ROOT, "%s %.2f | ", e.getKey(), perAnswer));
        }
        return s.append(String.format(Locale.ROOT, "total %.2f", sum)).toString();
    }

    private String targetLine() {
        double[] target = target();
        if (target == null) {
            return "";
        }
        return String.format(Locale.ROOT, "   | issue target >= %,.0f answers/s with p99 <= %.0f ms: %s", target[0],
                target[1], targetMet() ? "MET" : "not met");
    }

    private String machineLine() {
        return String.format("%s cores, load %s before, %s after, services on Java %s, bench on %s", machine.get("cores"),
                machine.get("loadBefore"), machine.get("loadAfter"), machine.get("servicesJava"), machine.get("java"));
    }

    private static void latencyRow(StringBuilder t, Latency l) {
        row(t, "", String.format("%9.2f %9.2f %9.2f %9.2f %9.2f   %s", l.p50(), l.p90(), l.p99(), l.p999(), l.max(),
                l.basis()));
    }

    private static String join(Map<String, Long> counts) {
        StringBuilder s = new StringBuilder();
        counts.forEach((key, count) -> s.append(s.length() == 0 ? "" : " | ").append(key).append(": ")
                .append(String.format("%,d", count)));
        return s.toString();
    }

    private static void row(StringBuilder t, String name, String value) {
        t.append(String.format(" %-17s %s%n", name, value));
    }

    private static Double round(Double value) {
        return value == null ? null : Math.round(value * 100) / 100.0;
    }
}
