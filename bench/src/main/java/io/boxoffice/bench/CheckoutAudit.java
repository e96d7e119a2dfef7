package io.boxoffice.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The checkout scenario's audit, after the storm, through the public API and the booking feed. It waits
 * until every hold the buyers abandoned is due, reads every hold and the buyers' bookings, and checks:
 * <ul>
 *   <li>no seat map read during the storm showed a seat both held and taken, or disagreed with the holds
 *       and bookings of its moment ({@link #mismatches});</li>
 *   <li>every confirmation answered 2xx is a CONFIRMED hold whose booking is ACTIVE, with the hold's seats;</li>
 *   <li>every abandoned hold, and every hold whose confirmation came too late (409 {@code hold_expired}),
 *       ended EXPIRED, and no hold is still HELD once it is due;</li>
 *   <li>in the feed, each expired hold expired once, none expired early, and no confirmed hold expired.</li>
 * </ul>
 * Every failure count must be 0.
 *
 * @param expiryLateness from each hold's {@code expiresAt} to its {@code HOLD_EXPIRED} in the feed; null when
 *                       the feed could not be read (no local system)
 */
record CheckoutAudit(long holds, long confirmed, long abandoned, long late, long unknown, long samples,
                     long sampleFailures, long heldAndTaken, long seatMapMismatches, long confirmedNotBooked,
                     long abandonedNotExpired, long lateNotExpired, long stillHeld, long expiredTwice,
                     long expiredEarly, long confirmedExpired, Latency expiryLateness, long expiredLate) {

    /** The contract's bound: seats are free again within 2 s of {@code expiresAt}. */
    static final long EXPIRY_BOUND_MILLIS = 2_000;
    /** Wall clocks are the same machine's; this covers their rounding to milliseconds in the documents. */
    private static final long MARGIN_MILLIS = 5;
    private static final long SETTLE_MILLIS = 30_000;
    private static final long NEVER = Long.MAX_VALUE;

    boolean pass() {
        return heldAndTaken == 0 && seatMapMismatches == 0 && confirmedNotBooked == 0 && abandonedNotExpired == 0
                && lateNotExpired == 0 && stillHeld == 0 && expiredTwice == 0 && expiredEarly == 0
                && confirmedExpired == 0;
    }

    /** A hold as it ended, read back through the API. */
    record Hold(String id, String showId, List<Integer> seats, String status, long createdAt, long expiresAt,
                String bookingId) {
        static Hold of(JsonNode hold) {
            return new Hold(hold.path("id").asText(), hold.path("showId").asText(), seatsOf(hold),
                    hold.path("status").asText(), millis(hold.path("createdAt")), millis(hold.path("expiresAt")),
                    hold.path("bookingId").asText(null));
        }
    }

    /** A buyer's booking, read back through the API. */
    record Booking(String id, String showId, List<Integer> seats, String status, long createdAt, String holdId) {
        static Booking of(JsonNode booking) {
            return new Booking(booking.path("id").asText(), booking.path("showId").asText(), seatsOf(booking),
                    booking.path("status").asText(), millis(booking.path("createdAt")),
                    booking.path("holdId").asText(null));
        }
    }

    /**
     * When some seats were held or taken: possibly during [{@code from}, {@code until}], surely during
     * ({@code surelyFrom}, {@code surelyUntil}). The decision's own time (a document's {@code createdAt}) is
     * the earliest it can have happened; the buyer's answer is the latest.
     */
    record Span(String showId, List<Integer> seats, boolean taken, long from, long surelyFrom, long surelyUntil,
                long until) {
    }

    /**
     * Waits until every hold is due (the seat maps are watched meanwhile, as holds expire), then audits.
     * {@code bootstrap}: the brokers, to read the feed; null when they are unknown (no feed checks then).
     */
    static CheckoutAudit of(Api api, Launch.Plan plan, CheckoutRun run, int holdSeconds, String bootstrap) {
        Checkouts checkouts = run.buyers();
        List<Checkouts.Checkout> all = checkouts.all();
        long due = checkouts.lastHeldAtMillis() + holdSeconds * 1_000L + EXPIRY_BOUND_MILLIS;
        long wait = Math.max(0, due - System.currentTimeMillis());
        System.out.printf("bench: checking %,d holds; waiting %.1f s until the last one is due and %d s have passed%n",
                all.size(), wait / 1000.0, EXPIRY_BOUND_MILLIS / 1000);
        Api.pause(wait);
        run.watch().close();
        List<SeatMapWatch.Sample> samples = run.watch().samples();
        long sampleFailures = run.watch().failures();
        Feed feed = bootstrap == null ? null : Feed.read(bootstrap, plan.showIds());
        Map<String, Hold> holds = readHolds(api, all.stream()
                .collect(Collectors.toMap(Checkouts.Checkout::holdId, c -> plan.tokens().get(c.user()))));
        // Holds placed whose 201 never reached their buyer (a 504, a dropped connection) are on the seat maps
        // too; the feed names them, and the admin may read them.
        Map<String, Hold> unanswered = feed == null ? Map.of() : readHolds(api, feed.placed.stream()
                .filter(id -> !holds.containsKey(id)).collect(Collectors.toMap(id -> id, id -> plan.adminToken())));
        Map<String, Booking> bookings = readBookings(api, plan);

        long confirmed = 0;
        long abandoned = 0;
        long late = 0;
        long unknown = 0;
        long confirmedNotBooked = 0;
        long abandonedNotExpired = 0;
        long lateNotExpired = 0;
        long stillHeld = 0;
        List<Span> spans = new ArrayList<>();
        for (Checkouts.Checkout checkout : all) {
            Hold hold = holds.get(checkout.holdId());
            Booking booking = hold.bookingId() == null ? null : bookings.get(hold.bookingId());
            boolean active = booking != null && booking.status().equals("ACTIVE")
                    && checkout.holdId().equals(booking.holdId()) && booking.seats().equals(hold.seats());
            stillHeld += hold.status().equals("HELD") ? 1 : 0;
            if (checkout.abandon()) {
                abandoned++;
                abandonedNotExpired += hold.status().equals("EXPIRED") ? 0 : 1;
            } else if (checkout.confirmed()) {
                confirmed++;
                confirmedNotBooked += hold.status().equals("CONFIRMED")
                        && checkout.confirmValue().equals(hold.bookingId()) && active ? 0 : 1;
            } else if (Integer.valueOf(409).equals(checkout.confirmStatus())
                    && "hold_expired".equals(checkout.confirmValue())) {
                late++;
                lateNotExpired += hold.status().equals("EXPIRED") ? 0 : 1;
            } else {
                // No answer (or an unexpected one): either ending is right, but a confirmed hold must be booked.
                unknown++;
                confirmedNotBooked += hold.status().equals("CONFIRMED") && !active ? 1 : 0;
            }
            spans.addAll(spans(hold, booking, checkout.heldAtMillis(),
                    checkout.confirmed() ? checkout.confirmedAtMillis() : NEVER));
        }
        for (Hold hold : unanswered.values()) {
            stillHeld += hold.status().equals("HELD") ? 1 : 0;
            spans.addAll(spans(hold, hold.bookingId() == null ? null : bookings.get(hold.bookingId()), NEVER, NEVER));
        }
        Map<String, List<Span>> spansByShow = spans.stream().collect(Collectors.groupingBy(Span::showId));
        Set<String> storm = new HashSet<>(plan.showIds());
        long heldAndTaken = 0;
        long mismatches = 0;
        long checked = 0;
        for (SeatMapWatch.Sample sample : samples) {
            if (storm.contains(sample.showId())) {
                checked++;
                heldAndTaken += sample.held().stream().filter(sample.taken()::contains).count();
                mismatches += mismatches(sample, spansByShow.getOrDefault(sample.showId(), List.of()));
            }
        }
        Map<String, Hold> every = new HashMap<>(holds);
        every.putAll(unanswered);
        Expiries expiries = feed == null ? null : feed.expiries(every);
        return new CheckoutAudit(all.size(), confirmed, abandoned, late, unknown, checked, sampleFailures,
                heldAndTaken, mismatches, confirmedNotBooked, abandonedNotExpired, lateNotExpired, stillHeld,
                expiries == null ? 0 : expiries.twice(), expiries == null ? 0 : expiries.early(),
                expiries == null ? 0 : expiries.confirmed(), expiries == null ? null : expiries.lateness(),
                expiries == null ? 0 : expiries.late());
    }

    /**
     * The seats of one seat map that disagree with the holds and bookings: a seat surely held (or taken) at
     * that moment but missing, a seat shown held (or taken) that no hold (or booking) could have had then,
     * and an {@code availableSeats} that is not the seats neither held nor taken.
     */
    static long mismatches(SeatMapWatch.Sample sample, List<Span> spans) {
        long s = sample.sentMillis() - MARGIN_MILLIS;
        long a = sample.answeredMillis() + MARGIN_MILLIS;
        Set<Integer> surelyHeld = new HashSet<>();
        Set<Integer> possiblyHeld = new HashSet<>();
        Set<Integer> surelyTaken = new HashSet<>();
        Set<Integer> possiblyTaken = new HashSet<>();
        for (Span span : spans) {
            if (span.surelyFrom() < s && span.surelyUntil() > a) {
                (span.taken() ? surelyTaken : surelyHeld).addAll(span.seats());
            }
            if (span.from() <= a && span.until() >= s) {
                (span.taken() ? possiblyTaken : possiblyHeld).addAll(span.seats());
            }
        }
        long wrong = surelyHeld.stream().filter(seat -> !sample.held().contains(seat)).count()
                + sample.held().stream().filter(seat -> !possiblyHeld.contains(seat)).count()
                + surelyTaken.stream().filter(seat -> !sample.taken().contains(seat)).count()
                + sample.taken().stream().filter(seat -> !possiblyTaken.contains(seat)).count();
        int free = sample.totalSeats() - sample.held().size() - sample.taken().size();
        return wrong + (sample.availableSeats() == free ? 0 : 1);
    }

    /**
     * A hold's life on the seat map: held from its decision, until it was confirmed (then taken by its
     * booking) or expired (free again at most {@link #EXPIRY_BOUND_MILLIS} after {@code expiresAt}).
     * {@code heldAnswered} and {@code confirmAnswered} are when the buyer's answers arrived, or {@link #NEVER}.
     */
    static List<Span> spans(Hold hold, Booking booking, long heldAnswered, long confirmAnswered) {
        List<Span> spans = new ArrayList<>(2);
        switch (hold.status()) {
            case "CONFIRMED" -> {
                long confirmedAt = booking == null ? hold.createdAt() : booking.createdAt();
                spans.add(new Span(hold.showId(), hold.seats(), false, hold.createdAt(), heldAnswered, confirmedAt,
                        confirmAnswered));
                if (booking != null && booking.status().equals("ACTIVE")) {
                    spans.add(new Span(hold.showId(), booking.seats(), true, confirmedAt, confirmAnswered, NEVER,
                            NEVER));
                }
            }
            case "EXPIRED" -> spans.add(new Span(hold.showId(), hold.seats(), false, hold.createdAt(), heldAnswered,
                    hold.expiresAt(), hold.expiresAt() + EXPIRY_BOUND_MILLIS));
            // Still held, or released (the rehearsal never releases): the checks above count it.
            default -> spans.add(new Span(hold.showId(), hold.seats(), false, hold.createdAt(), heldAnswered, NEVER,
                    NEVER));
        }
        return spans;
    }

    /** Reads each hold (id to the token that may read it), again while any is still HELD, for a while. */
    private static Map<String, Hold> readHolds(Api api, Map<String, String> tokens) {
        Map<String, Hold> holds = new HashMap<>();
        List<String> toRead = List.copyOf(tokens.keySet());
        long deadline = System.currentTimeMillis() + SETTLE_MILLIS;
        while (!toRead.isEmpty()) {
            List<Hold> read = api.parallel(toRead, id -> {
                Api.Answer answer = api.get("/api/holds/" + id, tokens.get(id));
                if (!answer.is(200)) {
                    throw new BenchAbort("reading hold " + id + " failed: HTTP " + answer.status());
                }
                return Hold.of(answer.json());
            });
            read.forEach(hold -> holds.put(hold.id(), hold));
            toRead = read.stream().filter(hold -> hold.status().equals("HELD")).map(Hold::id).toList();
            if (!toRead.isEmpty() && System.currentTimeMillis() < deadline) {
                System.out.printf("bench:   %d hold(s) still HELD although due; reading them again ...%n",
                        toRead.size());
                Api.pause(1_000);
            } else {
                toRead = List.of();
            }
        }
        return holds;
    }

    private static Map<String, Booking> readBookings(Api api, Launch.Plan plan) {
        Set<String> shows = new HashSet<>(plan.showIds());
        Map<String, Booking> bookings = new HashMap<>();
        for (JsonNode list : Audit.bookingLists(api, plan)) {
            for (JsonNode item : list.path("items")) {
                Booking booking = Booking.of(item);
                if (shows.contains(booking.showId())) {
                    bookings.put(booking.id(), booking);
                }
            }
        }
        return bookings;
    }

    /** The holds placed in the feed, and when each hold expired (once, or more often if the processor erred). */
    private record Feed(Set<String> placed, Map<String, List<Long>> expired) {
        static Feed read(String bootstrap, List<String> shows) {
            Set<String> placed = new HashSet<>();
            Map<String, List<Long>> expired = new HashMap<>();
            FeedAudit.scan(bootstrap, shows, event -> {
                switch (event.path("type").asText()) {
                    case "HOLD_PLACED" -> placed.add(event.path("holdId").asText());
                    case "HOLD_EXPIRED" -> expired.computeIfAbsent(event.path("holdId").asText(),
                            id -> new ArrayList<>()).add(millis(event.path("occurredAt")));
                    default -> { }
                }
            });
            return new Feed(placed, expired);
        }

        Expiries expiries(Map<String, Hold> holds) {
            long twice = 0;
            long early = 0;
            long confirmed = 0;
            long late = 0;
            List<Tally.Sample> lateness = new ArrayList<>();
            for (Map.Entry<String, List<Long>> expiry : expired.entrySet()) {
                Hold hold = holds.get(expiry.getKey());
                twice += expiry.getValue().size() > 1 ? 1 : 0;
                if (hold == null) {
                    throw new BenchAbort("the feed expired hold " + expiry.getKey() + " but never placed it");
                }
                confirmed += hold.status().equals("CONFIRMED") ? 1 : 0;
                for (long at : expiry.getValue()) {
                    early += at < hold.expiresAt() ? 1 : 0;
                    late += at > hold.expiresAt() + EXPIRY_BOUND_MILLIS ? 1 : 0;
                    lateness.add(new Tally.Sample(0, hold.expiresAt() * 1_000_000, at * 1_000_000));
                }
            }
            return new Expiries(twice, early, confirmed, late,
                    Latency.fromSend(lateness, "from expiresAt to HOLD_EXPIRED in the feed"));
        }
    }

    private record Expiries(long twice, long early, long confirmed, long late, Latency lateness) {
    }

    private static List<Integer> seatsOf(JsonNode document) {
        List<Integer> seats = new ArrayList<>();
        document.path("seats").forEach(seat -> seats.add(seat.asInt()));
        return seats;
    }

    private static long millis(JsonNode instant) {
        return Instant.parse(instant.asText()).toEpochMilli();
    }
}
