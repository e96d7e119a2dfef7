package io.boxoffice.systemtest;

import static io.boxoffice.systemtest.Api.expect;
import static org.assertj.core.api.Assertions.assertThat;

import io.boxoffice.common.ProblemCodes;
import io.boxoffice.systemtest.Api.Answer;
import io.boxoffice.systemtest.Api.User;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sessions on the whole system: refresh tokens spent on any gateway and any user-service, theft detection,
 * logout, the login throttle surviving a restart of every user-service, and the password bulkhead shedding at once.
 */
@ExtendWith(SystemExtension.class)
@Order(17)
class SessionsIntegrationTest {
    private static final int PASSWORD_FLOOD = 24;

    private static List<Api> gateways;

    @BeforeAll
    static void reachTwoGateways(BoxofficeSystem system) {
        gateways = List.of(new Api(system), Api.at(system.secondGateway()));
    }

    @Test
    void shouldRefreshOnEveryInstanceAndRevokeTheLineWhenASpentTokenReturns() {
        // given a login on one gateway
        User alice = gateways.get(0).newUser("alice");
        JsonPair pair = JsonPair.of(expect(gateways.get(0).token(alice.username(), alice.password()), 200));
        List<String> spent = new ArrayList<>();

        // when the session is refreshed six times, alternating gateways (whose user-service calls alternate too)
        for (int i = 0; i < 6; i++) {
            Api gateway = gateways.get(i % 2);
            spent.add(pair.refreshToken());
            pair = JsonPair.of(expect(gateway.refresh(pair.refreshToken()), 200));
            // then every new access token works on both gateways
            for (Api any : gateways) {
                assertThat(expect(any.get("/api/users/me", pair.accessToken()), 200).body().path("id").asString())
                        .isEqualTo(alice.id());
            }
        }

        // when a spent token comes back, on the other gateway
        Answer theft = gateways.get(1).refresh(spent.get(2));

        // then it is refused, and the whole line with it
        assertThat(theft.status()).isEqualTo(401);
        assertThat(theft.code()).isEqualTo(ProblemCodes.INVALID_REFRESH_TOKEN);
        Answer newest = gateways.get(0).refresh(pair.refreshToken());
        assertThat(newest.code()).as(newest.toString()).isEqualTo(ProblemCodes.INVALID_REFRESH_TOKEN);
        // and a new login is a new line
        JsonPair again = JsonPair.of(expect(gateways.get(0).token(alice.username(), alice.password()), 200));
        expect(gateways.get(1).refresh(again.refreshToken()), 200);
    }

    @Test
    void shouldStopTheLineAtOnceWhenLoggedOutAndIgnoreAnotherUsersToken() {
        // given
        Api api = gateways.get(0);
        User alice = api.newUser("alice");
        User bob = api.newUser("bob");
        JsonPair alices = JsonPair.of(expect(api.token(alice.username(), alice.password()), 200));
        JsonPair bobs = JsonPair.of(expect(api.token(bob.username(), bob.password()), 200));

        // when bob presents alice's refresh token, and someone presents none at all
        Answer foreign = gateways.get(1).logout(bobs.accessToken(), alices.refreshToken());
        Answer anonymous = gateways.get(1).logout(null, alices.refreshToken());

        // then neither changes anything
        assertThat(foreign.status()).isEqualTo(401);
        assertThat(foreign.code()).isEqualTo(ProblemCodes.INVALID_REFRESH_TOKEN);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.code()).isEqualTo(ProblemCodes.UNAUTHENTICATED);
        alices = JsonPair.of(expect(api.refresh(alices.refreshToken()), 200));

        // when alice logs out
        expect(gateways.get(1).logout(alices.accessToken(), alices.refreshToken()), 204);

        // then her token stops at once, on every gateway, and bob's session goes on
        for (Api any : gateways) {
            assertThat(any.refresh(alices.refreshToken()).code()).isEqualTo(ProblemCodes.INVALID_REFRESH_TOKEN);
        }
        expect(api.refresh(bobs.refreshToken()), 200);
    }

    @Test
    void shouldKeepTheLockWhenEveryUserServiceRestartsOnEmptyState(BoxofficeSystem system) {
        // given a name locked after five failed logins
        Api api = gateways.get(0);
        User carol = api.newUser("carol");
        for (int i = 0; i < 5; i++) {
            assertThat(api.token(carol.username(), "wrong-" + i).code()).isEqualTo(ProblemCodes.BAD_CREDENTIALS);
        }
        Answer locked = api.token(carol.username(), carol.password());
        assertThat(locked.status()).as(locked.toString()).isEqualTo(429);
        assertThat(locked.code()).isEqualTo(ProblemCodes.TOO_MANY_ATTEMPTS);
        long lockedAt = System.nanoTime();

        // when both user-services die, and come back with nothing on disk
        for (int i = 0; i < BoxofficeSystem.USER_SERVICES; i++) {
            system.killUserService(i);
        }
        Concurrently.run(BoxofficeSystem.USER_SERVICES, system::restartUserService);

        // then the right password is still refused, unchecked, for what is left of the lock, on any gateway
        for (Api any : gateways) {
            Answer after = any.token(carol.username(), carol.password());
            assertThat(after.status()).as(after.toString()).isEqualTo(429);
            long left = BoxofficeSystem.LOGIN_LOCK.minus(Duration.ofNanos(System.nanoTime() - lockedAt)).toSeconds();
            assertThat(Long.parseLong(after.header("Retry-After").orElseThrow())).isBetween(1L, left + 2);
        }
        // and other names log in
        User dave = api.newUser("dave");
        expect(gateways.get(1).token(dave.username(), dave.password()), 200);
    }

    @Test
    void shouldShedPasswordChecksAtOnceWhenMoreArriveThanTheBulkheadTakes() {
        // given users that exist
        Api api = gateways.get(0);
        List<User> users = api.newUsers("flood", PASSWORD_FLOOD);

        // when they all log in at the same moment, once each
        List<Timed> answers = Concurrently.run(PASSWORD_FLOOD, i -> {
            long start = System.nanoTime();
            Answer answer = gateways.get(i % 2).tokenOnce(users.get(i).username(), users.get(i).password());
            return new Timed(answer, Duration.ofNanos(System.nanoTime() - start));
        });

        // then each is a pair, or a 503 overloaded that says when to come back and did not queue
        List<Timed> shed = answers.stream().filter(t -> t.answer().status() == 503).toList();
        assertThat(answers).allSatisfy(t -> assertThat(t.answer().status()).as(t.answer().toString()).isIn(200, 503));
        assertThat(shed).as("two user-services take a few checks each, not %d", PASSWORD_FLOOD).isNotEmpty();
        assertThat(shed).allSatisfy(t -> {
            assertThat(t.answer().code()).isEqualTo(ProblemCodes.OVERLOADED);
            assertThat(t.answer().header("Retry-After")).contains("1");
            assertThat(t.took()).isLessThan(Duration.ofSeconds(2));
        });
        assertThat(answers).anySatisfy(t -> assertThat(t.answer().status()).isEqualTo(200));
    }

    private record Timed(Answer answer, Duration took) {
    }

    /** The token pair of a login or refresh answer. */
    private record JsonPair(String accessToken, String refreshToken) {
        static JsonPair of(Answer answer) {
            return new JsonPair(answer.body().path("accessToken").asString(),
                    answer.body().path("refreshToken").asString());
        }
    }
}
