package io.boxoffice.gateway;

import io.boxoffice.common.booking.BookingCommand;
import io.boxoffice.common.booking.CommandReply;
import io.boxoffice.common.kafka.RequestReplyClient;
import io.boxoffice.gateway.support.GatewayTest;
import io.boxoffice.gateway.support.Tokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway's neighbours are down (a port nobody listens on): our outage is a 503 problem, never a
 * 500 or a 401 that would blame the client.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class DownstreamUnavailableTest {
    private static final String NOBODY = "http://127.0.0.1:" + closedPort();

    @MockitoBean
    RequestReplyClient<BookingCommand, CommandReply> client;

    @Autowired
    WebTestClient web;

    @DynamicPropertySource
    static void neighbours(DynamicPropertyRegistry registry) {
        registry.add("boxoffice.gateway.processor-url", () -> NOBODY);
        registry.add("boxoffice.gateway.user-service-url", () -> NOBODY);
        // Every call fails over until the reply timeout is spent; keep that short here.
        registry.add("boxoffice.gateway.reply-timeout", () -> "PT1S");
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void shouldAnswer503WhenProcessorIsUnreachable() {
        // when / then
        GatewayTest.expectProblem(web.get().uri("/api/movies").exchange()
                .expectHeader().valueEquals("Retry-After", "1"), 503, "unavailable");
        GatewayTest.expectProblem(web.get().uri("/api/shows/s1show/seats").exchange(), 503, "unavailable");
    }

    @Test
    void shouldAnswer503WhenUserServiceIsUnreachable() {
        // when / then
        GatewayTest.expectProblem(web.post().uri("/api/auth/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"username\":\"a\",\"password\":\"b\"}").exchange()
                .expectHeader().valueEquals("Retry-After", "1"), 503, "unavailable");
    }

    @Test
    void shouldAnswer503NotUnauthenticatedWhenKeySetIsUnreachable() {
        // when
        WebTestClient.ResponseSpec response = web.post().uri("/api/shows/s1show/bookings")
                .headers(h -> h.setBearerAuth(Tokens.user("u1"))).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"seats\":[1]}").exchange();
        // then
        GatewayTest.expectProblem(response, 503, "unavailable");
        GatewayTest.assertNothingSent(client);
    }
}
