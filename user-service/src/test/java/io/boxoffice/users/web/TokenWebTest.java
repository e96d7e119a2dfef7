package io.boxoffice.users.web;

import static io.boxoffice.users.web.RegistrationWebTest.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.boxoffice.common.ProblemCodes;
import io.boxoffice.common.Stores;
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
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;

class TokenWebTest extends WebTestSupport {
    private static final String PASSWORD = "correct horse battery";

    @Autowired
    SigningKey signingKey;

    @BeforeEach
    void aliceExists() {
        accounts.put("alice", new Account("acc-1", "Alice", null, new BCryptPasswordEncoder(10).encode(PASSWORD),
                List.of(Account.USER, Account.ADMIN), Instant.now(), "req-1"));
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
        assertThat(token.expiresIn()).isEqualTo(3600);
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
                .isEqualTo(Duration.ofHours(1));
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
    void shouldAnswerUnavailableWhenStoreIsRebalancing() {
        // given
        when(router.copiesOf(eq(Stores.ACCOUNTS), any())).thenThrow(new InvalidStateStoreException("rebalancing"));
        // when / then
        expectProblem(login("alice", PASSWORD), 503, ProblemCodes.UNAVAILABLE);
    }

    @Test
    void shouldAnswerUnauthenticatedWhenTokenHasExpired() {
        // given a token issued two hours ago with a one-hour lifetime
        Clock past = Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC);
        String token = new TokenIssuer(signingKey, "boxoffice", Duration.ofHours(1), past)
                .issue(accounts.get("alice").view()).accessToken();
        // when / then
        expectProblem(me(token), 401, ProblemCodes.UNAUTHENTICATED);
    }

    @Test
    void shouldAnswerUnauthenticatedWhenIssuerOrKeyIsForeign() {
        // given
        String foreignIssuer = new TokenIssuer(signingKey, "someone-else", Duration.ofHours(1), Clock.systemUTC())
                .issue(accounts.get("alice").view()).accessToken();
        SigningKey otherKey = SigningKey.fromFile(Path.of("target/test-secrets/other-" + System.nanoTime() + ".pem"));
        String foreignKey = new TokenIssuer(otherKey, "boxoffice", Duration.ofHours(1), Clock.systemUTC())
                .issue(accounts.get("alice").view()).accessToken();
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
