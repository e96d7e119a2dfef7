package io.boxoffice.systemtest;

import static io.boxoffice.systemtest.Api.expect;
import static io.boxoffice.systemtest.BookingRequests.SYNC;
import static io.boxoffice.systemtest.BookingRequests.book;
import static org.assertj.core.api.Assertions.assertThat;

import io.boxoffice.common.ProblemCodes;
import io.boxoffice.systemtest.Api.Answer;
import io.boxoffice.systemtest.Api.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Load shedding: a gateway instance with a tiny in-flight bound meets a burst. Past the bound it must
 * answer 503 {@code overloaded} with Retry-After at once and write nothing, never any other 5xx than
 * 503/504, and never a 201 for a booking that is not real. Each request asks for its own seat, so the seat
 * map tells exactly which commands were written.
 */
@Order(11)
@ExtendWith(SystemExtension.class)
class OverloadIntegrationTest {
    private static final int INSTANCE = 2;
    private static final int MAX_IN_FLIGHT = 4;
    private static final int BURST = 200;
    private static final int USERS = 20;
    private static final int SEATS = BURST + 10;
    private static BoxofficeSystem system;
    private static Api gateway;

    @BeforeAll
    static void startBoundedGateway(BoxofficeSystem running) {
        system = running;
        gateway = Api.at(system.startGateway(INSTANCE,
                Map.of("BOXOFFICE_GATEWAY_MAX_IN_FLIGHT", Integer.toString(MAX_IN_FLIGHT))));
    }

    @AfterAll
    static void stopBoundedGateway() {
        system.stopGateway(INSTANCE);
    }

    @Test
    void shouldShedWithOverloadedAndRetryAfterWhenBurstExceedsInFlightBound() {
        // given
        String showId = gateway.newShow(gateway.adminToken(system), SEATS, BURST / USERS).path("id").asString();
        List<User> users = gateway.newUsers("burst", USERS);
        Tally tally = new Tally();

        // when: request i asks for seat i + 1 only
        long started = System.nanoTime();
        List<Answer> answers = Concurrently.run(BURST, i -> book(gateway, users.get(i % USERS), showId,
                List.of(i + 1), SYNC));
        answers.forEach(tally::add);
        System.out.printf("Burst answers at max-in-flight %d in %d ms: %s%n", MAX_IN_FLIGHT,
                (System.nanoTime() - started) / 1_000_000, tally);

        // then
        List<String> violations = new ArrayList<>();
        Set<Integer> confirmed = new TreeSet<>();
        Set<Integer> unknown = new TreeSet<>();
        for (int i = 0; i < BURST; i++) {
            Answer answer = answers.get(i);
            User user = users.get(i % USERS);
            int seat = i + 1;
            switch (answer.status()) {
                case 201 -> {
                    confirmed.add(seat);
                    Answer read = gateway.get("/api/bookings/" + answer.body().path("id").asString(), user.token());
                    if (read.status() != 200 || !"ACTIVE".equals(read.body().path("status").asString(""))
                            || !read.body().path("seats").toString().equals("[" + seat + "]")) {
                        violations.add("201 for seat " + seat + " reads back " + read);
                    }
                }
                case 503 -> {
                    if (!ProblemCodes.OVERLOADED.equals(answer.code())
                            || !answer.header("Retry-After").orElse("").matches("[1-9][0-9]*")) {
                        violations.add("503 for seat " + seat + " without code overloaded and Retry-After: "
                                + answer + " " + answer.headers());
                    }
                }
                case 504 -> unknown.add(seat);
                case 409 -> { }
                default -> violations.add("seat " + seat + " answered " + answer);
            }
        }
        JsonNode seatMap = expect(gateway.get("/api/shows/" + showId + "/seats", null), 200).body();
        Set<Integer> taken = new TreeSet<>(seatMap.path("taken").values().stream().map(JsonNode::asInt).toList());

        assertThat(violations).isEmpty();
        assertThat(tally.count(503)).as("shed requests " + tally).isPositive();
        assertThat(tally.count(201)).as("served requests " + tally).isPositive();
        assertThat(taken).as("seat map vs. 201 answers").containsAll(confirmed);
        Set<Integer> written = new TreeSet<>(confirmed);
        written.addAll(unknown);
        assertThat(written).as("seats taken only by 201s and 504s, none by a shed request").containsAll(taken);
        assertRecoveredAfterBurst(showId);
    }

    /** Once the burst is over nothing is left counted as in flight: one request at a time is served. */
    private static void assertRecoveredAfterBurst(String showId) {
        User late = gateway.newUser("late");
        IntStream.rangeClosed(BURST + 1, BURST + MAX_IN_FLIGHT + 1).forEach(seat -> {
            Answer answer = book(gateway, late, showId, List.of(seat), SYNC);
            assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        });
    }
}
