package io.boxoffice.gateway.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.boxoffice.common.Ids;
import io.boxoffice.common.Json;
import io.boxoffice.common.booking.BookingCommand;
import io.boxoffice.common.booking.BookingCommand.BookSeats;
import io.boxoffice.gateway.support.GatewayTest;
import io.boxoffice.gateway.support.Tokens;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/**
 * {@code Prefer: respond-async}: 202 once the command is durable, without waiting for (or asking for) a
 * reply; the outcome is read at the Location.
 */
class AsyncBookingTest extends GatewayTest {
    private static final String SHOW = "s1show";

    private WebTestClient.ResponseSpec bookAsync(String prefer, String json) {
        return web.post().uri("/api/shows/{id}/bookings", SHOW).headers(h -> {
                    h.setBearerAuth(Tokens.user("u1"));
                    h.set("Prefer", prefer);
                })
                .contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    @Test
    void shouldAnswer202WithRequestIdAndLocationWhenClientPrefersAsync() {
        // given
        commandsAccepted();
        // when
        WebTestClient.ResponseSpec response = bookAsync("respond-async", "{\"seats\":[3,4]}");
        // then
        Sent sent = sentAsync();
        response.expectStatus().isAccepted()
                .expectHeader().valueEquals("Location", "/api/booking-requests/" + sent.requestId())
                .expectHeader().valueEquals("Preference-Applied", "respond-async")
                .expectBody().json("{\"requestId\":\"" + sent.requestId() + "\",\"status\":\"PENDING\"}", true);
        assertThat(sent.key()).isEqualTo(SHOW);
        assertThat(sent.command().replyPartition()).isEqualTo(-1);
        assertThat(sent.command().userId()).isEqualTo("u1");
        assertThat(sent.command().payload()).isEqualTo(new BookSeats(SHOW, List.of(3, 4)));
        assertThat(Ids.requestedBy(sent.requestId(), "u1")).isTrue();
        verify(client, never()).request(any(), any(), any());
    }

    @ParameterizedTest
    @ValueSource(strings = {"respond-async, wait=5", "wait=5, respond-async", "Respond-Async", "RESPOND-ASYNC",
            "respond-async;foo=bar", "respond-async ; wait=10", "handling=lenient,respond-async"})
    void shouldAnswer202WhenPreferHeaderAsksForAsyncInAnyForm(String prefer) {
        // given
        commandsAccepted();
        // when / then
        bookAsync(prefer, "{\"seats\":[1]}").expectStatus().isAccepted()
                .expectHeader().valueEquals("Preference-Applied", "respond-async");
        assertThat(sentAsync().command().replyPartition()).isEqualTo(-1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"wait=5", "respond-asynchronously", "handling=strict", "return=minimal"})
    void shouldAnswerSynchronouslyWhenPreferHeaderDoesNotAskForAsync(String prefer) {
        // given
        processorReplies(command -> refused(command, "sold_out", null));
        // when / then
        expectProblem(bookAsync(prefer, "{\"seats\":[1]}"), 409, "sold_out");
        verify(client, never()).send(any(), any());
    }

    @Test
    void shouldSendSameRequestIdWhenAsyncRequestIsRepeatedWithSameKey() {
        // given
        commandsAccepted();
        // when
        for (int i = 0; i < 2; i++) {
            web.post().uri("/api/shows/{id}/bookings", SHOW).headers(h -> {
                        h.setBearerAuth(Tokens.user("u1"));
                        h.set("Prefer", "respond-async");
                        h.set("Idempotency-Key", "k-42");
                    })
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"seats\":[1]}").exchange()
                    .expectStatus().isAccepted()
                    .expectBody().jsonPath("$.requestId").isEqualTo(Ids.idempotentRequest(SHOW, "u1", "k-42"));
        }
        // then
        ArgumentCaptor<BookingCommand> commands = ArgumentCaptor.forClass(BookingCommand.class);
        verify(client, times(2)).send(anyString(), commands.capture());
        assertThat(commands.getAllValues()).extracting(BookingCommand::requestId)
                .containsOnly(Ids.idempotentRequest(SHOW, "u1", "k-42"));
    }

    @Test
    void shouldAnswer400WithoutSendingWhenAsyncRequestIsMalformed() {
        // when / then
        expectProblem(bookAsync("respond-async", "{\"seats\":[]}"), 400, "invalid_request");
        expectProblem(bookAsync("respond-async", "{\"seats\":[0]}"), 400, "seat_out_of_range")
                .jsonPath("$.seats[0]").isEqualTo(0);
        assertNothingSent();
    }

    @Test
    void shouldAnswer504WithRequestIdWhenWriteOfAsyncCommandTimesOut() {
        // given
        when(client.send(anyString(), any())).thenReturn(Mono.error(new TimeoutException("write timed out")));
        // when
        byte[] body = expectProblem(bookAsync("respond-async", "{\"seats\":[1]}"), 504, "timeout")
                .returnResult().getResponseBody();
        // then
        assertThat(Json.MAPPER.readValue(body, Map.class)).containsEntry("requestId", sentAsync().requestId());
    }

    @Test
    void shouldAnswer503UnavailableWhenAsyncCommandCannotBeWritten() {
        // given
        when(client.send(anyString(), any())).thenReturn(Mono.error(new IllegalStateException("producer closed")));
        // when / then
        expectProblem(bookAsync("respond-async", "{\"seats\":[1]}"), 503, "unavailable");
    }
}
