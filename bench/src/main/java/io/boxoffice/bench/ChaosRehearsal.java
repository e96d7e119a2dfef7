package io.boxoffice.bench;

import io.boxoffice.bench.ChaosSettings.Fault;
import io.boxoffice.bench.Instances.Instance;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * {@code ./boxoffice chaos}: a launch rehearsal with faults on a schedule, against whatever {@code ./boxoffice up}
 * started. A steady storm of bookings ({@link ChaosStorm}) runs throughout; each fault in turn is injected after
 * some undisturbed load, held, and repaired ({@code ./boxoffice up} brings killed instances back; a paused
 * processor is continued once the group has replaced it, so it wakes as a zombie that must be fenced). After
 * each fault the storm is held still and the books are audited through the API ({@link Audit}) and the feed
 * ({@link FeedAudit}); the verdict fails on any lost, doubled or undecided booking.
 */
public final class ChaosRehearsal {
    /** A show whose next decision came within this long after a fault was not stopped by it. */
    private static final long QUIET_MILLIS = 1_000;
    /** Longer than the Streams session timeout, so that the group has replaced a paused processor. */
    private static final Duration PAUSE = Duration.ofSeconds(25);

    private ChaosRehearsal() {
    }

    public static void main(String[] args) {
        ChaosSettings settings;
        try {
            settings = ChaosSettings.fromSystemProperties();
        } catch (BenchAbort e) {
            System.err.println("chaos: ERROR: " + e.getMessage());
            System.exit(2);
            return;
        }
        try (Api api = new Api(settings.url(), 16)) {
            boolean pass = run(settings, api);
            System.exit(pass ? 0 : 1);
        } catch (BenchAbort e) {
            System.err.println("chaos: ERROR: " + e.getMessage());
            System.exit(2);
        }
    }

    private static boolean run(ChaosSettings settings, Api api) {
        Instances instances = Instances.of(settings.root());
        String bootstrap = settings.bootstrap().isBlank() ? instances.bootstrap() : settings.bootstrap();
        System.out.printf("chaos: %d broker(s), %d processor(s), %d user-service(s), %d gateway(s); faults: %s%n",
                instances.of("kafka").size(), instances.of("booking-processor").size(),
                instances.of("user-service").size(), instances.of("api-gateway").size(), settings.faults());
        AdminSession admin = AdminSession.login(api, Launch.adminPassword(settings.root()));
        List<String> tokens = new UserPool(api, settings.root(), settings.url()).tokens(Math.max(50, settings.clients()));
        List<String> shows = schedule(api, admin.token(), settings);
        ChaosStorm storm = new ChaosStorm(settings, instances.gatewayUrls(), tokens, shows);
        List<String> rows = new ArrayList<>();
        boolean pass = true;
        long stormStart = System.currentTimeMillis();
        storm.start();
        try {
            for (Fault fault : settings.faults()) {
                settle(settings);
                Map<String, Long> retriesBefore = snapshot(storm);
                storm.resetSlowest();
                Instances now = Instances.of(settings.root());
                long faultAt = System.currentTimeMillis();
                String target = inject(fault, now, settings);
                settle(settings);
                ChaosStorm.Stall stall = storm.stallAfter(faultAt, QUIET_MILLIS);
                storm.pause();
                Audit audit = Audit.of(api, new Launch.Plan(tokens, shows, null, admin), confirmations(storm),
                        stormStart);
                List<String> ids = storm.confirmed.stream().map(ChaosStorm.Confirmed::bookingId).toList();
                FeedAudit feed = FeedAudit.read(bootstrap, shows, ids);
                storm.resume();
                boolean ok = audit.pass() && feed.pass(storm.undecided.size()) && storm.undecided.isEmpty();
                pass &= ok;
                rows.add(row(fault, target, stall, retriesBefore, storm, audit, feed, ok));
                System.out.println(rows.get(rows.size() - 1));
            }
        } finally {
            storm.stop();
        }
        System.out.println();
        System.out.println("=".repeat(100));
        System.out.printf(" Boxoffice chaos rehearsal, %s: %d requests (%d/s offered by %d clients over %d shows)%n",
                Instant.now().truncatedTo(ChronoUnit.SECONDS), storm.requests(), settings.rate(), settings.clients(),
                shows.size());
        rows.forEach(System.out::println);
        System.out.printf(" confirmed %d, refused %s, undecided %d -> verdict %s%n", storm.confirmed.size(),
                ChaosStorm.counts(storm.refusals), storm.undecided.size(), pass ? "PASS" : "FAIL");
        System.out.println("=".repeat(100));
        return pass;
    }

    private static String inject(Fault fault, Instances instances, ChaosSettings settings) {
        String kind = switch (fault) {
            case BROKER, REPLICAS -> "kafka";
            case PROCESSOR, PAUSE -> "booking-processor";
            case GATEWAY -> "api-gateway";
        };
        List<Instance> targets = targets(fault, instances, kind);
        String names = String.join(" and ", targets.stream().map(Instance::name).toList());
        System.out.printf("chaos: %s: %s%n", fault.description, String.join(" and ",
                targets.stream().map(t -> t.name() + " (pid " + t.pid() + ")").toList()));
        if (fault == Fault.PAUSE) {
            targets.forEach(target -> Instances.signal(target, "STOP"));
            Api.pause(PAUSE.toMillis());
            targets.forEach(target -> Instances.signal(target, "CONT"));
            System.out.printf("chaos:   %s continued after %d s%n", names, PAUSE.toSeconds());
        } else {
            targets.forEach(target -> Instances.signal(target, "KILL"));
            Api.pause(settings.holdSeconds() * 1000L);
            long took = instances.restore();
            System.out.printf("chaos:   ./boxoffice up brought %s back in %.1f s%n", names, took / 1e9);
        }
        return names;
    }

    /**
     * The instances a fault hits: the highest-numbered of its kind; for {@code replicas} every broker but
     * {@code kafka}, which leaves one replica of three (fewer in sync than {@code min.insync.replicas}) and no
     * controller quorum.
     */
    private static List<Instance> targets(Fault fault, Instances instances, String kind) {
        if ((fault == Fault.BROKER || fault == Fault.REPLICAS) && instances.of("kafka").size() < 3) {
            throw new BenchAbort("the " + fault.name().toLowerCase(Locale.ROOT)
                    + " fault needs 3 brokers: BOXOFFICE_BROKERS=3 ./boxoffice up");
        }
        if (fault == Fault.REPLICAS) {
            return instances.of(kind).stream().sorted(Comparator.comparingInt(Instance::index)).skip(1).toList();
        }
        return List.of(instances.target(kind).orElseThrow(() -> new BenchAbort("no running " + kind)));
    }

    private static List<String> schedule(Api api, String admin, ChaosSettings settings) {
        Api.Answer movie = api.post("/api/movies", admin, Map.of("title", "Chaos rehearsal " + Instant.now(),
                "durationMinutes", 100));
        if (!movie.is(201)) {
            throw new BenchAbort("creating the movie failed: HTTP " + movie.status());
        }
        String startsAt = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS).toString();
        return api.parallel(IntStream.range(0, settings.shows()).boxed().toList(), i -> {
            Api.Answer show = api.post("/api/shows", admin, Map.of("movieId", movie.text("id"), "screen", "chaos-" + i,
                    "startsAt", startsAt, "totalSeats", settings.seats(), "maxSeatsPerUser", settings.seats()));
            if (!show.is(201)) {
                throw new BenchAbort("creating a show failed: HTTP " + show.status());
            }
            return show.text("id");
        });
    }

    private static List<Tally.Won> confirmations(ChaosStorm storm) {
        return storm.confirmed.stream().map(c -> new Tally.Won(c.user(), c.bookingId())).toList();
    }

    private static void settle(ChaosSettings settings) {
        Api.pause(settings.settleSeconds() * 1000L);
    }

    private static Map<String, Long> snapshot(ChaosStorm storm) {
        return storm.retries.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                e -> e.getValue().get()));
    }

    private static String row(Fault fault, String target, ChaosStorm.Stall stall, Map<String, Long> retriesBefore,
                              ChaosStorm storm, Audit audit, FeedAudit feed, boolean ok) {
        StringBuilder retried = new StringBuilder();
        storm.retries.forEach((cause, count) -> {
            long during = count.get() - retriesBefore.getOrDefault(cause, 0L);
            if (during > 0) {
                retried.append(retried.isEmpty() ? "" : ", ").append(cause).append(" x").append(during);
                var slowest = storm.slowestMillis.get(cause);
                if (slowest != null) {
                    retried.append(" (slowest answer ").append(slowest.get()).append(" ms)");
                }
            }
        });
        return String.format(" %-9s %-20s decisions stopped: %s%n %9s retried (503/504/no answer): %s%n"
                        + " %9s audit: API oversold %d, held twice %d, 201 not active %d, seat map mismatch %d (%d 201s"
                        + " checked); feed %d events, duplicated %d, decided twice %d, 201 missing %d, beyond 201s %d;"
                        + " undecided %d -> %s",
                fault.name().toLowerCase(Locale.ROOT), target, stall.describe(), "",
                retried.isEmpty() ? "none" : retried, "", audit.oversold(), audit.heldTwice(),
                audit.confirmedNotActive(), audit.seatMapMismatch(), audit.confirmationsChecked(), feed.events(),
                feed.duplicates().size(), feed.decidedTwice().size(), feed.missing().size(), feed.unanswered().size(),
                storm.undecided.size(), ok ? "PASS" : "FAIL");
    }
}
