package io.boxoffice.gateway.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.verify;

import io.boxoffice.common.Ids;
import io.boxoffice.common.booking.Booking;
import io.boxoffice.common.booking.BookingCommand;
import io.boxoffice.common.booking.BookingStatus;
import io.boxoffice.common.booking.CommandReply;
import io.boxoffice.common.booking.CommandReply.Outcome;
import io.boxoffice.gateway.support.GatewayTest;
import io.boxoffice.gateway.support.RawHttp;
import io.boxoffice.gateway.support.Tokens;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * {@code Idempotency-Key}: a malformed key is refused before anything is sent; a well-formed one makes the
 * request id a function of (user, show, key), so the show's writer sees a repeat as the same request.
 */
class IdempotencyKeyTest extends GatewayTest {
    private static final String SHOW = "s1show";

    @LocalServerPort
    private int port;

    private WebTestClient.ResponseSpec book(String token, String show, String key) {
        return web.post().uri("/api/shows/{id}/bookings", show).headers(h -> {
                    h.setBearerAuth(token);
                    h.set("Idempotency-Key", key);
                })
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"seats\":[3]}").exchange();
    }

    private void processorConfirms() {
        processorReplies(command -> CommandReply.of(command, Outcome.CREATED,
                new Booking(SHOW + "-1", SHOW, command.userId(), List.of(3), BookingStatus.ACTIVE, Instant.now(),
                        null, null)));
    }

    /** The request ids of all awaited commands sent so far, in order. */
    private List<String> sentRequestIds() {
        ArgumentCaptor<String> requestIds = ArgumentCaptor.forClass(String.class);
        verify(client, atLeastOnce()).request(anyString(), requestIds.capture(), any(BookingCommand.class));
        return requestIds.getAllValues();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "k e y", "café", "12345678901234567890123456789012345678901234567890123456789012345"})
    void shouldAnswer400InvalidRequestWithoutSendingWhenIdempotencyKeyIsMalformed(String key) {
        // when
        WebTestClient.ResponseSpec response = book(Tokens.user("u1"), SHOW, key);
        // then
        expectProblem(response, 400, "invalid_request");
        assertNothingSent();
    }

    /** Keys a proper client refuses to send go over a raw socket: raw UTF-8, and a tab inside the value. */
    @ParameterizedTest
    @ValueSource(strings = {"ключ", "tab\there"})
    void shouldAnswer400ProblemWithoutSendingWhenIdempotencyKeyHasNonAsciiBytesOrTab(String key) {
        // when
        RawHttp.Response response = rawBook("Idempotency-Key: " + key);
        // then
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.head()).containsIgnoringCase("content-type: application/problem+json");
        assertThat(response.body()).contains("\"code\":\"invalid_request\"");
        assertNothingSent();
    }

    /**
     * Other control characters make the request invalid HTTP (RFC 9110 5.5): the HTTP layer refuses the
     * message itself with a bare 400 before any handler runs, so it is refused all the same.
     */
    @ParameterizedTest
    @ValueSource(strings = {"bell\u0007", "nul\u0000x", "esc\u001b", "del\u007f"})
    void shouldAnswer400WithoutSendingWhenIdempotencyKeyHasControlCharacters(String key) {
        // when
        RawHttp.Response response = RawHttp.post(port, "/api/shows/" + SHOW + "/bookings", Tokens.user("u1"),
                ("Idempotency-Key: " + key).getBytes(StandardCharsets.UTF_8), null);
        // then
        assertThat(response.status()).isEqualTo(400);
        assertNothingSent();
    }

    private RawHttp.Response rawBook(String headerLine) {
        return RawHttp.post(port, "/api/shows/" + SHOW + "/bookings", Tokens.user("u1"),
                headerLine.getBytes(StandardCharsets.UTF_8), "{\"seats\":[3]}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"k", "order-2030-01-31/7:seat=3",
            "1234567890123456789012345678901234567890123456789012345678901234"})
    void shouldAcceptKeyWhenItIsOneTo64VisibleAsciiCharacters(String key) {
        // given
        processorConfirms();
        // when / then
        book(Tokens.user("u1"), SHOW, key).expectStatus().isCreated();
        assertThat(sent().requestId()).isEqualTo(Ids.idempotentRequest(SHOW, "u1", key));
    }

    @Test
    void shouldSendSameRequestIdTwiceWhenSameUserRepeatsKey() {
        // given
        processorConfirms();
        // when
        book(Tokens.user("u1"), SHOW, "key-1").expectStatus().isCreated()
                .expectHeader().valueEquals("Location", "/api/bookings/" + SHOW + "-1");
        book(Tokens.user("u1"), SHOW, "key-1").expectStatus().isCreated()
                .expectHeader().valueEquals("Location", "/api/bookings/" + SHOW + "-1");
        // then
        List<String> ids = sentRequestIds();
        assertThat(ids).hasSize(2);
        assertThat(ids.get(0)).isEqualTo(ids.get(1)).startsWith(SHOW + "-");
        assertThat(Ids.requestedBy(ids.get(0), "u1")).isTrue();
    }

    @Test
    void shouldSendDifferentRequestIdsWhenAnotherUserUsesSameKey() {
        // given
        processorConfirms();
        // when
        book(Tokens.user("u1"), SHOW, "key-1").expectStatus().isCreated();
        book(Tokens.user("u2"), SHOW, "key-1").expectStatus().isCreated();
        // then
        List<String> ids = sentRequestIds();
        assertThat(ids).hasSize(2);
        assertThat(ids.get(0)).isNotEqualTo(ids.get(1));
        assertThat(Ids.requestedBy(ids.get(1), "u2")).isTrue();
    }

    @Test
    void shouldSendDifferentRequestIdsWhenSameKeyIsUsedForAnotherShow() {
        // given
        processorConfirms();
        // when
        book(Tokens.user("u1"), SHOW, "key-1").expectStatus().isCreated();
        book(Tokens.user("u1"), "s2show", "key-1").expectStatus().isCreated();
        // then
        List<String> ids = sentRequestIds();
        assertThat(ids.get(0)).startsWith(SHOW + "-");
        assertThat(ids.get(1)).startsWith("s2show-");
    }

    @Test
    void shouldSendFreshRequestIdsWhenNoKeyIsGiven() {
        // given
        processorConfirms();
        // when
        for (int i = 0; i < 2; i++) {
            web.post().uri("/api/shows/{id}/bookings", SHOW).headers(h -> h.setBearerAuth(Tokens.user("u1")))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"seats\":[3]}").exchange()
                    .expectStatus().isCreated();
        }
        // then
        List<String> ids = sentRequestIds();
        assertThat(ids.get(0)).isNotEqualTo(ids.get(1));
    }

    @Test
    void shouldReplayOriginalRefusalWhenRepeatIsDecidedAsDuplicate() {
        // given: the writer answers every repeat with the original outcome, here a refusal
        processorReplies(command -> refused(command, "seat_taken", List.of(3)));
        // when / then
        expectProblem(book(Tokens.user("u1"), SHOW, "key-1"), 409, "seat_taken").jsonPath("$.seats[0]").isEqualTo(3);
        expectProblem(book(Tokens.user("u1"), SHOW, "key-1"), 409, "seat_taken").jsonPath("$.seats[0]").isEqualTo(3);
    }
}
