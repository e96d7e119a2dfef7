package io.boxoffice.systemtest;

import static io.boxoffice.systemtest.Api.expect;
import static org.assertj.core.api.Assertions.assertThat;

import io.boxoffice.systemtest.Api.Answer;
import io.boxoffice.systemtest.Api.User;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The booking-processor dies by SIGKILL in the middle of a booking stream and a replacement with an empty
 * state directory takes over. Exactly-once must hold across the crash: no confirmed booking is lost, no
 * command is applied twice (the analytics feed shows one confirmation per booking), and whatever a client
 * was not told (timeouts) is at most one booking per unanswered attempt.
 */
@Order(13)
@ExtendWith(SystemExtension.class)
class ProcessorCrashIntegrationTest {
    private static final int SEATS = 300;
    private static final int CLIENTS = 6;
    private static final int CRASH_AFTER_ANSWERS = 100;
    private static final Duration STREAM_DEADLINE = Duration.ofMinutes(3);

    @Test
    void shouldLoseAndDuplicateNoBookingWhenProcessorIsKilledMidStream(BoxofficeSystem system) {
        // given
        Api api = new Api(system);
        String showId = api.newShow(api.adminToken(system), SEATS, SEATS).path("id").asString();
        List<User> users = api.newUsers("crash", CLIENTS);
        SeatStream stream = new SeatStream(api, showId, SEATS, System.nanoTime() + STREAM_DEADLINE.toNanos());

        // when: the clients stream single-seat bookings; after ~100 answers the processor is killed -9
        CompletableFuture<List<SeatStream.Client>> clients = CompletableFuture.supplyAsync(
                () -> Concurrently.run(CLIENTS, i -> stream.client(users.get(i))));
        stream.awaitAnswers(CRASH_AFTER_ANSWERS);
        ServiceProcess replacement = system.crashAndReplaceProcessor();
        long crashedAt = System.nanoTime();
        replacement.awaitHealthy();
        System.out.printf("Replacement processor healthy %d ms after the kill%n",
                (System.nanoTime() - crashedAt) / 1_000_000);
        List<SeatStream.Client> results = clients.join();
        System.out.printf("Crash stream answers: %s%n", stream.tally);

        // then
        List<String> violations = new ArrayList<>();
        Map<String, List<Integer>> active = new HashMap<>();
        Map<Integer, String> holders = new HashMap<>();
        for (SeatStream.Client client : results) {
            violations.addAll(client.violations);
            Map<String, List<Integer>> mine = api.bookingsOf(client.user).stream()
                    .filter(b -> showId.equals(b.path("showId").asString(""))
                            && "ACTIVE".equals(b.path("status").asString("")))
                    .collect(Collectors.toMap(b -> b.path("id").asString(), ProcessorCrashIntegrationTest::seats));
            if (mine.size() > client.confirmed.size() + client.unknown) {
                violations.add(client.user.username() + " holds " + mine.size() + " bookings but was answered 201 "
                        + client.confirmed.size() + " times with " + client.unknown + " unknown outcomes");
            }
            client.confirmed.forEach((id, seat) -> {
                Answer read = api.get("/api/bookings/" + id, client.user.token());
                if (!mine.containsKey(id) || read.status() != 200
                        || !"ACTIVE".equals(read.body().path("status").asString(""))) {
                    violations.add("confirmed booking " + id + " (seat " + seat + ") lost: " + read);
                }
            });
            mine.forEach((id, seats) -> seats.forEach(seat -> {
                String other = holders.put(seat, id);
                if (other != null) {
                    violations.add("seat " + seat + " held by active bookings " + other + " and " + id);
                }
            }));
            active.putAll(mine);
        }
        JsonNode seatMap = expect(api.get("/api/shows/" + showId + "/seats", null), 200).body();
        List<Integer> taken = seatMap.path("taken").values().stream().map(JsonNode::asInt).toList();
        List<JsonNode> confirmations = BookingEventLog.eventsOf(system.broker.bootstrapServers(), showId).stream()
                .filter(event -> "BOOKING_CONFIRMED".equals(event.path("type").asString(""))).toList();
        System.out.printf("Active bookings %d, BOOKING_CONFIRMED events %d, seats taken %d%n", active.size(),
                confirmations.size(), taken.size());

        assertThat(violations).isEmpty();
        assertThat(stream.unresolved()).as("seats never answered 201/409 before the deadline").isEmpty();
        assertThat(taken).as("seat map vs. active bookings").containsExactlyElementsOf(new TreeSet<>(holders.keySet()));
        assertThat(duplicates(confirmations, e -> e.path("bookingId").asString(""))).as("bookings confirmed twice")
                .isEmpty();
        assertThat(duplicates(confirmations, e -> e.path("requestId").asString(""))).as("commands applied twice")
                .isEmpty();
        assertThat(confirmations.stream().map(e -> e.path("bookingId").asString("")).collect(Collectors.toSet()))
                .as("BOOKING_CONFIRMED events vs. active bookings").isEqualTo(active.keySet());
    }

    private static List<Integer> seats(JsonNode booking) {
        return booking.path("seats").values().stream().map(JsonNode::asInt).toList();
    }

    private static Set<String> duplicates(List<JsonNode> events, Function<JsonNode, String> key) {
        return events.stream().collect(Collectors.groupingBy(key, Collectors.counting())).entrySet().stream()
                .filter(e -> e.getValue() > 1).map(Map.Entry::getKey).collect(Collectors.toSet());
    }
}
