package io.boxoffice.users.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.boxoffice.common.ProblemCodes;
import io.boxoffice.users.account.AccountCommand;
import io.boxoffice.users.account.AccountReply;
import io.boxoffice.users.account.AccountReply.Outcome;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

class RegistrationWebTest extends WebTestSupport {

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"username\":\"ab\",\"password\":\"long-enough\"}",
            "{\"username\":\"bad name!\",\"password\":\"long-enough\"}",
            "{\"username\":\"abcdefghijklmnopqrstuvwxyz0123456\",\"password\":\"long-enough\"}",
            "{\"username\":\"alice\",\"password\":\"short\"}",
            "{\"username\":\"alice\"}",
            "{\"username\":\"alice\",\"password\":\"long-enough\",\"email\":\"no-at-sign\"}",
            "{\"username\":\"alice\",\"password\":\"long-enough\",\"email\":\"a@b@c\"}",
            "{\"username\":123,\"password\":\"long-enough\"}",
            "{\"username\":\"alice\",\"password\":[\"long-enough\"]}",
            "{\"username\":\"alice\",\"password\":true}",
            "{\"username\":\"alice\",",
            "not json",
            "[]"})
    void shouldAnswerInvalidRequestAndSendNothingWhenBodyBreaksTheContract(String body) {
        // when
        WebTestClient.ResponseSpec response = register(body);
        // then
        expectProblem(response, 400, ProblemCodes.INVALID_REQUEST);
        verify(client, never()).request(anyString(), anyString(), any());
    }

    @Test
    void shouldExplainTheBcryptLimitWhenPasswordHas73Bytes() {
        // given 36 two-byte characters and one more byte: 37 characters, 73 bytes
        String password = "é".repeat(36) + "x";
        // when
        WebTestClient.ResponseSpec response = register("{\"username\":\"alice\",\"password\":\"" + password + "\"}");
        // then
        expectProblem(response, 400, ProblemCodes.INVALID_REQUEST).jsonPath("$.detail").value(detail ->
                assertThat((String) detail).contains("72 bytes"));
    }

    @Test
    void shouldSendOnlyTheHashKeyedByLowerCasedNameAndAnswer201WhenDeciderCreates() {
        // given
        answer(Outcome.CREATED);
        String password = "é".repeat(36); // 72 bytes: the longest accepted
        // when
        WebTestClient.ResponseSpec response = register(
                "{\"username\":\"Alice.B\",\"password\":\"" + password + "\",\"email\":\"alice@example.org\"}");
        // then
        response.expectStatus().isCreated()
                .expectBody().jsonPath("$.id").isEqualTo("acc-1").jsonPath("$.username").isEqualTo("Alice.B");
        ArgumentCaptor<AccountCommand> sent = ArgumentCaptor.forClass(AccountCommand.class);
        verify(client).request(org.mockito.ArgumentMatchers.eq("alice.b"), anyString(), sent.capture());
        AccountCommand command = sent.getValue();
        assertThat(command.type()).isEqualTo(AccountCommand.Type.REGISTER);
        assertThat(command.passwordHash()).startsWith("$2").doesNotContain(password);
        assertThat(new BCryptPasswordEncoder().matches(password, command.passwordHash())).isTrue();
        assertThat(command.email()).isEqualTo("alice@example.org");
    }

    @Test
    void shouldAnswerUsernameTakenWhenDeciderSaysSo() {
        // given
        answer(Outcome.USERNAME_TAKEN);
        // when
        WebTestClient.ResponseSpec response = register("{\"username\":\"alice\",\"password\":\"long-enough\"}");
        // then
        expectProblem(response, 409, ProblemCodes.USERNAME_TAKEN);
    }

    @Test
    void shouldAnswerTimeoutWhenNoReplyArrives() {
        // given
        when(client.request(anyString(), anyString(), any())).thenReturn(Mono.error(new TimeoutException("late")));
        // when
        WebTestClient.ResponseSpec response = register("{\"username\":\"alice\",\"password\":\"long-enough\"}");
        // then
        expectProblem(response, 504, ProblemCodes.TIMEOUT);
    }

    @Test
    void shouldAnswerUnavailableWhenKafkaClientIsNotReady() {
        // given
        when(client.ready()).thenReturn(false);
        // when
        WebTestClient.ResponseSpec response = register("{\"username\":\"alice\",\"password\":\"long-enough\"}");
        // then
        expectProblem(response, 503, ProblemCodes.UNAVAILABLE);
    }

    private void answer(Outcome outcome) {
        when(client.request(anyString(), anyString(), any())).thenAnswer(call -> {
            AccountCommand command = call.getArgument(2);
            return Mono.just(new AccountReply(command.requestId(), 0, outcome, "acc-1", command.username(),
                    List.of("USER")));
        });
    }

    private WebTestClient.ResponseSpec register(String body) {
        return http.post().uri("/api/users").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    static WebTestClient.BodyContentSpec expectProblem(WebTestClient.ResponseSpec response, int status, String code) {
        return response.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo(code).jsonPath("$.status").isEqualTo(status);
    }
}
