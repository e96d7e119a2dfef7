package io.boxoffice.systemtest;

import static io.boxoffice.systemtest.Api.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.boxoffice.systemtest.Api.Answer;
import io.boxoffice.systemtest.Api.User;
import io.boxoffice.systemtest.SeatEventsClient.Event;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The live seat stream on the whole system: every kind of decision reaches streams on two gateways within a
 * second of its answer, each gateway reading the feed itself, and what a stream shows ends equal to the seat map.
 */
@ExtendWith(SystemExtension.class)
@Order(18)
class SeatStreamIntegrationTest {
    private static final Duration WITHIN = Duration.ofSeconds(1);

    @Test
    void shouldShowEveryDecisionOnEveryGatewayWithinASecond(BoxofficeSystem system) {
        // given a show watched through two gateways
        Api api = new Api(system);
        Api other = Api.at(system.secondGateway());
        String showId = api.newShow(api.adminToken(system), 20, 10, 10, 10).path("id").asString();
        List<User> users = api.newUsers("watched", 2);
        User alice = users.get(0);
        User bob = users.get(1);
        try (SeatEventsClient first = SeatEventsClient.open(api.base(), showId);
             SeatEventsClient second = SeatEventsClient.open(other.base(), showId)) {
            List<SeatEventsClient> streams = List.of(first, second);
            awaitState(streams, Map.of(), 20);

            // when / then: a booking
            Answer booked = expect(api.post("/api/shows/" + showId + "/bookings", alice.token(),
                    Map.of("seats", List.of(1, 2))), 201);
            long answered = System.nanoTime();
            awaitState(streams, Map.of(1, "TAKEN", 2, "TAKEN"), 18);
            assertDeliveredWithin(streams, answered);

            // a hold, and its release
            String bobsHold = expect(other.post("/api/shows/" + showId + "/holds", bob.token(),
                    Map.of("seats", List.of(5))), 201).body().path("id").asString();
            awaitState(streams, Map.of(1, "TAKEN", 2, "TAKEN", 5, "HELD"), 17);
            expect(other.delete("/api/holds/" + bobsHold, bob.token()), 200);
            awaitState(streams, Map.of(1, "TAKEN", 2, "TAKEN"), 18);

            // a hold confirmed
            String alicesHold = expect(api.post("/api/shows/" + showId + "/holds", alice.token(),
                    Map.of("bestAvailable", 2)), 201).body().path("id").asString();
            expect(api.post("/api/holds/" + alicesHold + "/confirm", alice.token(), null), 201);
            answered = System.nanoTime();
            awaitState(streams, Map.of(1, "TAKEN", 2, "TAKEN", 5, "TAKEN", 6, "TAKEN"), 16);
            assertDeliveredWithin(streams, answered);

            // a hold left to expire (holds of this show last 10 s; expiry comes within 2 s of it)
            JsonNode expiring = expect(other.post("/api/shows/" + showId + "/holds", bob.token(),
                    Map.of("seats", List.of(20))), 201).body();
            awaitState(streams, Map.of(1, "TAKEN", 2, "TAKEN", 5, "TAKEN", 6, "TAKEN", 20, "HELD"), 15);
            await().atMost(Duration.ofSeconds(10 + 2 + 1 + 2)).pollInterval(Duration.ofMillis(100))
                    .until(() -> streams.stream().allMatch(stream -> state(stream).seats().get(20) == null));
            assertThat(expiring.path("expiresAt").asString()).isNotBlank();

            // a cancellation
            expect(api.post("/api/bookings/" + booked.body().path("id").asString() + "/cancel", alice.token(),
                    null), 200);
            awaitState(streams, Map.of(5, "TAKEN", 6, "TAKEN"), 18);

            // and in the end each stream shows what the seat map says
            JsonNode map = expect(api.get("/api/shows/" + showId + "/seats", null), 200).body();
            for (SeatEventsClient stream : streams) {
                State state = state(stream);
                assertThat(state.seats()).isEqualTo(Map.of(5, "TAKEN", 6, "TAKEN"));
                assertThat(state.available()).isEqualTo(map.path("availableSeats").asInt());
                assertThat(stream.events().get(0).name()).isEqualTo("snapshot");
            }
        }
    }

    @Test
    void shouldAnswerShowNotFoundWhenTheShowDoesNotExist(BoxofficeSystem system) {
        Answer answer = new Api(system).stream("/api/shows/nosuchshow0000000/seats/events", null,
                Duration.ofSeconds(10));
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.code()).isEqualTo("show_not_found");
    }

    /** What a stream shows: the non-free seats and the free count, from its last snapshot and the changes after. */
    private record State(Map<Integer, String> seats, int available) {
    }

    private static State state(SeatEventsClient stream) {
        Map<Integer, String> seats = new TreeMap<>();
        int available = -1;
        for (Event event : stream.events()) {
            if (event.name().equals("snapshot")) {
                seats.clear();
                event.data().path("taken").forEach(seat -> seats.put(seat.asInt(), "TAKEN"));
                event.data().path("held").forEach(seat -> seats.put(seat.asInt(), "HELD"));
            } else {
                String state = event.data().path("state").asString();
                event.data().path("seats").forEach(seat -> {
                    if (state.equals("FREE")) {
                        seats.remove(seat.asInt());
                    } else {
                        seats.put(seat.asInt(), state);
                    }
                });
            }
            available = event.data().path("availableSeats").asInt();
        }
        return new State(seats, available);
    }

    private static void awaitState(List<SeatEventsClient> streams, Map<Integer, String> seats, int available) {
        State wanted = new State(new TreeMap<>(seats), available);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                .until(() -> streams.stream().allMatch(stream -> state(stream).equals(wanted)));
    }

    /** The last event of each stream arrived within a second of the answer that reported its decision. */
    private static void assertDeliveredWithin(List<SeatEventsClient> streams, long answeredNanos) {
        for (SeatEventsClient stream : streams) {
            List<Event> events = stream.events();
            long late = events.get(events.size() - 1).receivedNanos() - answeredNanos;
            assertThat(Duration.ofNanos(late)).isLessThan(WITHIN);
        }
    }
}
