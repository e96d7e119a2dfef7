package io.boxoffice.systemtest;

import static io.boxoffice.systemtest.Api.expect;
import static org.assertj.core.api.Assertions.assertThat;

import io.boxoffice.common.ProblemCodes;
import io.boxoffice.systemtest.Api.Answer;
import io.boxoffice.systemtest.Api.User;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Many clients fight over one small show, booking and cancelling at the same time. Whatever the
 * interleaving, the single writer per show must keep the books exact: no seat sold twice, the seat map
 * equal to the confirmed-and-not-cancelled bookings, every answer a 201 or a well-formed 409.
 */
@Order(3)
@ExtendWith(SystemExtension.class)
class BookingStormIntegrationTest {
    private static final int CLIENTS = 32;
    private static final int ATTEMPTS = 12;
    private static final int SEATS = 100;
    private static final int MAX_PER_USER = 4;
    private static final Tally TALLY = new Tally();
    private static final Set<String> REFUSALS = Set.of(ProblemCodes.SEAT_TAKEN, ProblemCodes.SOLD_OUT,
            ProblemCodes.LIMIT_EXCEEDED);

    @Test
    void shouldSellEverySeatAtMostOnceWhenClientsBookAndCancelConcurrently(BoxofficeSystem system) {
        // given
        Api api = new Api(system);
        String showId = api.newShow(api.adminToken(system), SEATS, MAX_PER_USER).path("id").asString();
        List<User> users = api.newUsers("storm", CLIENTS);

        // when: every client books concurrently, cancelling now and then; then half of them cancel at once
        List<StormClient> clients = Concurrently.run(CLIENTS, i -> new StormClient(api, users.get(i), showId)
                .storm(ATTEMPTS));
        Concurrently.run(CLIENTS / 2, i -> clients.get(2 * i).cancelOne());
        System.out.printf("Storm answers (bookings and cancels): %s%n", TALLY);

        // then
        List<String> violations = new ArrayList<>();
        clients.forEach(client -> violations.addAll(client.violations));
        Map<Integer, String> owners = new HashMap<>();
        Set<Integer> sold = new TreeSet<>();
        for (StormClient client : clients) {
            client.active().forEach((bookingId, seats) -> seats.forEach(seat -> {
                String previous = owners.put(seat, bookingId);
                if (previous != null) {
                    violations.add("seat " + seat + " held by active bookings " + previous + " and " + bookingId);
                }
                sold.add(seat);
            }));
            if (client.active().values().stream().mapToInt(List::size).sum() > MAX_PER_USER) {
                violations.add(client.user.username() + " holds more than " + MAX_PER_USER + ": " + client.active());
            }
            checkReadBack(api, client, violations);
        }
        JsonNode seatMap = expect(api.get("/api/shows/" + showId + "/seats", null), 200).body();
        List<Integer> taken = seatMap.path("taken").values().stream().map(JsonNode::asInt).toList();

        assertThat(violations).isEmpty();
        assertThat(sold.size()).isLessThanOrEqualTo(SEATS);
        assertThat(taken).as("seat map taken vs. confirmed, not cancelled bookings").containsExactlyElementsOf(sold);
        assertThat(seatMap.path("availableSeats").asInt()).isEqualTo(SEATS - taken.size());
        assertThat(seatMap.path("totalSeats").asInt()).isEqualTo(SEATS);
        assertThat(clients.stream().mapToInt(c -> c.booked.size()).sum()).as("some bookings succeed").isPositive();
    }

    /** The owner reads each of its bookings back as answered, and its list holds exactly those of this show. */
    private static void checkReadBack(Api api, StormClient client, List<String> violations) {
        Map<String, String> expected = new HashMap<>();
        client.booked.keySet().forEach(id -> expected.put(id, client.cancelled.contains(id) ? "CANCELLED" : "ACTIVE"));
        expected.forEach((id, status) -> {
            Answer read = api.get("/api/bookings/" + id, client.user.token());
            if (read.status() != 200 || !status.equals(read.body().path("status").asString(""))) {
                violations.add("read back of " + id + " expected " + status + ": " + read);
            }
        });
        Map<String, String> listed = api.bookingsOf(client.user).stream()
                .filter(b -> client.showId.equals(b.path("showId").asString("")))
                .collect(Collectors.toMap(b -> b.path("id").asString(), b -> b.path("status").asString()));
        if (!listed.equals(expected)) {
            violations.add(client.user.username() + " me/bookings " + listed + " but answered " + expected);
        }
    }

    /** One storm participant: what it sent, what it was answered, and what it therefore holds. */
    static final class StormClient {
        final Api api;
        final User user;
        final String showId;
        final Map<String, List<Integer>> booked = new HashMap<>();
        final Set<String> cancelled = new TreeSet<>();
        final List<String> violations = new ArrayList<>();

        StormClient(Api api, User user, String showId) {
            this.api = api;
            this.user = user;
            this.showId = showId;
        }

        StormClient storm(int attempts) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            for (int i = 0; i < attempts; i++) {
                book(random.ints(1, SEATS + 1).distinct().limit(random.nextInt(1, 4)).boxed().toList());
                if (random.nextInt(4) == 0) {
                    cancelOne();
                }
            }
            return this;
        }

        Map<String, List<Integer>> active() {
            Map<String, List<Integer>> active = new HashMap<>(booked);
            cancelled.forEach(active::remove);
            return active;
        }

        private void book(List<Integer> seats) {
            Answer answer = api.post("/api/shows/" + showId + "/bookings", user.token(), Map.of("seats", seats));
            TALLY.add(answer);
            if (answer.status() == 201) {
                JsonNode booking = answer.body();
                String id = booking.path("id").asString();
                booked.put(id, seats);
                List<Integer> answeredSeats = booking.path("seats").values().stream().map(JsonNode::asInt).toList();
                if (!answeredSeats.equals(seats.stream().sorted().toList())
                        || !"ACTIVE".equals(booking.path("status").asString(""))
                        || !answer.header("Location").orElse("").endsWith("/api/bookings/" + id)) {
                    violations.add("201 for " + seats + " does not describe it: " + answer + " " + answer.headers());
                }
            } else if (answer.status() != 409 || !REFUSALS.contains(answer.code())) {
                violations.add("booking " + seats + " answered " + answer);
            } else if (ProblemCodes.SEAT_TAKEN.equals(answer.code())
                    && (answer.body().path("seats").isEmpty() || !answer.body().path("seats").values().stream()
                    .allMatch(seat -> seats.contains(seat.asInt())))) {
                violations.add("seat_taken for " + seats + " names other seats: " + answer);
            }
        }

        Void cancelOne() {
            List<String> candidates = new ArrayList<>(active().keySet());
            if (candidates.isEmpty()) {
                return null;
            }
            String id = candidates.get(ThreadLocalRandom.current().nextInt(candidates.size()));
            Answer answer = api.post("/api/bookings/" + id + "/cancel", user.token(), null);
            TALLY.add(answer);
            if (answer.status() == 200 && "CANCELLED".equals(answer.body().path("status").asString(""))) {
                cancelled.add(id);
            } else {
                violations.add("cancel of own active " + id + " answered " + answer);
            }
            return null;
        }
    }
}
