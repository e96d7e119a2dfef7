package io.boxoffice.systemtest;

import static io.boxoffice.systemtest.Api.expect;
import static org.assertj.core.api.Assertions.assertThat;

import io.boxoffice.common.ProblemCodes;
import io.boxoffice.systemtest.Api.Answer;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Registration is decided in order per username, like a seat: of many simultaneous sign-ups of one name
 * exactly one wins, and the account that exists is the winner's (its password logs in, no other does).
 */
@Order(2)
@ExtendWith(SystemExtension.class)
class RegistrationRaceIntegrationTest {
    private static final int CONTENDERS = 24;

    @Test
    void shouldAcceptExactlyOneWhenManyRegisterTheSameUsernameAtOnce(BoxofficeSystem system) {
        // given
        Api api = new Api(system);
        String username = "race." + System.nanoTime();

        // when
        List<Answer> answers = Concurrently.run(CONTENDERS, i -> api.register(username, password(i)));

        // then
        List<Integer> winners = IntStream.range(0, CONTENDERS)
                .filter(i -> answers.get(i).status() == 201).boxed().toList();
        assertThat(winners).as("201 answers among %s", answers).hasSize(1);
        int winner = winners.get(0);
        for (int i = 0; i < CONTENDERS; i++) {
            if (i != winner) {
                assertThat(answers.get(i).status()).as(answers.get(i).toString()).isEqualTo(409);
                assertThat(answers.get(i).code()).isEqualTo(ProblemCodes.USERNAME_TAKEN);
            }
        }
        String token = expect(api.token(username, password(winner)), 200).body().path("accessToken").asString();
        assertThat(expect(api.get("/api/users/me", token), 200).body().path("id").asString())
                .isEqualTo(answers.get(winner).body().path("id").asString());
        assertThat(api.token(username, password((winner + 1) % CONTENDERS)).code())
                .isEqualTo(ProblemCodes.BAD_CREDENTIALS);
    }

    private static String password(int contender) {
        return "password-of-contender-" + contender;
    }
}
