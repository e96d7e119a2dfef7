package io.boxoffice.users.account;

import io.boxoffice.common.Stores;

/**
 * A command on {@code Topics.USER_COMMANDS}, keyed by the lower-cased username so that every command
 * about one name (registrations, login attempts, refreshes and logouts of its sessions) is decided in order by
 * one writer. Passwords travel only as bcrypt hashes, refresh-token secrets only as SHA-256 hashes.
 *
 * @param accountId      the id a new account gets, chosen by the sender so a retry names the same account; for a
 *                       logout, the caller's account (from its access token)
 * @param replyPartition the partition of {@code Topics.USER_REPLIES} the sender reads
 * @param session        what a login, refresh or logout is about (null for the others)
 */
public record AccountCommand(Type type, String requestId, String accountId, String username, String email,
                             String passwordHash, int replyPartition, Session session) {

    public enum Type {
        /** Create an account with role USER unless the name is taken. */
        REGISTER,
        /** Create the admin account, or reset its password hash and roles. */
        ENSURE_ADMIN,
        /** A login attempt: admitted (reserving a password check, answering the hash) or throttled. */
        LOGIN_BEGIN,
        /** The admitted check's result: a success opens a refresh line, a failure counts towards the lock. */
        LOGIN_END,
        /** Spend the line's current refresh token for the next one. */
        REFRESH,
        /** Revoke the line of the caller's own current refresh token. */
        LOGOUT
    }

    /**
     * @param attemptId  LOGIN_END: the request id of the LOGIN_BEGIN that admitted the check
     * @param passwordOk LOGIN_END: whether the password matched
     * @param lineId     LOGIN_END (the new line, when the password matched), REFRESH, LOGOUT
     * @param generation REFRESH, LOGOUT: the presented token's generation
     * @param secretHash the presented token's secret hash (LOGIN_END: the new line's first)
     * @param nextHash   REFRESH: the hash of the secret that replaces it
     */
    public record Session(String attemptId, boolean passwordOk, String lineId, int generation, String secretHash,
                          String nextHash) {
    }

    public AccountCommand(Type type, String requestId, String accountId, String username, String email,
                          String passwordHash, int replyPartition) {
        this(type, requestId, accountId, username, email, passwordHash, replyPartition, null);
    }

    String key() {
        return Account.keyOf(username);
    }

    /** The key of the refresh line this command is about, in {@code Stores.SESSIONS}. */
    String lineKey() {
        return Stores.compositeKey(key(), session.lineId());
    }

    boolean wellFormed() {
        if (type == null || requestId == null || !Account.isValidUsername(username) || replyPartition < 0) {
            return false;
        }
        return switch (type) {
            case REGISTER, ENSURE_ADMIN -> accountId != null && passwordHash != null && passwordHash.startsWith("$2");
            case LOGIN_BEGIN -> true;
            case LOGIN_END -> session != null && session.attemptId() != null
                    && (!session.passwordOk() || (session.lineId() != null && session.secretHash() != null));
            case REFRESH -> hasLine() && session.nextHash() != null;
            case LOGOUT -> hasLine() && accountId != null;
        };
    }

    private boolean hasLine() {
        return session != null && session.lineId() != null && !session.lineId().isEmpty()
                && session.lineId().indexOf(Stores.KEY_SEPARATOR) < 0 && session.generation() >= 0
                && session.secretHash() != null;
    }

    @Override
    public String toString() {
        return "AccountCommand[type=" + type + ", requestId=" + requestId + ", username=" + username + "]";
    }
}
