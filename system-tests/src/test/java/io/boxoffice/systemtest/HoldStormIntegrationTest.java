package io.boxoffice.systemtest;

import static io.boxoffice.systemtest.Api.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.boxoffice.common.ProblemCodes;
import io.boxoffice.systemtest.Api.Answer;
import io.boxoffice.systemtest.Api.User;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Holds through the whole system on real brokers: clients racing for the same seats with holds, and a hold
 * left alone until the processor's clock expires it.
 */
@Order(14)
@ExtendWith(SystemExtension.class)
class HoldStormIntegrationTest {
    private static final int CLIENTS = 12;
    private static final int ATTEMPTS = 12;
    private static final int CONTESTED = 40;
    private static final Set<String> REFUSALS = Set.of(ProblemCodes.SEAT_TAKEN, ProblemCodes.LIMIT_EXCEEDED);

    @Test
    void shouldNeverPutASeatInTwoHoldsWhenClientsRaceForTheSameSeats(BoxofficeSystem system) {
        // given: 40 contested seats of a show, at most 10 per user
        Api api = new Api(system);
        String showId = api.newShow(api.adminToken(system), 100, 10, 600, 10).path("id").asString();
        List<User> users = api.newUsers("holdstorm", CLIENTS);
        // when: every client holds random pairs of the contested seats as fast as it can
        List<List<String>> problems = new ArrayList<>();
        List<List<JsonNode>> placed = Concurrently.run(CLIENTS, client -> {
            Random random = new Random(client);
            List<JsonNode> mine = new ArrayList<>();
            List<String> wrong = new ArrayList<>();
            for (int i = 0; i < ATTEMPTS; i++) {
                int first = 1 + random.nextInt(CONTESTED - 1);
                Answer answer = api.post("/api/shows/" + showId + "/holds", users.get(client).token(),
                        Map.of("seats", List.of(first, first + 1)));
                if (answer.status() == 201) {
                    mine.add(answer.body());
                } else if (answer.status() != 409 || !REFUSALS.contains(answer.body().path("code").asString(""))) {
                    wrong.add(answer.toString());
                }
            }
            synchronized (problems) {
                problems.add(wrong);
            }
            return mine;
        });
        // then: each seat is in at most one hold, and the seat map shows exactly the held seats
        assertThat(problems.stream().flatMap(List::stream).toList()).as("answers other than 201/409").isEmpty();
        Map<Integer, String> holders = new HashMap<>();
        List<String> doubles = new ArrayList<>();
        int holds = 0;
        for (int client = 0; client < CLIENTS; client++) {
            for (JsonNode hold : placed.get(client)) {
                holds++;
                JsonNode read = expect(api.get("/api/holds/" + hold.path("id").asString(), users.get(client).token()),
                        200).body();
                assertThat(read.path("status").asString()).isEqualTo("HELD");
                for (JsonNode seat : read.path("seats")) {
                    String other = holders.put(seat.asInt(), read.path("id").asString());
                    if (other != null) {
                        doubles.add("seat " + seat.asInt() + " in " + other + " and " + read.path("id").asString());
                    }
                }
            }
        }
        JsonNode seatMap = expect(api.get("/api/shows/" + showId + "/seats", null), 200).body();
        List<Integer> held = seatMap.path("held").values().stream().map(JsonNode::asInt).toList();
        System.out.printf("Hold storm: %d holds placed by %d clients, %d seats held%n", holds, CLIENTS, held.size());
        assertThat(doubles).as("seats in two holds").isEmpty();
        assertThat(held).containsExactlyElementsOf(new TreeSet<>(holders.keySet()));
        assertThat(seatMap.path("taken").values()).isEmpty();
        assertThat(seatMap.path("availableSeats").asInt()).isEqualTo(100 - held.size());
        assertThat(holds).as("the contested seats were held at all").isPositive();
    }

    @Test
    void shouldFreeTheSeatsWithinTwoSecondsOfExpiryWhenNobodyConfirms(BoxofficeSystem system) {
        // given: a show whose holds last 10 s
        Api api = new Api(system);
        String showId = api.newShow(api.adminToken(system), 20, 4, 10, 10).path("id").asString();
        User user = api.newUser("expiry");
        JsonNode hold = expect(api.post("/api/shows/" + showId + "/holds", user.token(), Map.of("bestAvailable", 3)),
                201).body();
        String holdId = hold.path("id").asString();
        Instant expiresAt = Instant.parse(hold.path("expiresAt").asString());
        assertThat(hold.path("seats").values()).extracting(JsonNode::asInt).containsExactly(4, 5, 6);
        // when: nobody asks anything until the seats are free again
        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(100)).until(() ->
                api.get("/api/shows/" + showId + "/seats", null).body().path("availableSeats").asInt() == 20);
        Instant freedBy = Instant.now();
        // then
        assertThat(expect(api.get("/api/holds/" + holdId, user.token()), 200).body().path("status").asString())
                .isEqualTo("EXPIRED");
        assertThat(api.post("/api/holds/" + holdId + "/confirm", user.token(), null).body().path("code").asString())
                .isEqualTo(ProblemCodes.HOLD_EXPIRED);
        List<JsonNode> expiries = BookingEventLog.eventsOf(system.broker.bootstrapServers(), showId).stream()
                .filter(event -> "HOLD_EXPIRED".equals(event.path("type").asString(""))).toList();
        assertThat(expiries).singleElement().satisfies(event -> {
            Instant occurredAt = Instant.parse(event.path("occurredAt").asString());
            System.out.printf("Hold expired %d ms after expiresAt; seen free %d ms after%n",
                    Duration.between(expiresAt, occurredAt).toMillis(), Duration.between(expiresAt, freedBy).toMillis());
            assertThat(occurredAt).isAfterOrEqualTo(expiresAt).isBefore(expiresAt.plusSeconds(2));
            assertThat(event.has("requestId")).isFalse();
        });
    }
}
