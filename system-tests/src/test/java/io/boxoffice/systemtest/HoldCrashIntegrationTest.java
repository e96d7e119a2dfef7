package io.boxoffice.systemtest;

import static io.boxoffice.systemtest.Api.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.boxoffice.common.ProblemCodes;
import io.boxoffice.systemtest.Api.User;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Holds pending while every processor dies by SIGKILL and stays down past their expiry: when the processors come
 * back with empty state directories, they rebuild the holds from the changelogs and expire each pending hold
 * exactly once, never one that was confirmed, never before its time, and free its seats.
 */
@Order(15)
@ExtendWith(SystemExtension.class)
class HoldCrashIntegrationTest {
    private static final int USERS = 8;
    private static final int HOLD_SECONDS = 10;

    @Test
    void shouldExpireEachPendingHoldOnceAfterTheProcessorsComeBack(BoxofficeSystem system) {
        // given: eight holds of two seats each, half of them confirmed
        Api api = new Api(system);
        String showId = api.newShow(api.adminToken(system), 40, 4, HOLD_SECONDS, 10).path("id").asString();
        List<User> users = api.newUsers("holdcrash", USERS);
        List<JsonNode> holds = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            holds.add(expect(api.post("/api/shows/" + showId + "/holds", users.get(i).token(),
                    Map.of("seats", List.of(2 * i + 1, 2 * i + 2))), 201).body());
        }
        List<Integer> confirmedSeats = new ArrayList<>();
        for (int i = 0; i < USERS / 2; i++) {
            expect(api.post("/api/holds/" + holds.get(i).path("id").asString() + "/confirm", users.get(i).token(),
                    null), 201);
            confirmedSeats.addAll(List.of(2 * i + 1, 2 * i + 2));
        }
        Instant lastExpiry = holds.stream().map(hold -> Instant.parse(hold.path("expiresAt").asString()))
                .max(Instant::compareTo).orElseThrow();

        // when: every processor is killed while the other half are pending, and stays down past their expiry
        system.killProcessor(0);
        system.killProcessor(1);
        await().atMost(Duration.ofSeconds(HOLD_SECONDS + 10)).pollInterval(Duration.ofMillis(200))
                .until(() -> Instant.now().isAfter(lastExpiry.plusSeconds(2)));
        Concurrently.run(BoxofficeSystem.PROCESSORS, system::restartProcessor);

        // then: the pending holds expire once the processors are back, the confirmed ones stay bookings
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() ->
                api.get("/api/shows/" + showId + "/seats", null).body().path("held").isEmpty());
        for (int i = 0; i < USERS; i++) {
            String holdId = holds.get(i).path("id").asString();
            JsonNode read = expect(api.get("/api/holds/" + holdId, users.get(i).token()), 200).body();
            assertThat(read.path("status").asString()).as(holdId).isEqualTo(i < USERS / 2 ? "CONFIRMED" : "EXPIRED");
        }
        JsonNode seatMap = expect(api.get("/api/shows/" + showId + "/seats", null), 200).body();
        assertThat(seatMap.path("taken").values()).extracting(JsonNode::asInt)
                .containsExactlyElementsOf(confirmedSeats);
        assertThat(seatMap.path("availableSeats").asInt()).isEqualTo(40 - confirmedSeats.size());
        String pending = holds.get(USERS - 1).path("id").asString();
        assertThat(api.post("/api/holds/" + pending + "/confirm", users.get(USERS - 1).token(), null).body()
                .path("code").asString()).isEqualTo(ProblemCodes.HOLD_EXPIRED);

        List<JsonNode> events = BookingEventLog.eventsOf(system.broker.bootstrapServers(), showId);
        Map<String, Long> expiries = count(events, "HOLD_EXPIRED");
        Set<String> pendingIds = holds.subList(USERS / 2, USERS).stream().map(hold -> hold.path("id").asString())
                .collect(Collectors.toSet());
        assertThat(expiries.keySet()).as("expired holds").isEqualTo(pendingIds);
        assertThat(expiries.values()).as("each expired once").containsOnly(1L);
        assertThat(count(events, "HOLD_CONFIRMED")).hasSize(USERS / 2).containsOnlyKeys(holds.subList(0, USERS / 2)
                .stream().map(hold -> hold.path("id").asString()).toList());
        for (JsonNode event : events) {
            if ("HOLD_EXPIRED".equals(event.path("type").asString(""))) {
                Instant expiresAt = Instant.parse(holds.stream().filter(hold -> hold.path("id").asString()
                        .equals(event.path("holdId").asString())).findFirst().orElseThrow().path("expiresAt").asString());
                assertThat(Instant.parse(event.path("occurredAt").asString())).as("never before its time")
                        .isAfterOrEqualTo(expiresAt);
            }
        }
    }

    private static Map<String, Long> count(List<JsonNode> events, String type) {
        return events.stream().filter(event -> type.equals(event.path("type").asString("")))
                .collect(Collectors.groupingBy(event -> event.path("holdId").asString(""), Collectors.counting()));
    }
}
