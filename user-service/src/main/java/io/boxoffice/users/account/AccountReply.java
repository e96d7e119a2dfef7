package io.boxoffice.users.account;

import java.time.Instant;
import java.util.List;

/**
 * The decider's answer on {@code Topics.USER_REPLIES}, keyed by request id and written to
 * {@code replyPartition} (the sender's), in the same transaction as the change it reports.
 *
 * @param session what a login, refresh or logout came to (null for the others)
 */
public record AccountReply(String requestId, int replyPartition, Outcome outcome, String accountId,
                           String username, List<String> roles, SessionAnswer session) {

    public enum Outcome {
        CREATED,
        UPDATED,
        USERNAME_TAKEN,
        /** LOGIN_BEGIN: check the password against {@code session.passwordHash} (null: no such account). */
        ADMITTED,
        /** LOGIN_BEGIN: the name is locked or busy; do not check, answer 429 after {@code retryAfterMillis}. */
        THROTTLED,
        /** LOGIN_END: the password matched; a refresh line is open. */
        OPENED,
        /** LOGIN_END: the password did not match (or no account); the failure is counted. */
        LOGIN_FAILED,
        /** REFRESH: the token was spent; the line's next generation is live. */
        ROTATED,
        /** LOGOUT: the line is revoked. */
        LOGGED_OUT,
        /** REFRESH or LOGOUT: the token is not a live one of this account; nothing changed unless it was spent. */
        TOKEN_REFUSED,
        /** The command was malformed; nothing changed, and it is in {@code Topics.USER_COMMANDS_DLQ}. */
        REJECTED,
        /** Deciding the command failed on the service's side; nothing changed, and it is in the DLQ. */
        FAILED
    }

    /**
     * @param passwordHash     ADMITTED: the account's bcrypt hash; it stays on this service's own topics
     * @param retryAfterMillis THROTTLED: how long the name stays refused
     * @param generation       OPENED, ROTATED: the generation of the line's live token
     * @param refreshExpiresAt OPENED, ROTATED: when the line ends unless refreshed
     */
    public record SessionAnswer(String passwordHash, long retryAfterMillis, String lineId, int generation,
                                Instant refreshExpiresAt) {
        @Override
        public String toString() {
            return "SessionAnswer[lineId=" + lineId + ", generation=" + generation + ", retryAfterMillis="
                    + retryAfterMillis + "]";
        }
    }

    public AccountReply(String requestId, int replyPartition, Outcome outcome, String accountId, String username,
                        List<String> roles) {
        this(requestId, replyPartition, outcome, accountId, username, roles, null);
    }

    static AccountReply of(AccountCommand command, Outcome outcome, Account account) {
        return of(command, outcome, account, null);
    }

    static AccountReply of(AccountCommand command, Outcome outcome, Account account, SessionAnswer session) {
        return new AccountReply(command.requestId(), command.replyPartition(), outcome,
                account == null ? null : account.id(), account == null ? command.username() : account.username(),
                account == null ? null : account.roles(), session);
    }

    public AccountView view() {
        return new AccountView(accountId, username, roles);
    }
}
