package io.boxoffice.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The launch rehearsal as a Gatling simulation: {@link #before()} prepares the launch through the API,
 * the storm sends one booking request per virtual user (a checkout buyer sends a hold, then maybe its
 * confirmation), {@link #after()} audits the outcome and writes the verdict. Open model (the default): users ARRIVE at a fixed rate whatever the system's speed, and
 * share at most {@code connections} keep-alive connections, so a slow system makes requests queue and the
 * queueing shows in the latency, as it would for real people. Closed model ({@code --rate max}):
 * {@code connections} requests are always in flight, which measures the most the system answers.
 */
public class LaunchRehearsal extends Simulation {
    private static final long SEAT_MAP_PERIOD_MILLIS = 1_000;
    private final BenchSettings settings = BenchSettings.fromSystemProperties();
    private final CpuAccount cpu = new CpuAccount(settings.root(), "load generator (Gatling)");
    private final Tally tally = new Tally(cpu::start);
    private final Api api = new Api(settings.url(), 32);
    private final Machine machine = new Machine(settings.root());
    private final Checkout checkout = settings.scenario() == Scenario.CHECKOUT ? new Checkout() : null;
    private volatile Launch.Plan plan;

    /** The checkout scenario's own records: each buyer's hold and confirmation, and the seat maps seen. */
    private static final class Checkout {
        final Checkouts buyers = new Checkouts();
        final Tally confirms = new Tally();
        volatile SeatMapWatch watch;
    }

    {
        ScenarioBuilder storm = scenario(settings.scenario().label())
                .feed(new Requests(false))
                .exec(session -> session.set("sent", tally.sending()))
                .exec(request(settings.scenario().label()))
                .exec(this::record);
        if (checkout != null) {
            storm = storm.doIf(session -> session.contains("holdId")).then(confirm());
        }
        Duration duration = Duration.ofSeconds(settings.durationSeconds());
        PopulationBuilder population = settings.openModel()
                ? storm.injectOpen(constantUsersPerSec(settings.rate()).during(duration))
                : storm.injectClosed(constantConcurrentUsers(settings.connections()).during(duration));
        if (settings.warmupSeconds() > 0) {
            // The warm-up ramps up to half the storm (open) or to all connections (closed); not recorded.
            Duration warmup = Duration.ofSeconds(settings.warmupSeconds());
            ScenarioBuilder warm = scenario("warm-up").feed(new Requests(true)).exec(request("warm-up"));
            population = (settings.openModel()
                    ? warm.injectOpen(rampUsersPerSec(1).to(Math.max(1, settings.rate() / 2.0)).during(warmup))
                    : warm.injectClosed(rampConcurrentUsers(1).to(settings.connections()).during(warmup)))
                    .andThen(population);
        }
        // Requests still queued when the arrivals stop get a bounded time to be answered.
        setUp(population).protocols(protocol())
                .maxDuration(duration.plusSeconds(settings.warmupSeconds() + 90L)
                        .plusMillis(checkout == null ? 0 : settings.checkout().payMillis()));
    }

    @Override
    public void before() {
        machine.before();
        System.out.println("bench: " + settings.describe());
        try {
            plan = Launch.prepare(settings, api);
            if (checkout != null) {
                checkout.watch = new SeatMapWatch(api, plan.showIds(), SEAT_MAP_PERIOD_MILLIS);
            }
        } catch (BenchAbort e) {
            abort(e);
        }
        System.out.println("bench: storm starts (Gatling prints progress every 5 s)");
    }

    @Override
    public void after() {
        try {
            Map<String, Double> cpuMillis = cpu.sinceStart();
            CheckoutRun run = checkout == null || checkout.watch == null ? null
                    : new CheckoutRun(checkout.buyers, checkout.confirms, checkout.watch);
            Outcome.write(settings, machine.after(), cpuMillis, tally, plan, api, run);
        } catch (BenchAbort e) {
            abort(e);
        } finally {
            api.close();
        }
    }

    private HttpProtocolBuilder protocol() {
        return http.baseUrl(settings.url())
                .acceptHeader("application/json")
                .contentTypeHeader("application/json")
                .userAgentHeader("boxoffice-bench")
                .shareConnections()
                .maxConnectionsPerHost(settings.connections());
    }

    private HttpRequestActionBuilder request(String name) {
        HttpRequestActionBuilder request = http(name)
                .post("#{path}")
                .header("Authorization", "#{auth}")
                .body(StringBody("#{body}"))
                // Saved first, so that a KO (the last check) still leaves the status and body for the tally.
                .check(status().saveAs("status"), bodyString().saveAs("answer"),
                        status().in(List.copyOf(settings.scenario().expected)));
        return settings.scenario().async ? request.header("Prefer", "respond-async") : request;
    }

    private Session record(Session session) {
        Integer status = session.contains("status") ? session.getInt("status") : null;
        String body = session.contains("answer") ? session.getString("answer") : null;
        int user = session.getInt("user");
        tally.record(session.userId(), user, session.getLong("sent"), status, body);
        String holdId = checkout != null && status != null && status == 201 ? Tally.field(body, "id") : null;
        if (holdId == null) {
            return session;
        }
        boolean abandon = session.getBoolean("abandon");
        checkout.buyers.held(user, holdId, session.getString("show"), abandon);
        return abandon ? session : session.set("holdId", holdId);
    }

    /** The buyer pays for a while, then confirms its hold; the answer is recorded whatever it is. */
    private ChainBuilder confirm() {
        return pause(session -> Duration.ofMillis(session.getLong("pay")))
                .exec(session -> session.remove("status").remove("answer").set("sent", System.nanoTime()))
                .exec(http("confirm").post("/api/holds/#{holdId}/confirm")
                        .header("Authorization", "#{auth}")
                        .check(status().saveAs("status"), bodyString().saveAs("answer"), status().in(200, 201, 409)))
                .exec(session -> {
                    Integer status = session.contains("status") ? session.getInt("status") : null;
                    String body = session.contains("answer") ? session.getString("answer") : null;
                    checkout.confirms.record(session.userId(), session.getInt("user"), session.getLong("sent"),
                            status, body);
                    checkout.buyers.confirmAnswered(session.getString("holdId"), status, body);
                    return session;
                });
    }

    private static void abort(BenchAbort e) {
        System.err.println("bench: ERROR: " + e.getMessage());
        System.out.flush();
        // Gatling would print a stack trace and carry on with its report; a rehearsal that cannot run stops here.
        Runtime.getRuntime().halt(2);
    }

    /**
     * The endless stream of requests: a random user, a random show of the plan, one seat or two adjacent ones
     * picked at random (the warm-up books on its own show). A checkout buyer asks for the best available
     * seats instead, for its share, and draws whether it abandons and how long it pays. Stateless, so
     * Gatling may call it from any thread.
     */
    private final class Requests implements Iterator<Map<String, Object>> {
        private final boolean warmup;

        Requests(boolean warmup) {
            this.warmup = warmup;
        }

        @Override
        public boolean hasNext() {
            return true;
        }

        @Override
        public Map<String, Object> next() {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            Launch.Plan p = plan;
            int user = random.nextInt(p.tokens().size());
            String show = warmup && p.warmupShowId() != null ? p.warmupShowId()
                    : p.showIds().get(random.nextInt(p.showIds().size()));
            int seats = settings.seats();
            boolean two = seats > 1 && random.nextBoolean();
            int first = 1 + random.nextInt(two ? seats - 1 : seats);
            BenchSettings.Checkout buyers = settings.checkout();
            String body = checkout != null && random.nextInt(100) < buyers.bestAvailablePercent()
                    ? "{\"bestAvailable\":" + (two ? 2 : 1) + "}"
                    : two ? "{\"seats\":[" + first + "," + (first + 1) + "]}" : "{\"seats\":[" + first + "]}";
            return Map.of("user", user, "auth", "Bearer " + p.tokens().get(user), "show", show,
                    "path", settings.scenario().path(show), "body", body,
                    "abandon", random.nextInt(100) < buyers.abandonPercent(),
                    "pay", buyers.payMillis() == 0 ? 0L : random.nextLong(buyers.payMillis() + 1L));
        }
    }
}
