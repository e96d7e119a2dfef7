package io.boxoffice.gateway.users;

import static org.assertj.core.api.Assertions.assertThat;

import io.boxoffice.gateway.support.GatewayTest;
import io.boxoffice.gateway.support.StubServer;
import io.boxoffice.gateway.support.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Account routes reach the user-service unchanged, and its answers come back unchanged. */
class UserServiceProxyTest extends GatewayTest {

    @Test
    void shouldForwardRegistrationUnchangedWhenUserServiceCreatesAccount() {
        // given
        STUB.answer("POST", "/api/users", 201, "{\"id\":\"u9\",\"username\":\"alice\"}");
        // when
        web.post().uri("/api/users").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"username\":\"alice\",\"password\":\"secret-pw\"}").exchange()
                // then
                .expectStatus().isCreated()
                .expectHeader().valueEquals("Location", "/api/users/created")
                .expectBody().jsonPath("$.id").isEqualTo("u9");
        StubServer.Received forwarded = STUB.lastReceived("POST", "/api/users");
        assertThat(forwarded.body()).isEqualTo("{\"username\":\"alice\",\"password\":\"secret-pw\"}");
        assertThat(forwarded.header("Content-Type")).startsWith("application/json");
    }

    @Test
    void shouldPassProblemThroughWhenCredentialsAreBad() {
        // given
        STUB.answer("POST", "/api/auth/token", new StubServer.Answer(401, "application/problem+json", """
                {"type":"urn:boxoffice:problem:bad_credentials","title":"Unauthorized","status":401,
                 "detail":"Wrong username or password","code":"bad_credentials"}"""));
        // when / then
        expectProblem(web.post().uri("/api/auth/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"username\":\"alice\",\"password\":\"nope\"}").exchange(), 401, "bad_credentials");
    }

    @Test
    void shouldPassTheThrottleAndItsRetryAfterThroughWhenLoginIsRefused() {
        // given
        STUB.answer("POST", "/api/auth/token", new StubServer.Answer(429, "application/problem+json", """
                {"type":"urn:boxoffice:problem:too_many_attempts","title":"Too Many Requests","status":429,
                 "detail":"Too many failed logins","code":"too_many_attempts"}""", java.util.Map.of("Retry-After",
                "27")));
        // when / then
        expectProblem(web.post().uri("/api/auth/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"username\":\"alice\",\"password\":\"nope\"}").exchange()
                .expectHeader().valueEquals("Retry-After", "27"), 429, "too_many_attempts");
    }

    @Test
    void shouldForwardRefreshUnchangedWithoutAnAccessToken() {
        // given
        STUB.answer("POST", "/api/auth/refresh", 200, "{\"accessToken\":\"a\",\"refreshToken\":\"r2\"}");
        // when
        web.post().uri("/api/auth/refresh").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"refreshToken\":\"r1\"}").exchange()
                // then
                .expectStatus().isOk().expectBody().jsonPath("$.refreshToken").isEqualTo("r2");
        assertThat(STUB.lastReceived("POST", "/api/auth/refresh").body()).isEqualTo("{\"refreshToken\":\"r1\"}");
    }

    @Test
    void shouldRefuseLogoutWithoutABearerTokenBeforeForwarding() {
        // when / then
        expectProblem(web.post().uri("/api/auth/logout").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"refreshToken\":\"r1\"}").exchange(), 401, "unauthenticated");
        assertThat(STUB.received()).noneMatch(request -> request.path().equals("/api/auth/logout"));
    }

    @Test
    void shouldForwardLogoutWithTheCallersBearerToken() {
        // given
        String token = Tokens.user("u9");
        STUB.answer("POST", "/api/auth/logout", 204, "");
        // when
        web.post().uri("/api/auth/logout").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"refreshToken\":\"r1\"}").exchange()
                // then
                .expectStatus().isNoContent();
        assertThat(STUB.lastReceived("POST", "/api/auth/logout").header("Authorization")).isEqualTo("Bearer " + token);
    }

    @Test
    void shouldForwardBearerTokenWhenReadingMe() {
        // given
        String token = Tokens.user("u9");
        STUB.answer("GET", "/api/users/me", 200, "{\"id\":\"u9\",\"username\":\"alice\",\"roles\":[\"USER\"]}");
        // when
        web.get().uri("/api/users/me").headers(h -> h.setBearerAuth(token)).exchange()
                // then
                .expectStatus().isOk().expectBody().jsonPath("$.roles[0]").isEqualTo("USER");
        assertThat(STUB.lastReceived("GET", "/api/users/me").header("Authorization")).isEqualTo("Bearer " + token);
    }
}
