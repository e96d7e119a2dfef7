package io.boxoffice.systemtest;

import static io.boxoffice.systemtest.Api.expect;
import static io.boxoffice.systemtest.BookingRequests.asyncWithKey;
import static io.boxoffice.systemtest.BookingRequests.awaitDecision;
import static io.boxoffice.systemtest.BookingRequests.book;
import static io.boxoffice.systemtest.BookingRequests.withKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.boxoffice.common.Ids;
import io.boxoffice.systemtest.Api.Answer;
import io.boxoffice.systemtest.Api.User;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The gateway holds nothing a client depends on: after it is killed (SIGKILL) and started again, a retry
 * with the same idempotency key gets the original outcome, a request acknowledged before the crash
 * is still readable, and a seat map left open in a browser reconnects by itself and shows what was decided
 * meanwhile. Restarts the shared gateway instance 0; the next tests find it healthy again.
 */
@Order(7)
@ExtendWith(SystemExtension.class)
class GatewayRestartIntegrationTest {

    @Test
    void shouldAnswerOriginalOutcomeWhenKeyIsRepeatedAfterGatewayRestart(BoxofficeSystem system) {
        // given: a synchronous booking with a key, and an acknowledged asynchronous request
        Api api = new Api(system);
        String showId = api.newShow(api.adminToken(system), 20, 4).path("id").asString();
        User alice = api.newUser("alice");
        String key = "before-crash-" + Ids.random();
        Answer original = expect(book(api, alice, showId, List.of(11, 12), withKey(key)), 201);
        String requestId = expect(book(api, alice, showId, List.of(13), asyncWithKey("async-" + key)), 202)
                .body().path("requestId").asString();

        try (Browser browser = Browser.open(api.base(), Browser.DESKTOP)) {
            browser.go("#/shows/" + showId);
            browser.awaitLive();

            // when the gateway is killed, a seat is booked through another while it is down, and it comes back
            system.killGateway(0);
            browser.until(() -> browser.text(".live").equals("Reconnecting…") ? true : null, "the drop to show");
            expect(book(Api.at(system.secondGateway()), alice, showId, List.of(14), withKey("meanwhile-" + key)),
                    201);
            ServiceProcess restarted = system.relaunchGateway(0);
            Answer repeat = book(api, alice, showId, List.of(11, 12), withKey(key));
            JsonNode outcome = awaitDecision(api, alice, requestId);

            // then the seat map reconnected by itself, and resynced from its snapshot
            browser.awaitLive();
            browser.until(() -> browser.seatState(14).equals("taken") ? true : null, "seat 14 taken after the resync");
            assertRestartChangedNothing(api, alice, showId, restarted, original, repeat, outcome);
        }
    }

    private static void assertRestartChangedNothing(Api api, User alice, String showId, ServiceProcess restarted,
                                                    Answer original, Answer repeat, JsonNode outcome) {
        assertThat(restarted.alive()).isTrue();
        assertThat(repeat.status()).as(repeat.toString()).isEqualTo(201);
        assertThat(repeat.body()).isEqualTo(original.body());
        assertThat(repeat.header("Location")).isEqualTo(original.header("Location"));
        assertThat(outcome.path("status").asString()).as(outcome.toString()).isEqualTo("CONFIRMED");
        assertThat(outcome.path("booking").path("seats").toString()).isEqualTo("[13]");
        List<String> mine = api.bookingsOf(alice).stream()
                .map(b -> b.path("id").asString() + ":" + b.path("status").asString()).toList();
        assertThat(mine).hasSize(3).contains(original.body().path("id").asString() + ":ACTIVE",
                outcome.path("booking").path("id").asString() + ":ACTIVE");
        assertThat(api.get("/api/shows/" + showId + "/seats", null).body().path("taken").toString())
                .isEqualTo("[11,12,13,14]");
    }
}
