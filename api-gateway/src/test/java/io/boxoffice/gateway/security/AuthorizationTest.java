package io.boxoffice.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.boxoffice.common.booking.CommandReply;
import io.boxoffice.common.booking.CommandReply.Outcome;
import io.boxoffice.common.booking.Show;
import io.boxoffice.common.booking.ShowStatus;
import io.boxoffice.gateway.support.GatewayTest;
import io.boxoffice.gateway.support.Tokens;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The ADMIN-only routes: a USER is refused with 403 and nothing is sent; an ADMIN's command says so. */
class AuthorizationTest extends GatewayTest {
    private static final String SHOW_JSON = """
            {"movieId":"m1","screen":"1","startsAt":"2030-01-31T20:00:00Z","totalSeats":10}""";

    private WebTestClient.ResponseSpec post(String path, String token) {
        String body = path.equals("/api/movies") ? "{\"title\":\"T\",\"durationMinutes\":90}" : SHOW_JSON;
        return web.post().uri(path).headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/movies", "/api/shows", "/api/shows/s1show/cancel"})
    void shouldAnswer403WhenUserCallsAdminRoute(String path) {
        // when
        WebTestClient.ResponseSpec response = post(path, Tokens.user("u1"));
        // then
        response.expectHeader().valueEquals("WWW-Authenticate", "Bearer error=\"insufficient_scope\"");
        expectProblem(response, 403, "forbidden");
        assertNothingSent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/movies", "/api/shows", "/api/shows/s1show/cancel"})
    void shouldAnswer401NotForbiddenWhenAdminRouteIsCalledWithoutToken(String path) {
        // when
        WebTestClient.ResponseSpec response = web.post().uri(path).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}").exchange();
        // then
        expectProblem(response, 401, "unauthenticated");
    }

    @Test
    void shouldSendAdminFlagWhenAdminCancelsShow() {
        // given
        processorReplies(command -> CommandReply.of(command, Outcome.CHANGED,
                new Show("s1show", "m1", "1", Instant.now(), 10, 10, 10, 600, 20, ShowStatus.CANCELLED)));
        // when
        WebTestClient.ResponseSpec response = web.post().uri("/api/shows/s1show/cancel")
                .headers(h -> h.setBearerAuth(Tokens.admin("boss"))).exchange();
        // then
        response.expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("CANCELLED");
        assertThat(sent().command().admin()).isTrue();
        assertThat(sent().command().userId()).isEqualTo("boss");
    }
}
