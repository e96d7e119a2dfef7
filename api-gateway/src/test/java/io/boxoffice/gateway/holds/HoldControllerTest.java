package io.boxoffice.gateway.holds;

import static org.assertj.core.api.Assertions.assertThat;

import io.boxoffice.common.Ids;
import io.boxoffice.common.booking.Booking;
import io.boxoffice.common.booking.BookingCommand;
import io.boxoffice.common.booking.BookingCommand.ConfirmHold;
import io.boxoffice.common.booking.BookingCommand.PlaceHold;
import io.boxoffice.common.booking.BookingCommand.ReleaseHold;
import io.boxoffice.common.booking.BookingStatus;
import io.boxoffice.common.booking.CommandReply;
import io.boxoffice.common.booking.CommandReply.Outcome;
import io.boxoffice.common.booking.Hold;
import io.boxoffice.common.booking.HoldStatus;
import io.boxoffice.gateway.support.GatewayTest;
import io.boxoffice.gateway.support.Tokens;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Holds over HTTP: placing (named seats or best available), reading, confirming, releasing, and their problems. */
class HoldControllerTest extends GatewayTest {
    private static final String SHOW = "s1show";
    private static final String HOLD = SHOW + "-h3";
    private static final Instant NOW = Instant.parse("2030-01-01T10:00:00Z");
    private static final String OWNER_HOLD_JSON = """
            {"id":"s1show-h3","showId":"s1show","userId":"owner","seats":[3,4],"status":"HELD",
             "createdAt":"2030-01-01T10:00:00Z","expiresAt":"2030-01-01T10:10:00Z"}""";

    private WebTestClient.ResponseSpec hold(String token, String json) {
        return web.post().uri("/api/shows/{id}/holds", SHOW).headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    private static Hold held(String user, List<Integer> seats) {
        return new Hold(HOLD, SHOW, user, seats, HoldStatus.HELD, NOW, NOW.plusSeconds(600), null);
    }

    @Test
    void shouldAnswer201WithLocationWhenProcessorPlacesHoldOfNamedSeats() {
        // given
        processorReplies(command -> CommandReply.of(command, Outcome.CREATED, held(command.userId(), List.of(3, 4))));
        // when
        WebTestClient.ResponseSpec response = hold(Tokens.user("owner"), "{\"seats\":[4,3]}");
        // then
        response.expectStatus().isCreated()
                .expectHeader().valueEquals("Location", "/api/holds/" + HOLD)
                .expectBody().jsonPath("$.id").isEqualTo(HOLD).jsonPath("$.status").isEqualTo("HELD")
                .jsonPath("$.expiresAt").isEqualTo("2030-01-01T10:10:00Z").jsonPath("$.bookingId").doesNotExist();
        Sent sent = sent();
        assertThat(sent.key()).isEqualTo(SHOW);
        assertThat(sent.command().payload()).isEqualTo(new PlaceHold(SHOW, List.of(4, 3), null));
    }

    @Test
    void shouldSendBestAvailableWhenAskedForANumberOfSeats() {
        // given
        processorReplies(command -> CommandReply.of(command, Outcome.CREATED, held(command.userId(), List.of(9, 10))));
        // when
        hold(Tokens.user("owner"), "{\"bestAvailable\":2}").expectStatus().isCreated();
        // then
        assertThat(sent().command().payload()).isEqualTo(new PlaceHold(SHOW, null, 2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"seats\":[1],\"bestAvailable\":1}", "{\"bestAvailable\":0}",
            "{\"bestAvailable\":-1}", "{\"bestAvailable\":\"2\"}", "{\"bestAvailable\":1.5}", "{\"seats\":[]}",
            "{\"seats\":[1,1]}", "{\"seats\":null,\"bestAvailable\":null}", "[1]", "{\"seats\":[1,"})
    void shouldAnswer400InvalidRequestWhenBodyIsNotExactlyOneOfSeatsAndBestAvailable(String json) {
        // when
        WebTestClient.ResponseSpec response = hold(Tokens.user("u1"), json);
        // then
        expectProblem(response, 400, "invalid_request");
        assertNothingSent();
    }

    @Test
    void shouldAnswer400SeatOutOfRangeWhenANamedSeatIsNotPositive() {
        expectProblem(hold(Tokens.user("u1"), "{\"seats\":[0,2]}"), 400, "seat_out_of_range")
                .jsonPath("$.seats[0]").isEqualTo(0);
        assertNothingSent();
    }

    @Test
    void shouldAnswer409NotEnoughSeatsWhenProcessorHasTooFewFree() {
        processorReplies(command -> refused(command, "not_enough_seats", null));
        expectProblem(hold(Tokens.user("u1"), "{\"bestAvailable\":4}"), 409, "not_enough_seats");
    }

    @Test
    void shouldAnswer401WithoutTokenAnd202WhenAsyncIsPreferred() {
        // when / then
        web.post().uri("/api/shows/{id}/holds", SHOW).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"seats\":[1]}").exchange().expectStatus().isUnauthorized();
        commandsAccepted();
        web.post().uri("/api/shows/{id}/holds", SHOW).headers(h -> {
            h.setBearerAuth(Tokens.user("u1"));
            h.set("Prefer", "respond-async");
        }).contentType(MediaType.APPLICATION_JSON).bodyValue("{\"seats\":[1]}").exchange()
                .expectStatus().isAccepted()
                .expectBody().jsonPath("$.status").isEqualTo("PENDING");
        assertThat(sentAsync().command().payload()).isEqualTo(new PlaceHold(SHOW, List.of(1), null));
    }

    @Test
    void shouldSendOneRequestIdWhenAHoldRepeatsItsIdempotencyKeyButNotABookingsId() {
        // given
        processorReplies(command -> CommandReply.of(command, Outcome.CREATED, held(command.userId(), List.of(3))));
        // when
        for (int i = 0; i < 2; i++) {
            web.post().uri("/api/shows/{id}/holds", SHOW).headers(h -> {
                h.setBearerAuth(Tokens.user("owner"));
                h.set("Idempotency-Key", "order-7");
            }).contentType(MediaType.APPLICATION_JSON).bodyValue("{\"seats\":[3]}").exchange()
                    .expectStatus().isCreated();
        }
        // then: both are one request, and not the booking that key would name
        List<String> ids = sentCommands(2).stream().map(BookingCommand::requestId).distinct().toList();
        assertThat(ids).containsExactly(Ids.idempotentRequest(SHOW, "owner", "PlaceHold", "order-7"));
        assertThat(ids.get(0)).isNotEqualTo(Ids.idempotentRequest(SHOW, "owner", "order-7"));
    }

    @Test
    void shouldAnswerOwnHoldToOwnerAndAdminAnd404ToAnotherUser() {
        // given
        STUB.answer("GET", "/internal/holds/" + HOLD, 200, OWNER_HOLD_JSON);
        // when / then
        web.get().uri("/api/holds/{id}", HOLD).headers(h -> h.setBearerAuth(Tokens.user("owner"))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.seats[1]").isEqualTo(4);
        web.get().uri("/api/holds/{id}", HOLD).headers(h -> h.setBearerAuth(Tokens.admin("root"))).exchange()
                .expectStatus().isOk();
        expectProblem(web.get().uri("/api/holds/{id}", HOLD).headers(h -> h.setBearerAuth(Tokens.user("other")))
                .exchange(), 404, "hold_not_found");
    }

    @Test
    void shouldAnswer201WithTheBookingWhenConfirmedAnd200WhenConfirmedAgain() {
        // given
        Booking booking = new Booking(SHOW + "-8", SHOW, "owner", List.of(3, 4), BookingStatus.ACTIVE, NOW, null, HOLD);
        AtomicInteger confirms = new AtomicInteger();
        processorReplies(command -> CommandReply.of(command,
                confirms.getAndIncrement() == 0 ? Outcome.CREATED : Outcome.UNCHANGED, booking));
        // when / then
        web.post().uri("/api/holds/{id}/confirm", HOLD).headers(h -> h.setBearerAuth(Tokens.user("owner"))).exchange()
                .expectStatus().isCreated()
                .expectHeader().valueEquals("Location", "/api/bookings/" + booking.id())
                .expectBody().jsonPath("$.holdId").isEqualTo(HOLD).jsonPath("$.status").isEqualTo("ACTIVE");
        web.post().uri("/api/holds/{id}/confirm", HOLD).headers(h -> h.setBearerAuth(Tokens.user("owner"))).exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist("Location")
                .expectBody().jsonPath("$.id").isEqualTo(booking.id());
        assertThat(sentCommands(2)).allSatisfy(command -> assertThat(command.payload()).isEqualTo(new ConfirmHold(HOLD)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"hold_expired", "hold_released", "show_cancelled"})
    void shouldAnswer409WhenTheHoldCanNoLongerBeConfirmed(String code) {
        processorReplies(command -> refused(command, code, null));
        expectProblem(web.post().uri("/api/holds/{id}/confirm", HOLD)
                .headers(h -> h.setBearerAuth(Tokens.user("owner"))).exchange(), 409, code);
    }

    @Test
    void shouldAnswer200WithTheReleasedHoldWhenReleasedAnd409WhenConfirmedBefore() {
        // given
        Hold released = held("owner", List.of(3, 4)).ended(HoldStatus.RELEASED, null);
        AtomicInteger releases = new AtomicInteger();
        processorReplies(command -> releases.getAndIncrement() == 0 ? CommandReply.of(command, Outcome.CHANGED, released)
                : refused(command, "hold_confirmed", null));
        // when / then
        web.delete().uri("/api/holds/{id}", HOLD).headers(h -> h.setBearerAuth(Tokens.user("owner"))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("RELEASED");
        expectProblem(web.delete().uri("/api/holds/{id}", HOLD).headers(h -> h.setBearerAuth(Tokens.user("owner")))
                .exchange(), 409, "hold_confirmed");
        assertThat(sentCommands(2)).allSatisfy(command -> assertThat(command.payload()).isEqualTo(new ReleaseHold(HOLD)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"unscoped", "-h3", "s1show-", "BAD-h3"})
    void shouldAnswer404WithoutCommandWhenHoldIdCannotNameAShow(String holdId) {
        expectProblem(web.post().uri("/api/holds/" + holdId + "/confirm")
                .headers(h -> h.setBearerAuth(Tokens.user("owner"))).exchange(), 404, "hold_not_found");
        expectProblem(web.delete().uri("/api/holds/" + holdId)
                .headers(h -> h.setBearerAuth(Tokens.user("owner"))).exchange(), 404, "hold_not_found");
        assertNothingSent();
    }
}
