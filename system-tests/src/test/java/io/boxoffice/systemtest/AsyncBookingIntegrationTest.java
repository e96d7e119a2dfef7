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
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The asynchronous mode (request/acknowledge) end to end: a 202 as soon as the command is in Kafka, then
 * the outcome at the Location, as CONFIRMED with the booking or REJECTED with the problem the synchronous
 * call would have answered. A request is visible to its requester only.
 */
@Order(4)
@ExtendWith(SystemExtension.class)
class AsyncBookingIntegrationTest {
    private static Api api;
    private static String admin;

    @BeforeAll
    static void connect(BoxofficeSystem system) {
        api = new Api(system);
        admin = api.adminToken(system);
    }

    @Test
    void shouldConfirmBookingWhenAcceptedRequestIsPolled() {
        // given
        String showId = api.newShow(admin, 10, 4).path("id").asString();
        User alice = api.newUser("alice");
        User bob = api.newUser("bob");

        // when
        Answer accepted = book(api, alice, showId, List.of(3, 2), ASYNC);
        String requestId = accepted.body().path("requestId").asString("");
        JsonNode outcome = awaitDecision(api, alice, requestId);

        // then
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        assertThat(accepted.body().path("status").asString()).isEqualTo("PENDING");
        assertThat(accepted.header("Location")).contains("/api/booking-requests/" + requestId);
        assertThat(accepted.header("Preference-Applied")).contains("respond-async");
        assertThat(outcome.path("requestId").asString()).isEqualTo(requestId);
        assertThat(outcome.path("status").asString()).as(outcome.toString()).isEqualTo("CONFIRMED");
        assertThat(outcome.has("problem")).isFalse();
        JsonNode booking = outcome.path("booking");
        assertThat(booking.path("userId").asString()).isEqualTo(alice.id());
        assertThat(booking.path("showId").asString()).isEqualTo(showId);
        assertThat(booking.path("seats").toString()).isEqualTo("[2,3]");
        JsonNode readBack = expect(api.get("/api/bookings/" + booking.path("id").asString(), alice.token()), 200)
                .body();
        assertThat(readBack.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(api.get("/api/shows/" + showId + "/seats", null).body().path("taken").toString())
                .isEqualTo("[2,3]");
        assertNotFoundFor(bob, requestId);
    }

    @Test
    void shouldRejectWithSeatTakenWhenAcceptedRequestAsksForTakenSeat() {
        // given
        String showId = api.newShow(admin, 10, 4).path("id").asString();
        User alice = api.newUser("alice");
        User bob = api.newUser("bob");
        expect(book(api, alice, showId, List.of(5), SYNC), 201);

        // when
        Answer accepted = expect(book(api, bob, showId, List.of(5, 6), ASYNC), 202);
        String requestId = accepted.body().path("requestId").asString();
        JsonNode outcome = awaitDecision(api, bob, requestId);

        // then
        assertThat(outcome.path("status").asString()).as(outcome.toString()).isEqualTo("REJECTED");
        assertThat(outcome.has("booking")).isFalse();
        JsonNode problem = outcome.path("problem");
        assertThat(problem.path("status").asInt()).isEqualTo(409);
        assertThat(problem.path("code").asString()).isEqualTo(ProblemCodes.SEAT_TAKEN);
        assertThat(problem.path("seats").toString()).isEqualTo("[5]");
        assertThat(problem.path("title").asString()).isNotBlank();
        assertThat(problem.path("detail").asString()).isNotBlank();
        assertThat(api.bookingsOf(bob)).isEmpty();
        assertThat(api.get("/api/shows/" + showId + "/seats", null).body().path("taken").toString())
                .isEqualTo("[5]");
        assertNotFoundFor(alice, requestId);
    }

    /** Another user meets the request as if it did not exist, on the resource and on its event stream. */
    private static void assertNotFoundFor(User other, String requestId) {
        Answer foreign = BookingRequests.outcome(api, other, requestId);
        assertThat(foreign.status()).as(foreign.toString()).isEqualTo(404);
        assertThat(foreign.code()).isEqualTo(ProblemCodes.REQUEST_NOT_FOUND);
        Answer foreignEvents = BookingRequests.events(api, other, requestId, Duration.ofSeconds(10));
        assertThat(foreignEvents.status()).as(foreignEvents.toString()).isEqualTo(404);
    }
}
