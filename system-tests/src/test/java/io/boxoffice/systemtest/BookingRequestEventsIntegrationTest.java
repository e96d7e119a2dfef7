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
import io.boxoffice.systemtest.BookingRequests.ServerEvent;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The outcome of an asynchronous request as a server-sent-events stream: exactly one event, named after the
 * outcome, carrying the same document as the request's resource, and then the stream ends, whether the
 * outcome was known before the client subscribed or only after.
 */
@Order(5)
@ExtendWith(SystemExtension.class)
class BookingRequestEventsIntegrationTest {
    /** An ended stream answers within a few polls of the decision; an open one would run for minutes. */
    private static final Duration STREAM_LIMIT = Duration.ofSeconds(20);
    private static Api api;
    private static String admin;

    @BeforeAll
    static void connect(BoxofficeSystem system) {
        api = new Api(system);
        admin = api.adminToken(system);
    }

    @Test
    void shouldSendOneRejectedEventAndEndWhenOutcomeIsAlreadyKnown() {
        // given
        String showId = api.newShow(admin, 10, 4).path("id").asString();
        User alice = api.newUser("alice");
        User bob = api.newUser("bob");
        expect(book(api, alice, showId, List.of(7), SYNC), 201);
        String requestId = expect(book(api, bob, showId, List.of(7), ASYNC), 202).body().path("requestId")
                .asString();
        JsonNode decided = awaitDecision(api, bob, requestId);

        // when
        Answer stream = BookingRequests.events(api, bob, requestId, STREAM_LIMIT);

        // then
        ServerEvent event = onlyEvent(stream, requestId);
        assertThat(event.name()).isEqualTo("rejected");
        assertThat(event.json()).isEqualTo(decided);
        assertThat(event.json().path("problem").path("code").asString()).isEqualTo(ProblemCodes.SEAT_TAKEN);
        assertThat(event.json().path("problem").path("seats").toString()).isEqualTo("[7]");
    }

    @Test
    void shouldSendOneConfirmedEventAndEndWhenSubscribedRightAfterAcceptance() {
        // given
        String showId = api.newShow(admin, 10, 4).path("id").asString();
        User alice = api.newUser("alice");
        String requestId = expect(book(api, alice, showId, List.of(4, 5), ASYNC), 202).body().path("requestId")
                .asString();

        // when
        Answer stream = BookingRequests.events(api, alice, requestId, STREAM_LIMIT);

        // then
        ServerEvent event = onlyEvent(stream, requestId);
        assertThat(event.name()).isEqualTo("confirmed");
        JsonNode outcome = event.json();
        assertThat(outcome.path("requestId").asString()).isEqualTo(requestId);
        assertThat(outcome.path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(outcome.path("booking").path("seats").toString()).isEqualTo("[4,5]");
        assertThat(outcome.path("booking").path("userId").asString()).isEqualTo(alice.id());
        assertThat(outcome).isEqualTo(expect(BookingRequests.outcome(api, alice, requestId), 200).body());
        assertThat(expect(api.get("/api/bookings/" + outcome.path("booking").path("id").asString(),
                alice.token()), 200).body().path("status").asString()).isEqualTo("ACTIVE");
    }

    /** The stream answered 200 as an event stream, ended, and held exactly one event for the request. */
    private static ServerEvent onlyEvent(Answer stream, String requestId) {
        assertThat(stream.status()).as(stream.toString()).isEqualTo(200);
        assertThat(stream.header("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/event-stream"));
        List<ServerEvent> events = BookingRequests.parse(stream.raw());
        assertThat(events).as(stream.raw()).hasSize(1);
        ServerEvent event = events.get(0);
        assertThat(event.id()).isEqualTo(requestId);
        return event;
    }
}
