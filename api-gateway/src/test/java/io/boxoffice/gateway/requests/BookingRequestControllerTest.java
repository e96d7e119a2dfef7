package io.boxoffice.gateway.requests;

import static org.assertj.core.api.Assertions.assertThat;

import io.boxoffice.common.Ids;
import io.boxoffice.gateway.support.GatewayTest;
import io.boxoffice.gateway.support.StubServer;
import io.boxoffice.gateway.support.Tokens;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The outcome of a booking request, read by its requester from the processor's processed-requests store:
 * PENDING until decided, then CONFIRMED or REJECTED; anyone else is told it does not exist.
 */
class BookingRequestControllerTest extends GatewayTest {
    private static final String SHOW = "s1show";
    private static final String REQUEST = Ids.requestFor(SHOW, "u1");
    private static final String OUTCOME_PATH = "/internal/requests/" + REQUEST;
    private static final String NOT_DECIDED = """
            {"type":"urn:boxoffice:problem:request_not_found","title":"Not Found","status":404,
             "detail":"No outcome of this request is known","code":"request_not_found"}""";
    private static final String CONFIRMED = """
            {"requestId":"%s","replyPartition":-1,"status":201,
             "booking":{"id":"s1show-7","showId":"s1show","userId":"u1","seats":[3,4],"status":"ACTIVE",
                        "createdAt":"2030-01-01T10:00:00Z"}}""".formatted(REQUEST);
    private static final String SEAT_TAKEN = """
            {"requestId":"%s","replyPartition":-1,"status":409,"code":"seat_taken","detail":"Some seats are taken",
             "seats":[4]}""".formatted(REQUEST);

    private WebTestClient.ResponseSpec read(String requestId, String token) {
        return web.get().uri("/api/booking-requests/{id}", requestId).headers(h -> h.setBearerAuth(token)).exchange();
    }

    @Test
    void shouldAnswerPendingWhenProcessorHasNoOutcomeYet() {
        // given
        STUB.answer("GET", OUTCOME_PATH, 404, NOT_DECIDED);
        // when / then
        read(REQUEST, Tokens.user("u1")).expectStatus().isOk()
                .expectBody().json("{\"requestId\":\"" + REQUEST + "\",\"status\":\"PENDING\"}", true);
    }

    @Test
    void shouldAnswerConfirmedWithBookingWhenRequestWasDecided() {
        // given
        STUB.answer("GET", OUTCOME_PATH, 200, CONFIRMED);
        // when / then
        read(REQUEST, Tokens.user("u1")).expectStatus().isOk().expectBody()
                .jsonPath("$.requestId").isEqualTo(REQUEST)
                .jsonPath("$.status").isEqualTo("CONFIRMED")
                .jsonPath("$.booking.id").isEqualTo("s1show-7")
                .jsonPath("$.booking.seats[1]").isEqualTo(4)
                .jsonPath("$.problem").doesNotExist();
    }

    @Test
    void shouldAnswerRejectedWithSynchronousProblemWhenSeatsWereTaken() {
        // given
        STUB.answer("GET", OUTCOME_PATH, 200, SEAT_TAKEN);
        // when / then
        read(REQUEST, Tokens.user("u1")).expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("REJECTED")
                .jsonPath("$.booking").doesNotExist()
                .jsonPath("$.problem.type").isEqualTo("urn:boxoffice:problem:seat_taken")
                .jsonPath("$.problem.title").isEqualTo("Conflict")
                .jsonPath("$.problem.status").isEqualTo(409)
                .jsonPath("$.problem.detail").isEqualTo("Some seats are taken")
                .jsonPath("$.problem.code").isEqualTo("seat_taken")
                .jsonPath("$.problem.seats[0]").isEqualTo(4)
                .jsonPath("$.problem.instance").isEqualTo("/api/shows/" + SHOW + "/bookings")
                .jsonPath("$.problem.properties").doesNotExist();
    }

    @Test
    void shouldAnswerRejectedWithoutSeatsWhenShowIsSoldOut() {
        // given
        STUB.answer("GET", OUTCOME_PATH, 200, """
                {"requestId":"%s","replyPartition":-1,"status":409,"code":"sold_out","detail":"Sold out"}"""
                .formatted(REQUEST));
        // when / then
        read(REQUEST, Tokens.user("u1")).expectStatus().isOk().expectBody()
                .jsonPath("$.problem.code").isEqualTo("sold_out")
                .jsonPath("$.problem.seats").doesNotExist();
    }

    @Test
    void shouldAnswer404WithoutAskingProcessorWhenAnotherUserOrAnAdminAsks() {
        // given
        STUB.answer("GET", OUTCOME_PATH, 200, CONFIRMED);
        // when / then
        expectProblem(read(REQUEST, Tokens.user("u2")), 404, "request_not_found");
        expectProblem(read(REQUEST, Tokens.admin("boss")), 404, "request_not_found");
        assertThat(STUB.received()).noneMatch(received -> received.path().startsWith("/internal/"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"nonsense", "s1show-7", "s1show-rxxxxxxxxxxxxxxxxyyyyyyyyyy", "-r123", "S1SHOW-r1"})
    void shouldAnswer404WhenRequestIdIsMalformed(String requestId) {
        // when / then
        expectProblem(read(requestId, Tokens.user("u1")), 404, "request_not_found");
        assertThat(STUB.received()).noneMatch(received -> received.path().startsWith("/internal/"));
    }

    @Test
    void shouldAnswer404WhenShowPartOfOwnRequestIdCannotNameAShow() {
        // given: a well-tagged id for this user, but with a show part no show has
        String forged = Ids.requestFor("Not.A.Show", "u1");
        // when / then
        expectProblem(read(forged, Tokens.user("u1")), 404, "request_not_found");
    }

    @Test
    void shouldAnswer401WhenNoTokenIsGiven() {
        // when / then
        expectProblem(web.get().uri("/api/booking-requests/{id}", REQUEST).exchange(), 401, "unauthenticated");
    }

    @Test
    void shouldAnswer503NotPendingWhenProcessorAnswersAnotherNotFound() {
        // given: a processor without the outcome route (e.g. during a rolling upgrade)
        STUB.answer("GET", OUTCOME_PATH, 404, """
                {"type":"urn:boxoffice:problem:not_found","title":"Not Found","status":404,"detail":"No such resource",
                 "code":"not_found"}""");
        // when / then
        expectProblem(read(REQUEST, Tokens.user("u1")), 503, "unavailable");
    }

    @Test
    void shouldStreamExactlyOneEventThenEndWhenOutcomeArrivesLater() {
        // given: undecided at first, decided afterwards
        STUB.answerInTurn("GET", OUTCOME_PATH, new StubServer.Answer(404, "application/problem+json", NOT_DECIDED),
                new StubServer.Answer(200, "application/json", CONFIRMED));
        // when
        List<ServerSentEvent<String>> events = web.get().uri("/api/booking-requests/{id}/events", REQUEST)
                .headers(h -> h.setBearerAuth(Tokens.user("u1"))).accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() { })
                .getResponseBody().collectList().block(Duration.ofSeconds(5));
        // then
        assertThat(events).hasSize(1);
        ServerSentEvent<String> event = events.get(0);
        assertThat(event.event()).isEqualTo("confirmed");
        assertThat(event.id()).isEqualTo(REQUEST);
        assertThat(event.data()).contains("\"status\":\"CONFIRMED\"").contains("\"id\":\"s1show-7\"");
        assertThat(STUB.received()).filteredOn(received -> received.path().equals(OUTCOME_PATH)).hasSize(2);
    }

    @Test
    void shouldStreamRejectionAtOnceWhenOutcomeIsAlreadyKnown() {
        // given
        STUB.answer("GET", OUTCOME_PATH, 200, SEAT_TAKEN);
        // when
        List<ServerSentEvent<String>> events = web.get().uri("/api/booking-requests/{id}/events", REQUEST)
                .headers(h -> h.setBearerAuth(Tokens.user("u1"))).accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() { })
                .getResponseBody().collectList().block(Duration.ofSeconds(5));
        // then
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.event()).isEqualTo("rejected");
            assertThat(event.data()).contains("\"code\":\"seat_taken\"").contains("\"seats\":[4]");
        });
    }

    @Test
    void shouldAnswer404ProblemWhenNonRequesterOpensEventStream() {
        // when
        WebTestClient.ResponseSpec response = web.get().uri("/api/booking-requests/{id}/events", REQUEST)
                .headers(h -> h.setBearerAuth(Tokens.user("u2"))).accept(MediaType.TEXT_EVENT_STREAM).exchange();
        // then
        expectProblem(response, 404, "request_not_found");
    }
}
