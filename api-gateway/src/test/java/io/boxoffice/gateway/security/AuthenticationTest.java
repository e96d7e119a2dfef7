package io.boxoffice.gateway.security;

import io.boxoffice.gateway.support.GatewayTest;
import io.boxoffice.gateway.support.Tokens;
import java.time.Instant;
import java.util.Date;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Which bearer tokens the gateway accepts, and how it refuses the others (401 + RFC 6750 challenge). */
class AuthenticationTest extends GatewayTest {

    private WebTestClient.ResponseSpec book(String authorization) {
        return web.post().uri("/api/shows/s1show/bookings")
                .headers(h -> {
                    if (authorization != null) {
                        h.set("Authorization", authorization);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"seats\":[1]}").exchange();
    }

    @ParameterizedTest
    @MethodSource("noToken")
    void shouldAnswer401WithBareChallengeWhenNoBearerTokenIsSent(String authorization) {
        // when
        WebTestClient.ResponseSpec response = book(authorization);
        // then
        response.expectHeader().valueEquals("WWW-Authenticate", "Bearer");
        expectProblem(response, 401, "unauthenticated");
        assertNothingSent();
    }

    static Stream<String> noToken() {
        return Stream.of(null, "Basic dXNlcjpwYXNz");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTokens")
    void shouldAnswer401InvalidTokenWhenTokenIsNotAcceptable(String why, String token) {
        // when
        WebTestClient.ResponseSpec response = book("Bearer " + token);
        // then
        response.expectHeader().valueEquals("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        expectProblem(response, 401, "unauthenticated");
        assertNothingSent();
    }

    static Stream<Arguments> badTokens() {
        Date past = Date.from(Instant.now().minusSeconds(3600));
        return Stream.of(
                Arguments.of("garbage", "garbage"),
                Arguments.of("three garbage parts", "aaa.bbb.ccc"),
                Arguments.of("expired", Tokens.userWith("u1", c -> c.expirationTime(past).issueTime(past))),
                Arguments.of("signed by another key", Tokens.signedByForeignKey("u1")),
                Arguments.of("HMAC-signed", Tokens.signedWithHmac("u1")),
                Arguments.of("other issuer", Tokens.userWith("u1", c -> c.issuer("someone-else"))),
                Arguments.of("no expiry", Tokens.userWith("u1", c -> c.expirationTime(null))),
                Arguments.of("no subject", Tokens.userWith("u1", c -> c.subject(null))),
                Arguments.of("tampered roles", tamperedToAdmin(Tokens.user("u1"))));
    }

    /** The user's own token with its payload swapped for one claiming ADMIN: the signature no longer fits. */
    private static String tamperedToAdmin(String token) {
        String[] parts = token.split("\\.");
        String admin = Tokens.admin("u1").split("\\.")[1];
        return parts[0] + "." + admin + "." + parts[2];
    }

    @Test
    void shouldPassCallerToProcessorWhenTokenIsValid() {
        // given
        STUB.answer("GET", "/internal/users/u1/bookings", 200, "{\"items\":[]}");
        // when / then
        web.get().uri("/api/users/me/bookings").headers(h -> h.setBearerAuth(Tokens.user("u1"))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.items").isEmpty();
    }

    @Test
    void shouldIgnoreStaleTokenWhenRouteIsPublic() {
        // given
        String expired = Tokens.userWith("u1", c -> c.expirationTime(Date.from(Instant.now().minusSeconds(3600)))
                .issueTime(Date.from(Instant.now().minusSeconds(7200))));
        STUB.answer("GET", "/internal/movies", 200, "{\"items\":[]}");
        STUB.answer("POST", "/api/auth/token", 200, "{\"accessToken\":\"t\",\"tokenType\":\"Bearer\",\"expiresIn\":900}");
        // when / then
        web.get().uri("/api/movies").headers(h -> h.setBearerAuth(expired)).exchange().expectStatus().isOk();
        web.post().uri("/api/auth/token").headers(h -> h.setBearerAuth(expired)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"username\":\"a\",\"password\":\"b\"}").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.tokenType").isEqualTo("Bearer");
    }

    @ParameterizedTest
    @MethodSource("answeredWithOrWithoutToken")
    void shouldSendTheChainsSecurityHeadersWhenBookingRouteAuthenticatesItself(String authorization) {
        // given
        processorReplies(command -> refused(command, "sold_out", null));
        // when
        WebTestClient.ResponseSpec response = book(authorization);
        // then: the headers the security chain writes on every other route
        response.expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                .expectHeader().valueEquals("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
    }

    static Stream<String> answeredWithOrWithoutToken() {
        return Stream.of(null, "Bearer " + Tokens.user("u1"));
    }

    @Test
    void shouldAnswer401WhenCallerRoutesAreCalledWithoutToken() {
        // when / then
        expectProblem(web.get().uri("/api/bookings/s1show-1").exchange(), 401, "unauthenticated");
        expectProblem(web.get().uri("/api/users/me").exchange(), 401, "unauthenticated");
        expectProblem(web.get().uri("/api/users/me/bookings").exchange(), 401, "unauthenticated");
        expectProblem(web.post().uri("/api/bookings/s1show-1/cancel").exchange(), 401, "unauthenticated");
        assertNothingSent();
    }
}
