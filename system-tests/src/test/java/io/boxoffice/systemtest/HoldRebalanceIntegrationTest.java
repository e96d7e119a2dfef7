package io.boxoffice.systemtest;

import static io.boxoffice.systemtest.Api.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.boxoffice.common.ProblemCodes;
import io.boxoffice.common.booking.BookingEvent.EventType;
import io.boxoffice.common.booking.HoldStatus;
import io.boxoffice.common.booking.ShowRules;
import io.boxoffice.common.streams.BaseStreamsConfig;
import io.boxoffice.systemtest.Api.User;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Holds expire exactly once, on whichever instance owns their show, while the processor group rebalances twice
 * without a crash: processor 0 is stopped with SIGTERM (its partitions move to processor 1 once the group notices)
 * and later started again on its own state directory (they move back). Holds of shows on both instances fall due
 * before, during and after both rebalances, and some are confirmed. Afterwards the feed and the API show: every
 * hold not confirmed expired exactly once, by the clock, never before its {@code expiresAt}, within the contract's
 * 2 s unless it fell due during a rebalance, and then within 2 s of the group settling; no confirmed hold expired;
 * no seat was in two holds at once; every hold reads as it ended; the seat maps hold nothing and have taken
 * exactly the confirmed seats.
 */
@Order(16)
@ExtendWith(SystemExtension.class)
class HoldRebalanceIntegrationTest {
    /** Each show's holds last 10, 12, ... 32 s, so holds placed together fall due about every 2 s for 22 s. */
    private static final List<Integer> HOLD_SECONDS = IntStream.range(0, 12)
            .mapToObj(i -> ShowRules.MIN_HOLD_SECONDS + 2 * i).toList();
    private static final int SEATS = 40;
    private static final int SEATS_PER_ROW = 10;
    /** Holds per show per wave, one per user; the first user's are confirmed. */
    private static final int HOLDS_PER_SHOW = 3;
    private static final int SEATS_PER_HOLD = 2;
    /** So that both instances own several shows, both before and after the rebalances. */
    private static final int MIN_SHOWS_PER_INSTANCE = 3;
    /**
     * How often a hold is placed on the metronome show while a rebalance is awaited: with its 10 s holds, one
     * falls due on a moving show every second through the rebalance that follows.
     */
    private static final Duration TICK = Duration.ofSeconds(1);
    private static final int LEAVING = 0;
    private static final int STAYING = 1;
    /** The contract: seats free again within 2 s of {@code expiresAt}, with no request. */
    private static final Duration CONTRACT = Duration.ofSeconds(2);
    /** How long either rebalance may take to settle, from the stop or the start, before the test gives up. */
    private static final Duration SETTLE_LIMIT = Duration.ofSeconds(120);
    /**
     * A cleanly stopped processor leaves the group as it closes (StreamsRuntime), so the coordinator moves its
     * partitions at once, and the staying instance hears of the rebalance at its next heartbeat: the
     * processors' own timing (BaseStreamsConfig). The session timeout plays no part: only a crash waits for it.
     */
    private static final Duration HEARTBEAT_INTERVAL = groupTiming(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG);
    /**
     * Beyond the heartbeat: the leaving JVM's shutdown until its consumer has left (under a second here), one
     * rebalance of the classic protocol and the restore of the moved tasks from up-to-date standbys (or the
     * newcomer opening its stores and taking its tasks over in two steps, a few seconds when it joins), on a
     * busy 2-core machine.
     */
    private static final Duration REBALANCE_ALLOWANCE = Duration.ofSeconds(8);
    /** The latest any expiry may come, rebalance or not: the group's timing, then the contract's 2 s. */
    private static final Duration MAX_LATENESS = HEARTBEAT_INTERVAL.plus(REBALANCE_ALLOWANCE).plus(CONTRACT);

    /** One placed hold, as its 201 answered it. */
    private record Placed(String id, String showId, User user, List<Integer> seats, Instant expiresAt,
                          boolean confirmed, String wave) {
    }

    /**
     * The shows: those the waves of holds go to, each with its hold time, and the metronome, a show of processor
     * 0 with the shortest hold time, on which a hold a second is placed while a rebalance is awaited.
     */
    private record Shows(Map<String, Integer> waved, String metronome) {
        List<String> all() {
            List<String> all = new ArrayList<>(waved.keySet());
            all.add(metronome);
            return all;
        }
    }

    /** When each step happened, as the test saw it. */
    private record Timeline(Instant stopAt, Duration stopTook, Instant movedAt, Instant startAt, Instant joinAt,
                            Instant backAt) {
        /** The rebalances: from 2 s before each began (a hold due then may still be pending) until it settled. */
        List<Span> rebalances() {
            return List.of(new Span("leaving", stopAt.minus(CONTRACT), movedAt),
                    new Span("joining", joinAt.minus(CONTRACT), backAt));
        }

        List<Span> phases() {
            return List.of(new Span("before the stop", Instant.MIN, stopAt),
                    new Span("while processor 0 leaves", stopAt, movedAt),
                    new Span("with one instance", movedAt, startAt),
                    new Span("while processor 0 starts and joins", startAt, backAt),
                    new Span("after the start", backAt, Instant.MAX));
        }
    }

    /** A span of time, by the due times of the holds that fell due in it. */
    private record Span(String name, Instant from, Instant to) {
        boolean contains(Instant instant) {
            return !instant.isBefore(from) && !instant.isAfter(to);
        }
    }

    private BoxofficeSystem system;

    @AfterEach
    void leaveBothProcessorsRunning() {
        // Other test classes share the system: whatever happened, processor 0 runs again when this one ends.
        if (system != null && !system.processor(LEAVING).alive()) {
            system.startProcessor(LEAVING).awaitHealthy();
        }
    }

    @Test
    void shouldExpireEveryHoldOnceWhenTheProcessorGroupRebalancesTwice(BoxofficeSystem system) {
        this.system = system;
        long started = System.nanoTime();
        // The group is found once it has assigned booking-commands (at once, unless it is still settling).
        try (ProcessorGroup group = await().atMost(SETTLE_LIMIT).ignoreExceptions()
                .until(() -> ProcessorGroup.of(system), found -> true)) {
            // given: shows owned by both instances, each with its own hold time, and three users
            Api api = new Api(system);
            List<User> users = api.newUsers("holdrebalance", HOLDS_PER_SHOW);
            ProcessorGroup.Snapshot initial = awaitSettled(group, Set.of(LEAVING, STAYING));
            Shows shows = createShows(api, api.adminToken(system), group, initial);
            List<String> waved = List.copyOf(shows.waved().keySet());
            Set<String> moved = ownedBy(initial, group, shows.all(), LEAVING);
            List<Placed> holds = new ArrayList<>();

            // when: a first wave of holds falls due on both instances, and the metronome on processor 0 ...
            holds.addAll(placeWave(api, "before the stop", waved, users));
            awaitTicking(api, "before the stop", shows.metronome(), users, holds, firstTick -> expired(api, firstTick));
            // ... then processor 0 stops cleanly, and its shows move to processor 1 ...
            Instant stopAt = Instant.now();
            system.stopProcessor(LEAVING);
            Duration stopTook = Duration.between(stopAt, Instant.now());
            awaitSettled(group, Set.of(STAYING));
            Instant movedAt = Instant.now();
            // ... where more holds are placed and fall due ...
            holds.addAll(placeWave(api, "with one instance", waved, users));
            Placed firstAfterMove = holds.stream().filter(hold -> !hold.confirmed()
                    && hold.expiresAt().isAfter(movedAt)).min(Comparator.comparing(Placed::expiresAt)).orElseThrow();
            await().atMost(Duration.between(Instant.now(), firstAfterMove.expiresAt()).plus(MAX_LATENESS))
                    .pollInterval(Duration.ofMillis(200)).until(() -> expired(api, firstAfterMove));
            // ... until processor 0 starts again on its own state, joins, and takes its shows back ...
            Instant startAt = Instant.now();
            system.startProcessor(LEAVING);
            AtomicReference<Instant> lastQuiet = new AtomicReference<>(startAt);
            awaitTicking(api, "while processor 0 starts", shows.metronome(), users, holds, firstTick -> {
                assertThat(system.processor(LEAVING).alive()).as("processor 0 runs").isTrue();
                ProcessorGroup.Snapshot now = group.describe();
                boolean quiet = now.stable() && now.owners().keySet().equals(Set.of(STAYING));
                if (quiet) {
                    lastQuiet.set(now.askedAt());
                }
                return !quiet;
            });
            Instant joinAt = lastQuiet.get();
            ProcessorGroup.Snapshot back = awaitSettled(group, Set.of(LEAVING, STAYING));
            Instant backAt = Instant.now();
            Set<String> movedBack = ownedBy(back, group, shows.all(), LEAVING);
            assertThat(movedBack).as("shows processor 0 took back").isNotEmpty();
            // ... and a last wave falls due once both run again, on the shortest-held show of each instance
            List<String> lastWave = List.of(LEAVING, STAYING).stream().map(instance -> ownedBy(back, group, waved,
                    instance).stream().min(Comparator.comparing(shows.waved()::get)).orElseThrow()).toList();
            holds.addAll(placeWave(api, "after the start", lastWave, users));
            Instant lastDue = holds.stream().map(Placed::expiresAt).max(Comparator.naturalOrder()).orElseThrow();
            await().atMost(Duration.between(Instant.now(), lastDue).plus(MAX_LATENESS))
                    .pollInterval(Duration.ofMillis(250)).until(() -> shows.all().stream().allMatch(showId ->
                            api.get("/api/shows/" + showId + "/seats", null).body().path("held").isEmpty()));
            Timeline timeline = new Timeline(stopAt, stopTook, movedAt, startAt, joinAt, backAt);

            // then: the feed has exactly one expiry of each hold not confirmed, by the clock, and none of the others
            Map<String, List<JsonNode>> feed = BookingEventLog.eventsOf(system.broker.bootstrapServers(), shows.all());
            Map<String, List<JsonNode>> expiries = eventsByHold(feed, EventType.HOLD_EXPIRED);
            assertThat(expiries.keySet()).as("holds expired").isEqualTo(ids(holds, false));
            assertThat(expiries.entrySet().stream().filter(e -> e.getValue().size() != 1)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue))).as("holds expired twice")
                    .isEmpty();
            assertThat(eventsByHold(feed, EventType.HOLD_CONFIRMED).keySet()).as("holds confirmed")
                    .isEqualTo(ids(holds, true));
            assertThat(expiries.values().stream().flatMap(List::stream).filter(event -> event.has("requestId"))
                    .toList()).as("expiries caused by a request rather than the clock").isEmpty();
            assertThat(seatsInTwoHolds(feed)).as("seats in two holds at once, or a hold's seats booked").isEmpty();
            // and each expiry came on time, with holds falling due on moving shows through both rebalances
            assertOnTime(expiries, holds, timeline, moved, movedBack, shows.all().size(), started);
            // and the API agrees: every hold reads as it ended, the seat maps hold nothing, took the confirmed seats
            assertHoldsAndSeatMaps(api, holds, shows.all());
        }
    }

    /**
     * One show per hold time, and more (the hold times again) while either instance owns too few of them; then
     * the metronome: shows of the shortest hold time until one is processor 0's (the others join the waves).
     */
    private static Shows createShows(Api api, String admin, ProcessorGroup group, ProcessorGroup.Snapshot owners) {
        Map<String, Integer> waved = new LinkedHashMap<>();
        while (waved.size() < HOLD_SECONDS.size()
                || ownedBy(owners, group, waved.keySet(), LEAVING).size() < MIN_SHOWS_PER_INSTANCE
                || ownedBy(owners, group, waved.keySet(), STAYING).size() < MIN_SHOWS_PER_INSTANCE) {
            assertThat(waved).as("shows created to have %d on each instance", MIN_SHOWS_PER_INSTANCE)
                    .hasSizeLessThan(3 * HOLD_SECONDS.size());
            int seconds = HOLD_SECONDS.get(waved.size() % HOLD_SECONDS.size());
            waved.put(newShow(api, admin, seconds), seconds);
        }
        for (int tries = 0; tries < 20; tries++) {
            String showId = newShow(api, admin, ShowRules.MIN_HOLD_SECONDS);
            if (ownedBy(owners, group, List.of(showId), LEAVING).contains(showId)) {
                return new Shows(waved, showId);
            }
            waved.put(showId, ShowRules.MIN_HOLD_SECONDS);
        }
        throw new AssertionError("No show of processor 0 in 20 attempts; the group: " + owners);
    }

    private static String newShow(Api api, String admin, int holdSeconds) {
        return api.newShow(admin, SEATS, ShowRules.DEFAULT_MAX_SEATS_PER_USER, holdSeconds, SEATS_PER_ROW)
                .path("id").asString();
    }

    /**
     * Places {@link #HOLDS_PER_SHOW} best-available holds on each show, one per user, round the shows (so each
     * show's holds are spread over the wave), then confirms the first user's.
     */
    private static List<Placed> placeWave(Api api, String wave, List<String> shows, List<User> users) {
        List<Placed> placed = new ArrayList<>();
        for (User user : users) {
            for (String showId : shows) {
                placed.add(place(api, wave, showId, user, SEATS_PER_HOLD));
            }
        }
        List<Placed> holds = new ArrayList<>();
        for (Placed hold : placed) {
            boolean confirm = hold.user().equals(users.get(0));
            if (confirm) {
                expect(api.post("/api/holds/" + hold.id() + "/confirm", hold.user().token(), null), 201);
            }
            holds.add(new Placed(hold.id(), hold.showId(), hold.user(), hold.seats(), hold.expiresAt(), confirm,
                    wave));
        }
        return holds;
    }

    private static Placed place(Api api, String wave, String showId, User user, int seats) {
        JsonNode hold = expect(api.post("/api/shows/" + showId + "/holds", user.token(),
                Map.of("bestAvailable", seats)), 201).body();
        return new Placed(hold.path("id").asString(), showId, user,
                hold.path("seats").values().stream().map(JsonNode::asInt).toList(),
                Instant.parse(hold.path("expiresAt").asString()), false, wave);
    }

    /**
     * Waits until {@code condition} holds of the first hold placed here, placing a one-seat hold on the metronome
     * show every {@link #TICK} meanwhile (the users in turn).
     */
    private static void awaitTicking(Api api, String wave, String metronome, List<User> users, List<Placed> holds,
                                     Predicate<Placed> condition) {
        AtomicReference<Placed> first = new AtomicReference<>();
        AtomicReference<Instant> next = new AtomicReference<>(Instant.now());
        await().atMost(SETTLE_LIMIT).pollInterval(Duration.ofMillis(100)).until(() -> {
            if (!Instant.now().isBefore(next.get())) {
                Placed tick = place(api, wave, metronome, users.get(holds.size() % users.size()), 1);
                holds.add(tick);
                first.compareAndSet(null, tick);
                next.set(next.get().plus(TICK));
            }
            return condition.test(first.get());
        });
    }

    private static boolean expired(Api api, Placed hold) {
        return HoldStatus.EXPIRED.name().equals(api.get("/api/holds/" + hold.id(), hold.user().token()).body()
                .path("status").asString(""));
    }

    /**
     * Every expiry within the contract's 2 s of its {@code expiresAt}, or, for a hold that fell due during a
     * rebalance, of the group settling; none before its time; none later than {@link #MAX_LATENESS}. And holds
     * fell due in every phase, on moving shows during both rebalances.
     */
    private static void assertOnTime(Map<String, List<JsonNode>> expiries, List<Placed> holds, Timeline timeline,
                                     Set<String> moved, Set<String> movedBack, int shows, long started) {
        Map<String, Placed> byId = holds.stream().collect(Collectors.toMap(Placed::id, hold -> hold));
        List<String> late = new ArrayList<>();
        Duration maxLateness = Duration.ZERO;
        Duration maxQuiet = Duration.ZERO;
        Duration maxUnmoved = Duration.ZERO;
        Map<String, Duration> maxByPhase = new LinkedHashMap<>();
        Map<String, Set<String>> showsByPhase = new HashMap<>();
        Map<String, Set<String>> showsByRebalance = new HashMap<>();
        for (List<JsonNode> once : expiries.values()) {
            JsonNode event = once.get(0);
            Placed hold = byId.get(event.path("holdId").asString());
            Instant occurredAt = Instant.parse(event.path("occurredAt").asString());
            Duration lateness = Duration.between(hold.expiresAt(), occurredAt);
            Span during = timeline.rebalances().stream().filter(span -> span.contains(hold.expiresAt()))
                    .findFirst().orElse(null);
            Instant settled = during == null ? hold.expiresAt() : during.to();
            if (lateness.isNegative() || occurredAt.isAfter(settled.plus(CONTRACT))
                    || lateness.compareTo(MAX_LATENESS) > 0) {
                late.add(hold.id() + " (" + hold.wave() + ") of a " + (moved.contains(hold.showId())
                        || movedBack.contains(hold.showId()) ? "moving" : "staying") + " show, due "
                        + hold.expiresAt() + ", expired " + occurredAt + " (" + lateness.toMillis() + " ms)"
                        + (during == null ? "" : " during the rebalance " + during));
            }
            maxLateness = max(maxLateness, lateness);
            if (during == null) {
                maxQuiet = max(maxQuiet, lateness);
            } else {
                showsByRebalance.computeIfAbsent(during.name(), name -> new TreeSet<>()).add(hold.showId());
            }
            if (!moved.contains(hold.showId()) && !movedBack.contains(hold.showId())) {
                maxUnmoved = max(maxUnmoved, lateness);
            }
            Span phase = timeline.phases().stream().filter(span -> span.contains(hold.expiresAt())).findFirst()
                    .orElseThrow();
            maxByPhase.merge(phase.name(), lateness, HoldRebalanceIntegrationTest::max);
            showsByPhase.computeIfAbsent(phase.name(), name -> new TreeSet<>()).add(hold.showId());
        }
        System.out.printf("hold rebalance: %d holds expired, %d confirmed never did, on %d shows (%d moved,"
                        + " %d back); max lateness %d ms, %d ms outside rebalances, %d ms on shows that never moved"
                        + " (bound %d ms); max by phase %s; processor 0 stopped in %d ms, its shows moved %d ms after"
                        + " the SIGTERM; it started %d ms later, joined after %d ms, the group settled %d ms after"
                        + " the join; %d s in all%n",
                expiries.size(), holds.size() - expiries.size(), shows, moved.size(), movedBack.size(),
                maxLateness.toMillis(), maxQuiet.toMillis(), maxUnmoved.toMillis(), MAX_LATENESS.toMillis(),
                millis(maxByPhase), timeline.stopTook().toMillis(),
                Duration.between(timeline.stopAt(), timeline.movedAt()).toMillis(),
                Duration.between(timeline.movedAt(), timeline.startAt()).toMillis(),
                Duration.between(timeline.startAt(), timeline.joinAt()).toMillis(),
                Duration.between(timeline.joinAt(), timeline.backAt()).toMillis(),
                (System.nanoTime() - started) / 1_000_000_000);
        assertThat(late).as("expiries early, or later than the contract allows (at most %d ms)",
                MAX_LATENESS.toMillis()).isEmpty();
        assertThat(showsByPhase.keySet()).as("phases in which holds fell due")
                .containsExactlyInAnyOrderElementsOf(timeline.phases().stream().map(Span::name).toList());
        assertThat(showsByRebalance.getOrDefault("leaving", Set.of())).as("moving shows with holds due as it left")
                .containsAnyElementsOf(moved);
        assertThat(showsByRebalance.getOrDefault("joining", Set.of())).as("moving shows with holds due as it joined")
                .containsAnyElementsOf(movedBack);
    }

    private static void assertHoldsAndSeatMaps(Api api, List<Placed> holds, List<String> shows) {
        for (Placed hold : holds) {
            assertThat(expect(api.get("/api/holds/" + hold.id(), hold.user().token()), 200).body().path("status")
                    .asString()).as(hold.id()).isEqualTo((hold.confirmed() ? HoldStatus.CONFIRMED
                    : HoldStatus.EXPIRED).name());
        }
        for (String showId : shows) {
            JsonNode seatMap = expect(api.get("/api/shows/" + showId + "/seats", null), 200).body();
            List<Integer> taken = holds.stream().filter(hold -> hold.confirmed() && hold.showId().equals(showId))
                    .flatMap(hold -> hold.seats().stream()).sorted().toList();
            assertThat(seatMap.path("held").values()).as("held seats of %s", showId).isEmpty();
            assertThat(seatMap.path("taken").values()).extracting(JsonNode::asInt).as("taken seats of %s", showId)
                    .containsExactlyElementsOf(taken);
            assertThat(seatMap.path("availableSeats").asInt()).isEqualTo(SEATS - taken.size());
        }
        Placed expired = holds.stream().filter(hold -> !hold.confirmed()).findFirst().orElseThrow();
        assertThat(api.post("/api/holds/" + expired.id() + "/confirm", expired.user().token(), null).code())
                .isEqualTo(ProblemCodes.HOLD_EXPIRED);
    }

    /**
     * Waits until the group is stable with exactly {@code instances} as members sharing every partition, and
     * each of them answers healthy (its Streams RUNNING: the moved tasks restored); returns that description.
     */
    private ProcessorGroup.Snapshot awaitSettled(ProcessorGroup group, Set<Integer> instances) {
        AtomicReference<ProcessorGroup.Snapshot> settled = new AtomicReference<>();
        await().atMost(SETTLE_LIMIT).pollInterval(Duration.ofMillis(100)).until(() -> {
            ProcessorGroup.Snapshot now = group.describe();
            if (now.settledOn(instances, group.partitions())
                    && instances.stream().allMatch(instance -> system.processor(instance).healthy())) {
                settled.set(now);
                return true;
            }
            return false;
        });
        return settled.get();
    }

    private static Set<String> ownedBy(ProcessorGroup.Snapshot snapshot, ProcessorGroup group,
                                       Collection<String> shows, int instance) {
        return shows.stream().filter(showId -> snapshot.ownerOf(showId, group.partitions()).orElse(-1) == instance)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The feed's events of one type, by hold. */
    private static Map<String, List<JsonNode>> eventsByHold(Map<String, List<JsonNode>> feed, EventType type) {
        return feed.values().stream().flatMap(List::stream)
                .filter(event -> type.name().equals(event.path("type").asString("")))
                .collect(Collectors.groupingBy(event -> event.path("holdId").asString("")));
    }

    /**
     * Replays each show's hold events in decision order (one partition, so the feed's order): a hold may only
     * take free seats, and an expiry or confirmation only ends seats its own hold has.
     */
    private static List<String> seatsInTwoHolds(Map<String, List<JsonNode>> feed) {
        List<String> wrong = new ArrayList<>();
        feed.forEach((showId, events) -> {
            Map<Integer, String> held = new HashMap<>();
            Set<Integer> booked = new TreeSet<>();
            for (JsonNode event : events) {
                String type = event.path("type").asString("");
                String holdId = event.path("holdId").asString("");
                List<Integer> seats = event.path("seats").values().stream().map(JsonNode::asInt).toList();
                if (EventType.HOLD_PLACED.name().equals(type)) {
                    for (int seat : seats) {
                        if (held.containsKey(seat) || booked.contains(seat)) {
                            wrong.add(showId + ": seat " + seat + " placed in " + holdId + " while "
                                    + (booked.contains(seat) ? "booked" : "in " + held.get(seat)));
                        }
                        held.put(seat, holdId);
                    }
                } else if (EventType.HOLD_EXPIRED.name().equals(type) || EventType.HOLD_CONFIRMED.name().equals(type)) {
                    for (int seat : seats) {
                        if (!holdId.equals(held.remove(seat))) {
                            wrong.add(showId + ": seat " + seat + " " + type + " with " + holdId + " but not in it");
                        }
                        if (EventType.HOLD_CONFIRMED.name().equals(type)) {
                            booked.add(seat);
                        }
                    }
                }
            }
        });
        return wrong;
    }

    private static Set<String> ids(List<Placed> holds, boolean confirmed) {
        return holds.stream().filter(hold -> hold.confirmed() == confirmed).map(Placed::id)
                .collect(Collectors.toSet());
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Map<String, Long> millis(Map<String, Duration> durations) {
        Map<String, Long> millis = new LinkedHashMap<>();
        durations.forEach((name, duration) -> millis.put(name, duration.toMillis()));
        return millis;
    }

    /** One of the processors' consumer timings, as their shared Streams configuration sets it. */
    private static Duration groupTiming(String consumerConfig) {
        Properties config = new BaseStreamsConfig("timings", "127.0.0.1:9092", "unused", 0, "127.0.0.1:0", 1, 1, 0)
                .toProperties();
        return Duration.ofMillis(((Number) config.get(StreamsConfig.consumerPrefix(consumerConfig))).longValue());
    }
}
