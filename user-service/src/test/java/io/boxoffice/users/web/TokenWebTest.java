package io.boxoffice.users.web;

import static io.boxoffice.users.web.RegistrationWebTest.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.boxoffice.common.ProblemCodes;
import io.boxoffice.users.account.Account;
import io.boxoffice.users.token.IssuedToken;
import io.boxoffice.users.token.SigningKey;
import io.boxoffice.users.token.TokenIssuer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;

class TokenWebTest extends WebTestSupport {
    static final String PASSWORD = "correct horse battery";
    static final Account ALICE = new Account("acc-1", "Alice", null, new BCryptPasswordEncoder(10).encode(PASSWORD),
            List.of(Account.USER, Account.ADMIN), Instant.now(), "req-1");

    @Autowired
    SigningKey signingKey;

    @BeforeEach
    void aliceExists() {
        given(ALICE);
    }

    @Test
    void shouldIssueTokenThatVerifiesWithPublishedJwkSetWhenCredentialsAreRight() throws Exception {
        // when the name is given in another case
        IssuedToken token = login("ALICE", PASSWORD).expectStatus().isOk()
                .expectBody(IssuedToken.class).returnResult().getResponseBody();
        String jwks = http.get().uri("/.well-known/jwks.json").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        // then
        assertThat(token.tokenType()).isEqualTo("Bearer");
        assertThat(token.expiresIn()).isEqualTo(900);
        assertThat(token.refreshToken()).startsWith("rt1.");
        assertThat(token.refreshExpiresIn()).isBetween(Duration.ofDays(14).toSeconds() - 60, Duration.ofDays(14).toSeconds());
        RSAKey key = JWKSet.parse(jwks).getKeys().get(0).toRSAKey();
        assertThat(key.isPrivate()).isFalse();
        assertThat(key.getKeyUse()).isEqualTo(KeyUse.SIGNATURE);
        assertThat(key.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(key.getKeyID()).isEqualTo(key.computeThumbprint().toString());
        SignedJWT jwt = SignedJWT.parse(token.accessToken());
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(key.getKeyID());
        assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("boxoffice");
        assertThat(claims.getSubject()).isEqualTo("acc-1");
        assertThat(claims.getStringClaim("username")).isEqualTo("Alice");
        assertThat(claims.getStringListClaim("roles")).containsExactly("USER", "ADMIN");
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void shouldDescribeTheCallerWhenTokenIsValid() {
        // given
        String token = login("alice", PASSWORD).expectBody(IssuedToken.class).returnResult().getResponseBody()
                .accessToken();
        // when
        WebTestClient.ResponseSpec response = http.get().uri("/api/users/me").headers(h -> h.setBearerAuth(token))
                .exchange();
        // then
        response.expectStatus().isOk().expectBody()
                .jsonPath("$.id").isEqualTo("acc-1")
                .jsonPath("$.username").isEqualTo("Alice")
                .jsonPath("$.roles[0]").isEqualTo("USER")
                .jsonPath("$.roles[1]").isEqualTo("ADMIN")
                .jsonPath("$.passwordHash").doesNotExist();
    }

    @Test
    void shouldAnswerBadCredentialsWhenPasswordIsWrong() {
        expectProblem(login("alice", "wrong password"), 401, ProblemCodes.BAD_CREDENTIALS);
    }

    @Test
    void shouldAnswerBadCredentialsWhenUserIsUnknown() {
        expectProblem(login("nobody", PASSWORD), 401, ProblemCodes.BAD_CREDENTIALS);
    }

    @Test
    void shouldAnswerBadCredentialsWhenPasswordExceedsBcryptLimit() {
        expectProblem(login("alice", PASSWORD + "x".repeat(80)), 401, ProblemCodes.BAD_CREDENTIALS);
    }

    @Test
    void shouldAnswerInvalidRequestWhenLoginBodyIsMalformed() {
        expectProblem(http.post().uri("/api/auth/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"username\":\"alice\"}").exchange(), 400, ProblemCodes.INVALID_REQUEST);
        expectProblem(http.post().uri("/api/auth/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"username\":\"alice\",\"password\":12345678}").exchange(), 400,
                ProblemCodes.INVALID_REQUEST);
        expectProblem(http.post().uri("/api/auth/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{oops").exchange(), 400, ProblemCodes.INVALID_REQUEST);
    }

    @Test
    void shouldAnswerTooManyAttemptsWithoutCheckingWhenFiveLoginsFailed() {
        // given five failures, in any case of the name (a name of its own: this instance remembers the lock)
        given(new Account("acc-3", "Carol", null, ALICE.passwordHash(), List.of(Account.USER), Instant.now(), "r3"));
        for (int i = 0; i < 5; i++) {
            expectProblem(login(i % 2 == 0 ? "carol" : "CAROL", "wrong password " + i), 401,
                    ProblemCodes.BAD_CREDENTIALS);
        }
        // when the right password comes next
        WebTestClient.ResponseSpec response = login("carol", PASSWORD);
        // then it is refused unchecked, with the lock's remaining time, and other names are not affected
        expectProblem(response, 429, ProblemCodes.TOO_MANY_ATTEMPTS);
        login("carol", PASSWORD).expectHeader().value("Retry-After",
                seconds -> assertThat(Integer.parseInt(seconds)).isBetween(25, 30));
        login("alice", PASSWORD).expectStatus().isOk();
    }

    @Test
    void shouldForgetFailuresWhenALoginSucceeds() {
        // given four failures and a success
        for (int i = 0; i < 4; i++) {
            expectProblem(login("alice", "wrong password"), 401, ProblemCodes.BAD_CREDENTIALS);
        }
        login("alice", PASSWORD).expectStatus().isOk();
        // when four more fail
        for (int i = 0; i < 4; i++) {
            expectProblem(login("alice", "wrong password"), 401, ProblemCodes.BAD_CREDENTIALS);
        }
        // then the count started again: the name is not locked
        login("alice", PASSWORD).expectStatus().isOk();
    }

    @Test
    void shouldLockAnUnknownNameLikeAKnownOneWhenItsLoginsFail() {
        for (int i = 0; i < 5; i++) {
            expectProblem(login("nobody-locked", "wrong password"), 401, ProblemCodes.BAD_CREDENTIALS);
        }
        expectProblem(login("nobody-locked", "wrong password"), 429, ProblemCodes.TOO_MANY_ATTEMPTS);
    }

    @Test
    void shouldAnswerBadCredentialsWithoutAskingKafkaWhenTheNameCannotExist() {
        expectProblem(login("a b", PASSWORD), 401, ProblemCodes.BAD_CREDENTIALS);
        verify(client, never()).request(anyString(), anyString(), any());
    }

    @Test
    void shouldAnswerUnauthenticatedWhenTokenHasExpired() {
        // given a token issued two hours ago with a one-hour lifetime
        Clock past = Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC);
        String token = new TokenIssuer(signingKey, "boxoffice", Duration.ofHours(1), past)
                .issue(ALICE.view(), "unused", Instant.now()).accessToken();
        // when / then
        expectProblem(me(token), 401, ProblemCodes.UNAUTHENTICATED);
    }

    @Test
    void shouldAnswerUnauthenticatedWhenIssuerOrKeyIsForeign() {
        // given
        String foreignIssuer = new TokenIssuer(signingKey, "someone-else", Duration.ofHours(1), Clock.systemUTC())
                .issue(ALICE.view(), "unused", Instant.now()).accessToken();
        SigningKey otherKey = SigningKey.fromFile(Path.of("target/test-secrets/other-" + System.nanoTime() + ".pem"));
        String foreignKey = new TokenIssuer(otherKey, "boxoffice", Duration.ofHours(1), Clock.systemUTC())
                .issue(ALICE.view(), "unused", Instant.now()).accessToken();
        // when / then
        expectProblem(me(foreignIssuer), 401, ProblemCodes.UNAUTHENTICATED);
        expectProblem(me(foreignKey), 401, ProblemCodes.UNAUTHENTICATED);
        expectProblem(http.get().uri("/api/users/me").exchange(), 401, ProblemCodes.UNAUTHENTICATED);
        expectProblem(me("not-a-jwt"), 401, ProblemCodes.UNAUTHENTICATED);
    }

    private WebTestClient.ResponseSpec me(String token) {
        return http.get().uri("/api/users/me").headers(h -> h.setBearerAuth(token)).exchange();
    }

    private WebTestClient.ResponseSpec login(String username, String password) {
        return http.post().uri("/api/auth/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(new LoginBody(username, password)).exchange();
    }

    record LoginBody(String username, String password) {
    }
}
