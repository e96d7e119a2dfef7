package io.boxoffice.systemtest;

import static io.boxoffice.systemtest.Api.expect;
import static io.boxoffice.systemtest.BookingRequests.ASYNC;
import static io.boxoffice.systemtest.BookingRequests.SYNC;
import static io.boxoffice.systemtest.BookingRequests.awaitDecision;
import static io.boxoffice.systemtest.BookingRequests.book;
import static org.assertj.core.api.Assertions.assertThat;

import io.boxoffice.common.ProblemCodes;
import io.boxoffice.systemtest.Api.Answer;
import io.boxoffice.systemtest.Api.User;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Two gateway instances side by side on one cluster, each waiting on its own reply partition. Every
 * synchronous reply must reach the instance whose client waits (a misrouted reply would surface as a 504 or
 * as another request's answer), and any instance answers for any request id.
 */
@Order(8)
@ExtendWith(SystemExtension.class)
class TwoGatewaysIntegrationTest {
    private static final int SHOWS = 4;
    private static final int SEATS = 500;
    private static final int CLIENTS = 25;
    private static final int BOOKINGS_PER_CLIENT = 20;
    private static final Set<String> REFUSALS = Set.of(ProblemCodes.SEAT_TAKEN, ProblemCodes.LIMIT_EXCEEDED);
    private static BoxofficeSystem system;
    private static List<Api> gateways;
    private static String admin;

    @BeforeAll
    static void reachTwoGateways(BoxofficeSystem running) {
        system = running;
        gateways = List.of(new Api(system), Api.at(system.secondGateway()));
        admin = gateways.get(0).adminToken(system);
    }

    /** One confirmed booking as its client was told. */
    private record Confirmed(String id, User user, String showId, List<Integer> seats) {
    }

    @Test
    void shouldAnswerEveryBookingCorrectlyWhenBookingsAreSpreadAcrossTwoGateways() {
        // given
        Api api = gateways.get(0);
        List<String> shows = IntStream.range(0, SHOWS)
                .mapToObj(i -> api.newShow(admin, SEATS, 10).path("id").asString()).toList();
        List<User> users = api.newUsers("spread", CLIENTS * 2);
        Map<String, Confirmed> confirmed = new ConcurrentHashMap<>();
        Map<String, Set<Integer>> refusedAsTaken = new ConcurrentHashMap<>();
        List<String> violations = Collections.synchronizedList(new ArrayList<>());
        Tally tally = new Tally();

        // when: each client alternates between its two users and between the two gateways
        long started = System.nanoTime();
        Concurrently.run(CLIENTS, client -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            for (int n = 0; n < BOOKINGS_PER_CLIENT; n++) {
                User user = users.get(2 * client + n % 2);
                String showId = shows.get(random.nextInt(SHOWS));
                List<Integer> seats = random.ints(1, SEATS + 1).distinct().limit(random.nextInt(1, 3)).sorted()
                        .boxed().toList();
                Answer answer = book(gateways.get((client + n) % 2), user, showId, seats, SYNC);
                tally.add(answer);
                check(answer, user, showId, seats, confirmed, refusedAsTaken, violations);
            }
            return null;
        });
        System.out.printf("Two-gateway answers in %d ms: %s%n", (System.nanoTime() - started) / 1_000_000, tally);

        // then
        List<Confirmed> bookings = List.copyOf(confirmed.values());
        Concurrently.run(CLIENTS, client -> {
            for (int i = client; i < bookings.size(); i += CLIENTS) {
                Confirmed booking = bookings.get(i);
                Answer read = gateways.get(i % 2).get("/api/bookings/" + booking.id(), booking.user().token());
                if (read.status() != 200 || !"ACTIVE".equals(read.body().path("status").asString(""))) {
                    violations.add("201 booking " + booking.id() + " reads back " + read);
                }
            }
            return null;
        });
        assertThat(violations).isEmpty();
        assertThat(tally.count(201) + tally.count(409)).as(tally.toString())
                .isEqualTo(CLIENTS * BOOKINGS_PER_CLIENT);
        for (String showId : shows) {
            Set<Integer> sold = new TreeSet<>();
            bookings.stream().filter(b -> b.showId().equals(showId)).forEach(b -> sold.addAll(b.seats()));
            for (Api gateway : gateways) {
                JsonNode seatMap = expect(gateway.get("/api/shows/" + showId + "/seats", null), 200).body();
                assertThat(seatMap.path("taken").values().stream().map(JsonNode::asInt).toList())
                        .as("seat map of %s vs. the 201 answers", showId).containsExactlyElementsOf(sold);
            }
            assertThat(sold).as("seats refused as taken were sold by a 201")
                    .containsAll(refusedAsTaken.getOrDefault(showId, Set.of()));
        }
        for (User user : users) {
            assertThat(gateways.get(0).bookingsOf(user)).extracting(b -> b.path("id").asString())
                    .as("bookings of %s vs. its 201 answers", user.username())
                    .containsExactlyInAnyOrderElementsOf(bookings.stream().filter(b -> b.user().equals(user))
                            .map(Confirmed::id).toList());
        }
    }

    @Test
    void shouldReadRequestOnEitherGatewayWhenCreatedOnTheOther() {
        // given
        String showId = gateways.get(0).newShow(admin, 10, 4).path("id").asString();
        User alice = gateways.get(0).newUser("alice");

        // when
        String onSecond = expect(book(gateways.get(1), alice, showId, List.of(1), ASYNC), 202).body()
                .path("requestId").asString();
        String onFirst = expect(book(gateways.get(0), alice, showId, List.of(1), ASYNC), 202).body()
                .path("requestId").asString();
        JsonNode secondReadOnFirst = awaitDecision(gateways.get(0), alice, onSecond);
        JsonNode firstReadOnSecond = awaitDecision(gateways.get(1), alice, onFirst);

        // then: one of them got seat 1, whichever was decided first; both instances agree on both
        assertThat(List.of(secondReadOnFirst.path("status").asString(), firstReadOnSecond.path("status").asString()))
                .containsExactlyInAnyOrder("CONFIRMED", "REJECTED");
        assertThat(expect(BookingRequests.outcome(gateways.get(1), alice, onSecond), 200).body())
                .isEqualTo(secondReadOnFirst);
        assertThat(expect(BookingRequests.outcome(gateways.get(0), alice, onFirst), 200).body())
                .isEqualTo(firstReadOnSecond);
    }

    private static void check(Answer answer, User user, String showId, List<Integer> seats,
                              Map<String, Confirmed> confirmed, Map<String, Set<Integer>> refusedAsTaken,
                              List<String> violations) {
        String request = user.username() + " " + showId + " " + seats + " answered " + answer;
        if (answer.status() == 201) {
            JsonNode booking = answer.body();
            String id = booking.path("id").asString();
            boolean describesRequest = user.id().equals(booking.path("userId").asString(""))
                    && showId.equals(booking.path("showId").asString(""))
                    && seats.toString().replace(" ", "").equals(booking.path("seats").toString())
                    && "ACTIVE".equals(booking.path("status").asString(""));
            if (!describesRequest || confirmed.putIfAbsent(id, new Confirmed(id, user, showId, seats)) != null) {
                violations.add("201 of another request or twice: " + request);
            }
        } else if (answer.status() == 409 && REFUSALS.contains(answer.code())) {
            if (ProblemCodes.SEAT_TAKEN.equals(answer.code())) {
                List<Integer> taken = answer.body().path("seats").values().stream().map(JsonNode::asInt).toList();
                if (taken.isEmpty() || !seats.containsAll(taken)) {
                    violations.add("seat_taken names other seats: " + request);
                }
                refusedAsTaken.computeIfAbsent(showId, s -> ConcurrentHashMap.newKeySet()).addAll(taken);
            }
        } else {
            violations.add(request);
        }
    }
}
