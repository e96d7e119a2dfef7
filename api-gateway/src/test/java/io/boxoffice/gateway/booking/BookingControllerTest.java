package io.boxoffice.gateway.booking;

import static org.assertj.core.api.Assertions.assertThat;

import io.boxoffice.common.booking.Booking;
import io.boxoffice.common.booking.BookingCommand.BookSeats;
import io.boxoffice.common.booking.BookingCommand.CancelBooking;
import io.boxoffice.common.booking.BookingStatus;
import io.boxoffice.common.booking.CommandReply;
import io.boxoffice.common.booking.CommandReply.Outcome;
import io.boxoffice.gateway.support.GatewayTest;
import io.boxoffice.gateway.support.Tokens;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Booking and cancelling over HTTP: command mapping, reply mapping, input checks, ownership. */
class BookingControllerTest extends GatewayTest {
    private static final String SHOW = "s1show";
    private static final String BOOKING = SHOW + "-7";
    private static final String OWNER_BOOKING_JSON = """
            {"id":"s1show-7","showId":"s1show","userId":"owner","seats":[3,4],"status":"ACTIVE",
             "createdAt":"2030-01-01T10:00:00Z"}""";

    private WebTestClient.ResponseSpec book(String token, String json) {
        return web.post().uri("/api/shows/{id}/bookings", SHOW).headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    @Test
    void shouldAnswer201WithLocationWhenProcessorConfirmsBooking() {
        // given
        processorReplies(command -> CommandReply.of(command, Outcome.CREATED,
                new Booking(BOOKING, SHOW, command.userId(), List.of(3, 4), BookingStatus.ACTIVE, Instant.now(), null, null)));
        // when
        WebTestClient.ResponseSpec response = book(Tokens.user("owner"), "{\"seats\":[4,3]}");
        // then
        response.expectStatus().isCreated()
                .expectHeader().valueEquals("Location", "/api/bookings/" + BOOKING)
                .expectBody().jsonPath("$.id").isEqualTo(BOOKING).jsonPath("$.userId").isEqualTo("owner")
                .jsonPath("$.seats[0]").isEqualTo(3).jsonPath("$.status").isEqualTo("ACTIVE");
        Sent sent = sent();
        assertThat(sent.key()).isEqualTo(SHOW);
        assertThat(sent.requestId()).startsWith(SHOW + "-").isEqualTo(sent.command().requestId());
        assertThat(sent.command().userId()).isEqualTo("owner");
        assertThat(sent.command().admin()).isFalse();
        assertThat(sent.command().payload()).isEqualTo(new BookSeats(SHOW, List.of(4, 3)));
    }

    @Test
    void shouldAnswerProblemWithTakenSeatsWhenSeatTaken() {
        // given
        processorReplies(command -> refused(command, "seat_taken", List.of(4)));
        // when
        WebTestClient.ResponseSpec response = book(Tokens.user("u2"), "{\"seats\":[3,4]}");
        // then
        expectProblem(response, 409, "seat_taken").jsonPath("$.seats[0]").isEqualTo(4)
                .jsonPath("$.seats.length()").isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"seats\":[\"2\"]}", "{\"seats\":[2.5]}", "{\"seats\":[2.0]}", "{\"seats\":[null]}",
            "{\"seats\":[true]}", "{\"seats\":[]}", "{\"seats\":[1,1]}", "{}", "{\"seats\":null}",
            "{\"seats\":\"1\"}", "{\"seats\":{\"a\":1}}", "{\"seats\":[99999999999]}", "{\"seats\":[1,", "seats=1",
            "null", "[1,2]", "\"text\""})
    void shouldAnswer400InvalidRequestWhenSeatsAreMalformed(String json) {
        // when
        WebTestClient.ResponseSpec response = book(Tokens.user("u1"), json);
        // then
        expectProblem(response, 400, "invalid_request");
        assertNothingSent();
    }

    @Test
    void shouldAnswer400InvalidRequestWhenBodyIsMissing() {
        // when
        WebTestClient.ResponseSpec response = web.post().uri("/api/shows/{id}/bookings", SHOW)
                .headers(h -> h.setBearerAuth(Tokens.user("u1"))).contentType(MediaType.APPLICATION_JSON).exchange();
        // then
        expectProblem(response, 400, "invalid_request");
        assertNothingSent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"seats\":[0]}", "{\"seats\":[2,-1]}"})
    void shouldAnswer400SeatOutOfRangeWhenSeatIsNotPositive(String json) {
        // when
        WebTestClient.ResponseSpec response = book(Tokens.user("u1"), json);
        // then
        expectProblem(response, 400, "seat_out_of_range");
        assertNothingSent();
    }

    @Test
    void shouldAnswer415WhenBodyIsNotJson() {
        // when
        WebTestClient.ResponseSpec response = web.post().uri("/api/shows/{id}/bookings", SHOW)
                .headers(h -> h.setBearerAuth(Tokens.user("u1"))).contentType(MediaType.TEXT_PLAIN)
                .bodyValue("{\"seats\":[1]}").exchange();
        // then
        expectProblem(response, 415, "unsupported_media_type");
        assertNothingSent();
    }

    @Test
    void shouldAnswer413WhenBodyIsLargerThan256KB() {
        // given
        String huge = "{\"seats\":[" + "1,".repeat(140_000) + "2]}";
        // when
        WebTestClient.ResponseSpec response = book(Tokens.user("u1"), huge);
        // then
        expectProblem(response, 413, "payload_too_large");
        assertNothingSent();
    }

    @Test
    void shouldAnswer404WhenShowIdCannotNameAShow() {
        // when
        WebTestClient.ResponseSpec response = web.post().uri("/api/shows/{id}/bookings", "Not_An-Id")
                .headers(h -> h.setBearerAuth(Tokens.user("u1"))).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"seats\":[1]}").exchange();
        // then
        expectProblem(response, 404, "show_not_found");
        assertNothingSent();
    }

    @Test
    void shouldAnswerOwnBookingWhenOwnerReadsIt() {
        // given
        STUB.answer("GET", "/internal/bookings/" + BOOKING, 200, OWNER_BOOKING_JSON);
        // when / then
        web.get().uri("/api/bookings/{id}", BOOKING).headers(h -> h.setBearerAuth(Tokens.user("owner"))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.id").isEqualTo(BOOKING)
                .jsonPath("$.seats[1]").isEqualTo(4).jsonPath("$.createdAt").isEqualTo("2030-01-01T10:00:00Z");
    }

    @Test
    void shouldAnswer404WhenAnotherUserReadsBooking() {
        // given
        STUB.answer("GET", "/internal/bookings/" + BOOKING, 200, OWNER_BOOKING_JSON);
        // when
        WebTestClient.ResponseSpec response = web.get().uri("/api/bookings/{id}", BOOKING)
                .headers(h -> h.setBearerAuth(Tokens.user("intruder"))).exchange();
        // then
        expectProblem(response, 404, "booking_not_found");
    }

    @Test
    void shouldAnswerAnyBookingWhenAdminReadsIt() {
        // given
        STUB.answer("GET", "/internal/bookings/" + BOOKING, 200, OWNER_BOOKING_JSON);
        // when / then
        web.get().uri("/api/bookings/{id}", BOOKING).headers(h -> h.setBearerAuth(Tokens.admin("boss"))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.userId").isEqualTo("owner");
    }

    @Test
    void shouldAnswer404WhenProcessorHasNoSuchBooking() {
        // given
        STUB.answer("GET", "/internal/bookings/" + BOOKING, 404, """
                {"type":"urn:boxoffice:problem:booking_not_found","title":"Not Found","status":404,
                 "detail":"No such booking","code":"booking_not_found"}""");
        // when
        WebTestClient.ResponseSpec response = web.get().uri("/api/bookings/{id}", BOOKING)
                .headers(h -> h.setBearerAuth(Tokens.user("owner"))).exchange();
        // then
        expectProblem(response, 404, "booking_not_found");
    }

    @Test
    void shouldSendCancelKeyedByShowWhenOwnerCancels() {
        // given
        processorReplies(command -> CommandReply.of(command, Outcome.CHANGED,
                new Booking(BOOKING, SHOW, "owner", List.of(3), BookingStatus.CANCELLED, Instant.now(), Instant.now(), null)));
        // when
        WebTestClient.ResponseSpec response = web.post().uri("/api/bookings/{id}/cancel", BOOKING)
                .headers(h -> h.setBearerAuth(Tokens.user("owner"))).exchange();
        // then
        response.expectStatus().isOk().expectHeader().doesNotExist("Location")
                .expectBody().jsonPath("$.status").isEqualTo("CANCELLED");
        assertThat(sent().key()).isEqualTo(SHOW);
        assertThat(sent().command().payload()).isEqualTo(new CancelBooking(BOOKING));
    }

    @Test
    void shouldAnswer409WhenBookingAlreadyCancelled() {
        // given
        processorReplies(command -> refused(command, "already_cancelled", null));
        // when
        WebTestClient.ResponseSpec response = web.post().uri("/api/bookings/{id}/cancel", BOOKING)
                .headers(h -> h.setBearerAuth(Tokens.user("owner"))).exchange();
        // then
        expectProblem(response, 409, "already_cancelled").jsonPath("$.seats").doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"unscoped", "-7", "s1show-", "BAD-7"})
    void shouldAnswer404WithoutCommandWhenBookingIdCannotNameABooking(String bookingId) {
        // when
        WebTestClient.ResponseSpec response = web.post().uri("/api/bookings/{id}/cancel", bookingId)
                .headers(h -> h.setBearerAuth(Tokens.user("owner"))).exchange();
        // then
        expectProblem(response, 404, "booking_not_found");
        assertNothingSent();
    }

    @Test
    void shouldReadCallersOwnBookingsWhenListingMine() {
        // given
        STUB.answer("GET", "/internal/users/owner/bookings", 200, "{\"items\":[" + OWNER_BOOKING_JSON + "]}");
        // when / then
        web.get().uri("/api/users/me/bookings").headers(h -> h.setBearerAuth(Tokens.user("owner"))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.items[0].id").isEqualTo(BOOKING);
    }
}
