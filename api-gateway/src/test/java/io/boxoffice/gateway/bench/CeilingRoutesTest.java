package io.boxoffice.gateway.bench;

import io.boxoffice.gateway.support.GatewayTest;
import io.boxoffice.gateway.support.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The benchmark's ceiling endpoint when switched on: a booking's request work, answered without Kafka. */
@TestPropertySource(properties = "boxoffice.gateway.bench-endpoint=true")
class CeilingRoutesTest extends GatewayTest {

    static WebTestClient.ResponseSpec ceiling(WebTestClient web, String token, String json) {
        return web.post().uri(CeilingRoutes.CEILING)
                .headers(h -> {
                    if (token != null) {
                        h.setBearerAuth(token);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    @Test
    void shouldAnswer200WithoutSendingACommandWhenEnabledAndTokenIsValid() {
        // when
        WebTestClient.ResponseSpec response = ceiling(web, Tokens.user("u1"), "{\"seats\":[7,8]}");
        // then
        response.expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody().jsonPath("$.status").isEqualTo("OK").jsonPath("$.seats").isEqualTo(2);
        assertNothingSent();
    }

    @Test
    void shouldAnswer401WhenEnabledButTokenIsMissing() {
        // when
        WebTestClient.ResponseSpec response = ceiling(web, null, "{\"seats\":[7]}");
        // then
        expectProblem(response, 401, "unauthenticated");
    }

    @Test
    void shouldAnswer400LikeABookingWhenSeatsAreMalformed() {
        // when
        WebTestClient.ResponseSpec response = ceiling(web, Tokens.user("u1"), "{\"seats\":[3,3]}");
        // then
        expectProblem(response, 400, "invalid_request");
    }
}
