package io.boxoffice.gateway.command;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.boxoffice.common.booking.BookingCommand.BookSeats;
import io.boxoffice.common.booking.CommandReply;
import io.boxoffice.gateway.security.Caller;
import io.boxoffice.gateway.support.GatewayTest;
import io.boxoffice.gateway.support.Tokens;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/** Over HTTP, with room for one command in flight, which a command that never gets its reply holds. */
@TestPropertySource(properties = "boxoffice.gateway.max-in-flight=1")
class OverloadTest extends GatewayTest {
    @Autowired
    private CommandGateway commands;
    private Disposable waiting;

    @BeforeEach
    void fillTheOnlySlot() {
        when(client.request(anyString(), anyString(), any())).thenReturn(Mono.never());
        waiting = commands.submit(new Caller("other", false), new BookSeats("s9show", List.of(1)),
                CommandReply::booking, null).subscribe();
    }

    @AfterEach
    void freeTheSlot() {
        waiting.dispose();
    }

    private WebTestClient.ResponseSpec book(String prefer) {
        return web.post().uri("/api/shows/s1show/bookings").headers(h -> {
                    h.setBearerAuth(Tokens.user("u1"));
                    if (prefer != null) {
                        h.set("Prefer", prefer);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"seats\":[1]}").exchange();
    }

    @Test
    void shouldShed503OverloadedWithRetryAfterWhenAsyncRequestFindsNoRoom() {
        // given
        commandsAccepted();
        // when
        WebTestClient.ResponseSpec response = book("respond-async");
        // then
        response.expectHeader().valueEquals("Retry-After", "1");
        expectProblem(response, 503, "overloaded");
        verify(client, never()).send(any(), any());
    }

    @Test
    void shouldShed503OverloadedWithRetryAfterWhenSyncRequestFindsNoRoom() {
        // when
        WebTestClient.ResponseSpec response = book(null);
        // then
        response.expectHeader().valueEquals("Retry-After", "1");
        expectProblem(response, 503, "overloaded");
    }
}
