package io.boxoffice.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The correctness check, read back through the public API after the storm, the way a cinema would check
 * its books: every show's seat map, and every user's own bookings. Each failure count must be 0:
 * oversold seats (more seats taken than the show has), seats held twice (one seat in two active bookings),
 * confirmations that are not active bookings (a 201, or a CONFIRMED outcome, whose booking its owner does
 * not see as ACTIVE), and seat-map mismatches (seats taken that no active booking holds, or the reverse).
 */
record Audit(int shows, long seatsTotal, long seatsSold, int showsSoldOut, Double sellOutSeconds, long activeBookings,
             long oversold, long heldTwice, long confirmedNotActive, long seatMapMismatch, long confirmationsChecked) {

    private static final long SETTLE_NANOS = 120_000_000_000L;

    boolean pass() {
        return oversold == 0 && heldTwice == 0 && confirmedNotActive == 0 && seatMapMismatch == 0;
    }

    static Audit of(Api api, Launch.Plan plan, List<Tally.Won> confirmations, long stormStartWallMillis) {
        // The warm-up's show is audited too; the figures (seats sold, sell-out) are the storm's shows' alone.
        List<String> audited = new ArrayList<>(plan.showIds());
        if (plan.warmupShowId() != null) {
            audited.add(plan.warmupShowId());
        }
        System.out.printf("bench: auditing %d show(s) and the bookings of %d users ...%n", audited.size(),
                plan.tokens().size());
        // Requests the clients gave up on (504, no answer) may still be decided after the storm: read the seat
        // maps before and after the bookings, and again later until nothing moved in between.
        List<JsonNode> seatMaps = seatMaps(api, audited);
        List<JsonNode> bookingLists;
        long deadline = System.nanoTime() + SETTLE_NANOS;
        while (true) {
            bookingLists = bookingLists(api, plan);
            List<JsonNode> after = seatMaps(api, audited);
            if (after.equals(seatMaps) || System.nanoTime() > deadline) {
                break;
            }
            System.out.println("bench:   the shows are still changing (late decisions); reading again ...");
            seatMaps = after;
            Api.pause(2_000);
        }
        Set<String> shows = new HashSet<>(audited);
        Set<String> storm = new HashSet<>(plan.showIds());
        Map<String, Map<Integer, Integer>> heldByShow = new HashMap<>();
        Map<String, String> activeOwner = new HashMap<>();
        long latestSale = Long.MIN_VALUE;
        long stormBookings = 0;
        for (int user = 0; user < bookingLists.size(); user++) {
            for (JsonNode booking : bookingLists.get(user).path("items")) {
                String show = booking.path("showId").asText();
                if (!shows.contains(show) || !"ACTIVE".equals(booking.path("status").asText())) {
                    continue;
                }
                activeOwner.put(booking.path("id").asText(), String.valueOf(user));
                Map<Integer, Integer> held = heldByShow.computeIfAbsent(show, s -> new HashMap<>());
                booking.path("seats").forEach(seat -> held.merge(seat.asInt(), 1, Integer::sum));
                if (storm.contains(show)) {
                    stormBookings++;
                    latestSale = Math.max(latestSale, Instant.parse(booking.path("createdAt").asText()).toEpochMilli());
                }
            }
        }
        long total = 0;
        long sold = 0;
        int soldOut = 0;
        long oversold = 0;
        long heldTwice = 0;
        long mismatch = 0;
        for (JsonNode map : seatMaps) {
            int seats = map.path("totalSeats").asInt();
            Set<Integer> taken = new HashSet<>();
            map.path("taken").forEach(seat -> taken.add(seat.asInt()));
            Map<Integer, Integer> held = heldByShow.getOrDefault(map.path("showId").asText(), Map.of());
            long heldSeats = held.values().stream().mapToLong(Integer::longValue).sum();
            if (storm.contains(map.path("showId").asText())) {
                total += seats;
                sold += taken.size();
                soldOut += map.path("availableSeats").asInt() == 0 ? 1 : 0;
            }
            oversold += Math.max(0, Math.max(taken.size(), heldSeats) - seats);
            heldTwice += heldSeats - held.size();
            mismatch += taken.stream().filter(seat -> !held.containsKey(seat)).count()
                    + held.keySet().stream().filter(seat -> !taken.contains(seat)).count();
        }
        long notActive = confirmations.stream()
                .filter(won -> !String.valueOf(won.user()).equals(activeOwner.get(won.id()))).count();
        Double sellOut = soldOut == storm.size() && latestSale != Long.MIN_VALUE
                ? Math.max(0, latestSale - stormStartWallMillis) / 1000.0 : null;
        return new Audit(storm.size(), total, sold, soldOut, sellOut, stormBookings, oversold, heldTwice,
                notActive, mismatch, confirmations.size());
    }

    /** Every bench user's {@code GET /api/users/me/bookings}, in the order of the plan's users. */
    static List<JsonNode> bookingLists(Api api, Launch.Plan plan) {
        return api.parallel(IntStream.range(0, plan.tokens().size()).boxed().toList(), user -> {
            Api.Answer answer = api.get("/api/users/me/bookings", plan.tokens().get(user));
            if (!answer.is(200)) {
                throw new BenchAbort("reading the bookings of bench user " + user + " failed: HTTP " + answer.status());
            }
            return answer.json();
        });
    }

    private static List<JsonNode> seatMaps(Api api, List<String> shows) {
        return api.parallel(shows, show -> {
            Api.Answer answer = api.get("/api/shows/" + show + "/seats", null);
            if (!answer.is(200)) {
                throw new BenchAbort("reading the seats of show " + show + " failed: HTTP " + answer.status());
            }
            return answer.json();
        });
    }
}
