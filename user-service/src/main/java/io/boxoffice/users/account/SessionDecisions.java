package io.boxoffice.users.account;

import io.boxoffice.common.Stores;
import io.boxoffice.users.account.AccountReply.Outcome;
import io.boxoffice.users.account.AccountReply.SessionAnswer;
import io.boxoffice.users.session.LoginRules;
import io.boxoffice.users.session.LoginThrottle;
import io.boxoffice.users.session.RefreshLine;
import io.boxoffice.users.session.RefreshLine.Revocation;
import io.boxoffice.users.session.SessionPolicy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The account decider's decisions about logins and refresh lines, for commands keyed by one username: the login
 * throttle ({@link LoginRules}) in {@link Stores#LOGIN_THROTTLES} and refresh lines in {@link Stores#SESSIONS}.
 * Each decision is computed in full before its writes run, and is a pure function of the command, its timestamp
 * and the stores, so a replay after an aborted transaction decides the same. The password itself is never
 * checked here: bcrypt would stall every name of the partition, so the sender checks between LOGIN_BEGIN and
 * LOGIN_END.
 */
final class SessionDecisions {
    private final SessionPolicy policy;
    private final KeyValueStore<String, Account> accounts;
    private final KeyValueStore<String, LoginThrottle> throttles;
    private final KeyValueStore<String, RefreshLine> lines;

    SessionDecisions(SessionPolicy policy, KeyValueStore<String, Account> accounts,
                     KeyValueStore<String, LoginThrottle> throttles, KeyValueStore<String, RefreshLine> lines) {
        this.policy = policy;
        this.accounts = accounts;
        this.throttles = throttles;
        this.lines = lines;
    }

    /** What a decision answers and, once it is complete, writes. */
    record Decision(AccountReply reply, Runnable writes) {
        static Decision answer(AccountReply reply) {
            return new Decision(reply, () -> { });
        }
    }

    Decision loginBegin(String key, AccountCommand command, Instant at) {
        LoginRules.Admission admission = policy.login().begin(throttles.get(key), command.requestId(), at);
        if (!admission.admitted()) {
            return Decision.answer(AccountReply.of(command, Outcome.THROTTLED, null,
                    new SessionAnswer(null, admission.retryAfter().toMillis(), null, 0, null)));
        }
        Account account = account(key);
        return new Decision(AccountReply.of(command, Outcome.ADMITTED, account,
                new SessionAnswer(account == null ? null : account.passwordHash(), 0, null, 0, null)),
                () -> throttles.put(key, admission.next()));
    }

    Decision loginEnd(String key, AccountCommand command, Instant at) {
        AccountCommand.Session session = command.session();
        Account account = session.passwordOk() ? account(key) : null;
        boolean succeeded = account != null;
        LoginThrottle stored = throttles.get(key);
        LoginThrottle next = policy.login().end(stored, session.attemptId(), succeeded, at);
        Runnable throttleWrite = next == null ? () -> throttles.delete(key) : () -> throttles.put(key, next);
        if (!succeeded) {
            return new Decision(AccountReply.of(command, Outcome.LOGIN_FAILED, null), throttleWrite);
        }
        RefreshLine line = RefreshLine.open(account.id(), session.secretHash(), at, policy.refreshTtl(),
                command.requestId());
        return new Decision(AccountReply.of(command, Outcome.OPENED, account, opened(session.lineId(), line)), () -> {
            throttleWrite.run();
            lines.put(command.lineKey(), line);
        });
    }

    Decision refresh(String key, AccountCommand command, Instant at) {
        AccountCommand.Session session = command.session();
        String lineKey = command.lineKey();
        RefreshLine line = lines.get(lineKey);
        if (line == null || !line.live(at)) {
            return refused(command);
        }
        Account account = account(key);
        if (account == null || !account.id().equals(line.accountId())) {
            return refused(command);
        }
        // The same request sent again (its answer was lost): the same answer, not a theft.
        if (command.requestId().equals(line.lastRequestId()) && line.generation() == session.generation() + 1
                && same(line.secretHash(), session.nextHash())) {
            return Decision.answer(AccountReply.of(command, Outcome.ROTATED, account, opened(session.lineId(), line)));
        }
        if (session.generation() < line.generation()) {
            // A spent token came back: whoever holds the line's tokens, one of them is not its owner.
            RefreshLine revoked = line.revoked(Revocation.REUSE, at, command.requestId());
            return new Decision(AccountReply.of(command, Outcome.TOKEN_REFUSED, null),
                    () -> lines.put(lineKey, revoked));
        }
        if (session.generation() != line.generation() || !same(line.secretHash(), session.secretHash())) {
            return refused(command);
        }
        RefreshLine rotated = line.rotated(session.nextHash(), at, policy.refreshTtl(), command.requestId());
        return new Decision(AccountReply.of(command, Outcome.ROTATED, account, opened(session.lineId(), rotated)),
                () -> lines.put(lineKey, rotated));
    }

    Decision logout(AccountCommand command, Instant at) {
        AccountCommand.Session session = command.session();
        String lineKey = command.lineKey();
        RefreshLine line = lines.get(lineKey);
        if (line == null || !line.accountId().equals(command.accountId())) {
            return refused(command);
        }
        if (line.revokedBecause() == Revocation.LOGOUT && command.requestId().equals(line.lastRequestId())) {
            return Decision.answer(AccountReply.of(command, Outcome.LOGGED_OUT, null));
        }
        if (!line.live(at) || session.generation() != line.generation()
                || !same(line.secretHash(), session.secretHash())) {
            return refused(command);
        }
        RefreshLine revoked = line.revoked(Revocation.LOGOUT, at, command.requestId());
        return new Decision(AccountReply.of(command, Outcome.LOGGED_OUT, null), () -> lines.put(lineKey, revoked));
    }

    private Account account(String key) {
        Account account = accounts.get(key);
        return account != null && Account.usable(key, account) ? account : null;
    }

    private static Decision refused(AccountCommand command) {
        return Decision.answer(AccountReply.of(command, Outcome.TOKEN_REFUSED, null));
    }

    private static SessionAnswer opened(String lineId, RefreshLine line) {
        return new SessionAnswer(null, 0, lineId, line.generation(), line.expiresAt());
    }

    private static boolean same(String storedHash, String presentedHash) {
        return storedHash != null && presentedHash != null && MessageDigest.isEqual(
                storedHash.getBytes(StandardCharsets.US_ASCII), presentedHash.getBytes(StandardCharsets.US_ASCII));
    }

    /** Whether a stored line still matters at {@code now}: until it expires (revoked ones too). */
    static boolean kept(RefreshLine line, Instant now) {
        return RefreshLine.usable(line) && line.expiresAt().isAfter(now);
    }
}
