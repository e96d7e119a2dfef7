package io.boxoffice.users.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.boxoffice.common.Stores;
import io.boxoffice.common.Json;
import io.boxoffice.users.account.AccountCommand.Session;
import io.boxoffice.users.account.AccountCommand.Type;
import io.boxoffice.users.account.AccountReply.Outcome;
import io.boxoffice.users.session.RefreshLine;
import io.boxoffice.users.session.RefreshLine.Revocation;
import io.boxoffice.users.session.RefreshToken;
import io.boxoffice.users.session.SessionPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Logins and refresh lines as the account decider decides them, through the production topology. */
class SessionDecisionsTest {
    private static final String HASH = "$2a$10$abcdefghijklmnopqrstuuMlQbZ1q2vXoYc4s8wZ9g7p2m3n4o5p6";
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final Duration TTL = SessionPolicy.DEFAULTS.refreshTtl();

    @TempDir
    Path stateDir;
    private DeciderStandIn decider;
    private int requests;

    @BeforeEach
    void aliceAndBobExist() {
        decider = new DeciderStandIn(stateDir);
        decider.accounts().put("alice", new Account("acc-a", "Alice", null, HASH, List.of(Account.USER), T0, "r-a"));
        decider.accounts().put("bob", new Account("acc-b", "bob", null, HASH, List.of(Account.USER), T0, "r-b"));
    }

    @AfterEach
    void close() {
        decider.close();
    }

    @Test
    void shouldAnswerTheHashAndReserveACheckWhenALoginBegins() {
        // when
        AccountReply begun = begin("Alice", T0);
        AccountReply unknown = begin("nobody", T0);
        // then
        assertThat(begun.outcome()).isEqualTo(Outcome.ADMITTED);
        assertThat(begun.session().passwordHash()).isEqualTo(HASH);
        assertThat(decider.throttles().get("alice").pending()).hasSize(1);
        assertThat(unknown.outcome()).isEqualTo(Outcome.ADMITTED);
        assertThat(unknown.session().passwordHash()).as("no account: the sender checks a dummy hash").isNull();
        assertThat(begun.toString()).doesNotContain(HASH);
    }

    @Test
    void shouldOpenALineAndResetTheThrottleWhenTheCheckSucceeds() {
        // given a failure before
        end(begin("alice", T0), false, null, T0);
        // when
        RefreshToken token = RefreshToken.first("alice", "line000000000001");
        AccountReply opened = end(begin("alice", T0), true, token, T0);
        // then
        assertThat(opened.outcome()).isEqualTo(Outcome.OPENED);
        assertThat(opened.view().id()).isEqualTo("acc-a");
        assertThat(opened.session().generation()).isZero();
        assertThat(opened.session().refreshExpiresAt()).isEqualTo(T0.plus(TTL));
        assertThat(decider.throttles().get("alice")).isNull();
        RefreshLine line = decider.lines().get("alice/line000000000001");
        assertThat(line.accountId()).isEqualTo("acc-a");
        assertThat(line.secretHash()).isEqualTo(token.secretHash());
    }

    @Test
    void shouldCountTheFailureAndOpenNothingWhenTheCheckFails() {
        // when
        AccountReply failed = end(begin("alice", T0), false, null, T0);
        // then
        assertThat(failed.outcome()).isEqualTo(Outcome.LOGIN_FAILED);
        assertThat(decider.throttles().get("alice").failures()).isEqualTo(1);
        assertThat(decider.throttles().get("alice").pending()).isEmpty();
        assertThat(count(decider.lines().all())).isZero();
    }

    @Test
    void shouldThrottleWithTheLocksRemainingTimeWhenFiveChecksFailed() {
        // given
        for (int i = 0; i < 5; i++) {
            end(begin("alice", T0), false, null, T0);
        }
        // when
        AccountReply refused = begin("alice", T0.plusSeconds(10));
        // then
        assertThat(refused.outcome()).isEqualTo(Outcome.THROTTLED);
        assertThat(refused.session().retryAfterMillis()).isEqualTo(20_000);
        assertThat(refused.session().passwordHash()).isNull();
        assertThat(decider.throttles().get("alice").pending()).as("a refusal reserves nothing").isEmpty();
        assertThat(begin("bob", T0.plusSeconds(10)).outcome()).isEqualTo(Outcome.ADMITTED);
    }

    @Test
    void shouldRotateWhenTheCurrentTokenIsPresented() {
        // given
        RefreshToken first = login("alice", T0);
        // when
        RefreshToken second = first.next();
        AccountReply rotated = refresh(first, second, T0.plus(Duration.ofDays(1)));
        // then the line moves on and lives another full TTL from now
        assertThat(rotated.outcome()).isEqualTo(Outcome.ROTATED);
        assertThat(rotated.session().generation()).isEqualTo(1);
        assertThat(rotated.session().refreshExpiresAt()).isEqualTo(T0.plus(Duration.ofDays(1)).plus(TTL));
        assertThat(rotated.view().username()).isEqualTo("Alice");
        assertThat(refresh(second, second.next(), T0.plus(Duration.ofDays(2))).outcome()).isEqualTo(Outcome.ROTATED);
    }

    @Test
    void shouldRevokeTheWholeLineWhenASpentTokenIsPresented() {
        // given a token refreshed once: the first is spent, the second live
        RefreshToken first = login("alice", T0);
        RefreshToken second = first.next();
        refresh(first, second, T0);
        // when the spent one comes back
        AccountReply theft = refresh(first, first.next(), T0.plusSeconds(5));
        // then it is refused, and so is the live one from now on
        assertThat(theft.outcome()).isEqualTo(Outcome.TOKEN_REFUSED);
        assertThat(decider.lines().get(lineKey(first)).revokedBecause()).isEqualTo(Revocation.REUSE);
        assertThat(refresh(second, second.next(), T0.plusSeconds(6)).outcome()).isEqualTo(Outcome.TOKEN_REFUSED);
    }

    @Test
    void shouldChangeNothingWhenTheSecretIsWrong() {
        // given
        RefreshToken token = login("alice", T0);
        RefreshLine before = decider.lines().get(lineKey(token));
        // when a forged token names the line and its generation
        RefreshToken forged = new RefreshToken("alice", token.lineId(), 0, "forged-secret");
        AccountReply reply = refresh(forged, forged.next(), T0);
        AccountReply ahead = refresh(token.next(), token.next().next(), T0);
        // then
        assertThat(reply.outcome()).isEqualTo(Outcome.TOKEN_REFUSED);
        assertThat(ahead.outcome()).isEqualTo(Outcome.TOKEN_REFUSED);
        assertThat(decider.lines().get(lineKey(token))).isEqualTo(before);
        assertThat(refresh(token, token.next(), T0).outcome()).isEqualTo(Outcome.ROTATED);
    }

    @Test
    void shouldRefuseWhenTheLineExpired() {
        // given
        RefreshToken token = login("alice", T0);
        // when
        AccountReply late = refresh(token, token.next(), T0.plus(TTL));
        // then
        assertThat(late.outcome()).isEqualTo(Outcome.TOKEN_REFUSED);
    }

    @Test
    void shouldAnswerTheSameWhenARefreshIsSentAgain() {
        // given a refresh whose answer was lost
        RefreshToken token = login("alice", T0);
        RefreshToken next = token.next();
        AccountCommand command = refreshCommand(token, next);
        AccountReply first = decider.decide(command, T0);
        // when the same request arrives again
        AccountReply again = decider.decide(command, T0.plusSeconds(1));
        // then it is not taken for a theft
        assertThat(again).isEqualTo(first);
        assertThat(decider.lines().get(lineKey(token)).revokedAt()).isNull();
    }

    @Test
    void shouldChangeNothingWhenLogoutComesFromAnotherAccount() {
        // given
        RefreshToken token = login("alice", T0);
        // when bob's access token presents alice's refresh token
        AccountReply reply = logout(token, "acc-b", T0);
        // then
        assertThat(reply.outcome()).isEqualTo(Outcome.TOKEN_REFUSED);
        assertThat(decider.lines().get(lineKey(token)).revokedAt()).isNull();
        assertThat(refresh(token, token.next(), T0).outcome()).isEqualTo(Outcome.ROTATED);
    }

    @Test
    void shouldRevokeWhenTheOwnerLogsOut() {
        // given
        RefreshToken token = login("alice", T0);
        // when
        AccountReply reply = logout(token, "acc-a", T0);
        // then
        assertThat(reply.outcome()).isEqualTo(Outcome.LOGGED_OUT);
        assertThat(refresh(token, token.next(), T0).outcome()).isEqualTo(Outcome.TOKEN_REFUSED);
        assertThat(logout(token, "acc-a", T0).outcome()).as("a new logout of a revoked line")
                .isEqualTo(Outcome.TOKEN_REFUSED);
    }

    @Test
    void shouldRefuseLogoutWithASpentTokenAndChangeNothing() {
        // given
        RefreshToken first = login("alice", T0);
        refresh(first, first.next(), T0);
        // when
        AccountReply reply = logout(first, "acc-a", T0);
        // then
        assertThat(reply.outcome()).isEqualTo(Outcome.TOKEN_REFUSED);
        assertThat(decider.lines().get(lineKey(first)).revokedAt()).isNull();
    }

    @Test
    void shouldStoreOnlyHashesWhenLinesAreWritten() {
        // given
        RefreshToken first = login("alice", T0);
        RefreshToken second = first.next();
        refresh(first, second, T0);
        // then no stored byte holds a secret
        String stored = new String(Json.MAPPER.writeValueAsBytes(decider.lines().get(lineKey(first))));
        assertThat(stored).doesNotContain(first.secret()).doesNotContain(second.secret())
                .contains(second.secretHash());
    }

    @Test
    void shouldRemoveExpiredLinesAndForgottenThrottlesWhenTheSweepRuns() {
        // given a line and a failure made long ago, and a line made now
        RefreshToken old = login("alice", Instant.now().minus(TTL).minusSeconds(1));
        end(begin("bob", Instant.now().minus(Duration.ofDays(2))), false, null, Instant.now().minus(Duration.ofDays(2)));
        RefreshToken fresh = login("alice", Instant.now());
        // when
        decider.advanceWallClock(AccountDecider.SWEEP_INTERVAL);
        // then
        assertThat(decider.lines().get(lineKey(old))).isNull();
        assertThat(decider.lines().get(lineKey(fresh))).isNotNull();
        assertThat(decider.throttles().get("bob")).isNull();
    }

    private RefreshToken login(String username, Instant at) {
        RefreshToken token = RefreshToken.first(Account.keyOf(username), String.format("line%012d", requests++));
        assertThat(end(begin(username, at), true, token, at).outcome()).isEqualTo(Outcome.OPENED);
        return token;
    }

    private AccountReply begin(String username, Instant at) {
        return decider.decide(new AccountCommand(Type.LOGIN_BEGIN, "req-" + requests++, null, username, null, null, 0,
                null), at);
    }

    private AccountReply end(AccountReply begun, boolean ok, RefreshToken token, Instant at) {
        return decider.decide(new AccountCommand(Type.LOGIN_END, "req-" + requests++, null, begun.username(), null,
                null, 0, new Session(begun.requestId(), ok, token == null ? null : token.lineId(), 0,
                token == null ? null : token.secretHash(), null)), at);
    }

    private AccountReply refresh(RefreshToken presented, RefreshToken next, Instant at) {
        return decider.decide(refreshCommand(presented, next), at);
    }

    private AccountCommand refreshCommand(RefreshToken presented, RefreshToken next) {
        return new AccountCommand(Type.REFRESH, "req-" + requests++, null, presented.usernameKey(), null, null, 0,
                new Session(null, false, presented.lineId(), presented.generation(), presented.secretHash(),
                        next.secretHash()));
    }

    private AccountReply logout(RefreshToken presented, String accountId, Instant at) {
        return decider.decide(new AccountCommand(Type.LOGOUT, "req-" + requests++, accountId, presented.usernameKey(),
                null, null, 0, new Session(null, false, presented.lineId(), presented.generation(),
                presented.secretHash(), null)), at);
    }

    private static String lineKey(RefreshToken token) {
        return Stores.compositeKey(token.usernameKey(), token.lineId());
    }

    private static long count(KeyValueIterator<String, RefreshLine> all) {
        try (all) {
            long n = 0;
            while (all.hasNext()) {
                KeyValue<String, RefreshLine> ignored = all.next();
                n++;
            }
            return n;
        }
    }
}
