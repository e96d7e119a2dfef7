package io.boxoffice.users.web;

import static io.boxoffice.users.web.RegistrationWebTest.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import io.boxoffice.common.ProblemCodes;
import io.boxoffice.users.account.Account;
import io.boxoffice.users.token.IssuedToken;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Refresh and logout over HTTP, decided by the production decider. */
class SessionWebTest extends WebTestSupport {

    @BeforeEach
    void aliceAndBobExist() {
        given(TokenWebTest.ALICE);
        given(new Account("acc-b", "bob", null, TokenWebTest.ALICE.passwordHash(), List.of(Account.USER),
                Instant.now(), "r-b"));
    }

    @Test
    void shouldAnswerANewPairWhenTheRefreshTokenIsCurrent() {
        // given
        IssuedToken login = login("alice");
        // when
        IssuedToken refreshed = refresh(login.refreshToken()).expectStatus().isOk().expectBody(IssuedToken.class)
                .returnResult().getResponseBody();
        // then
        assertThat(refreshed.refreshToken()).isNotEqualTo(login.refreshToken());
        assertThat(refreshed.expiresIn()).isEqualTo(900);
        me(refreshed.accessToken()).expectStatus().isOk().expectBody().jsonPath("$.username").isEqualTo("Alice");
    }

    @Test
    void shouldRevokeTheLineWhenASpentRefreshTokenReturns() {
        // given a refresh token spent once
        IssuedToken login = login("alice");
        IssuedToken refreshed = refresh(login.refreshToken()).expectBody(IssuedToken.class).returnResult()
                .getResponseBody();
        // when the spent one is presented again
        expectProblem(refresh(login.refreshToken()), 401, ProblemCodes.INVALID_REFRESH_TOKEN);
        // then its descendant stops working too, while another login of the same user is not affected
        expectProblem(refresh(refreshed.refreshToken()), 401, ProblemCodes.INVALID_REFRESH_TOKEN);
        refresh(login("alice").refreshToken()).expectStatus().isOk();
    }

    @Test
    void shouldAnswerInvalidRefreshTokenWithoutAskingKafkaWhenTheTokenIsMalformed() {
        // given
        clearInvocations(client);
        // when / then
        expectProblem(refresh("not-a-token"), 401, ProblemCodes.INVALID_REFRESH_TOKEN);
        expectProblem(refresh("rt1.YWxpY2U.0123456789abcdef.0." + "x".repeat(300)), 401,
                ProblemCodes.INVALID_REFRESH_TOKEN);
        verify(client, never()).request(anyString(), anyString(), any());
    }

    @Test
    void shouldAnswerInvalidRefreshTokenWhenTheSecretIsForged() {
        // given
        String token = login("alice").refreshToken();
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "forged";
        // when / then the forgery is refused and the real token still works
        expectProblem(refresh(forged), 401, ProblemCodes.INVALID_REFRESH_TOKEN);
        refresh(token).expectStatus().isOk();
    }

    @Test
    void shouldAnswerInvalidRequestWhenTheRefreshBodyIsMalformed() {
        expectProblem(post("/api/auth/refresh", "{oops", null), 400, ProblemCodes.INVALID_REQUEST);
        expectProblem(post("/api/auth/refresh", "{}", null), 400, ProblemCodes.INVALID_REQUEST);
        expectProblem(post("/api/auth/refresh", "{\"refreshToken\":12}", null), 400, ProblemCodes.INVALID_REQUEST);
        expectProblem(post("/api/auth/logout", "{}", login("alice").accessToken()), 400,
                ProblemCodes.INVALID_REQUEST);
    }

    @Test
    void shouldStopTheLineAtOnceWhenTheOwnerLogsOut() {
        // given
        IssuedToken login = login("alice");
        // when
        WebTestClient.ResponseSpec response = logout(login.refreshToken(), login.accessToken());
        // then
        response.expectStatus().isNoContent();
        expectProblem(refresh(login.refreshToken()), 401, ProblemCodes.INVALID_REFRESH_TOKEN);
    }

    @Test
    void shouldAnswerUnauthenticatedWhenLogoutHasNoBearerToken() {
        IssuedToken login = login("alice");
        expectProblem(logout(login.refreshToken(), null), 401, ProblemCodes.UNAUTHENTICATED);
        refresh(login.refreshToken()).expectStatus().isOk();
    }

    @Test
    void shouldChangeNothingWhenLogoutPresentsAnotherUsersRefreshToken() {
        // given
        IssuedToken alice = login("alice");
        IssuedToken bob = login("bob");
        // when bob logs out with alice's refresh token
        WebTestClient.ResponseSpec response = logout(alice.refreshToken(), bob.accessToken());
        // then
        expectProblem(response, 401, ProblemCodes.INVALID_REFRESH_TOKEN);
        refresh(alice.refreshToken()).expectStatus().isOk();
        refresh(bob.refreshToken()).expectStatus().isOk();
    }

    private IssuedToken login(String username) {
        return post("/api/auth/token", "{\"username\":\"" + username + "\",\"password\":\"" + TokenWebTest.PASSWORD
                + "\"}", null).expectStatus().isOk().expectBody(IssuedToken.class).returnResult().getResponseBody();
    }

    private WebTestClient.ResponseSpec refresh(String token) {
        return post("/api/auth/refresh", "{\"refreshToken\":\"" + token + "\"}", null);
    }

    private WebTestClient.ResponseSpec logout(String token, String accessToken) {
        return post("/api/auth/logout", "{\"refreshToken\":\"" + token + "\"}", accessToken);
    }

    private WebTestClient.ResponseSpec me(String accessToken) {
        return http.get().uri("/api/users/me").headers(h -> h.setBearerAuth(accessToken)).exchange();
    }

    private WebTestClient.ResponseSpec post(String path, String body, String accessToken) {
        return http.post().uri(path).contentType(MediaType.APPLICATION_JSON).headers(h -> {
            if (accessToken != null) {
                h.setBearerAuth(accessToken);
            }
        }).bodyValue(body).exchange();
    }
}
