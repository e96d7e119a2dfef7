package io.boxoffice.systemtest;

import static io.boxoffice.systemtest.BookingRequests.SYNC;
import static io.boxoffice.systemtest.BookingRequests.awaitDecision;
import static io.boxoffice.systemtest.BookingRequests.book;
import static org.assertj.core.api.Assertions.assertThat;

import io.boxoffice.common.ProblemCodes;
import io.boxoffice.systemtest.Api.Answer;
import io.boxoffice.systemtest.Api.User;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * A decision slower than the gateway's reply timeout: the client gets 504 {@code timeout} with the request
 * id, and that request is still decided exactly once — readable through any gateway, its booking real. A
 * gateway waiting only a few milliseconds makes nearly every synchronous booking such a case.
 */
@Order(10)
@ExtendWith(SystemExtension.class)
class ReplyTimeoutIntegrationTest {
    private static final int INSTANCE = 3;
    private static final int ATTEMPTS = 10;
    private static BoxofficeSystem system;
    private static Api impatient;

    @BeforeAll
    static void startImpatientGateway(BoxofficeSystem running) {
        system = running;
        impatient = Api.at(system.startGateway(INSTANCE, Map.of("BOXOFFICE_REPLY_TIMEOUT", "PT0.005S")));
    }

    @AfterAll
    static void stopImpatientGateway() {
        system.stopGateway(INSTANCE);
    }

    @Test
    void shouldDecideOnceAndTellTheOutcomeWhenTheReplyTimesOut() {
        // given
        Api patient = Api.at(system.gateway(0));
        String showId = patient.newShow(patient.adminToken(system), ATTEMPTS, ATTEMPTS).path("id").asString();
        User user = patient.newUser("impatient");
        int timedOut = 0;

        for (int seat = 1; seat <= ATTEMPTS; seat++) {
            // when
            Answer answer = book(impatient, user, showId, List.of(seat), SYNC);

            // then: 504 names the request, whose outcome any gateway tells; or the reply was fast enough
            assertThat(answer.status()).as(answer.toString()).isIn(201, 504);
            if (answer.status() == 504) {
                timedOut++;
                assertThat(answer.code()).isEqualTo(ProblemCodes.TIMEOUT);
                String requestId = answer.body().path("requestId").asString();
                JsonNode outcome = awaitDecision(patient, user, requestId);
                assertThat(outcome.path("status").asString()).isEqualTo("CONFIRMED");
                assertThat(outcome.path("booking").path("seats").toString()).isEqualTo("[" + seat + "]");
            }
        }
        JsonNode seatMap = patient.get("/api/shows/" + showId + "/seats", null).body();
        JsonNode mine = patient.get("/api/users/me/bookings", user.token()).body();
        assertThat(timedOut).as("a 5 ms reply timeout times out").isPositive();
        assertThat(seatMap.path("availableSeats").asInt()).as("every attempt booked its seat once").isZero();
        assertThat(mine.path("items").size()).isEqualTo(ATTEMPTS);
    }
}
