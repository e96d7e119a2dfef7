package io.boxoffice.users.account;

/**
 * A command on {@code Topics.USER_COMMANDS}, keyed by the lower-cased username so that every command
 * about one name is decided in order by one writer. Passwords travel only as bcrypt hashes.
 *
 * @param accountId      the id a new account gets; chosen by the sender so a retry names the same account
 * @param replyPartition the partition of {@code Topics.USER_REPLIES} the sender reads
 */
public record AccountCommand(Type type, String requestId, String accountId, String username, String email,
                             String passwordHash, int replyPartition) {

    public enum Type {
        /** Create an account with role USER unless the name is taken. */
        REGISTER,
        /** Create the admin account, or reset its password hash and roles. */
        ENSURE_ADMIN
    }

    String key() {
        return Account.keyOf(username);
    }

    boolean wellFormed() {
        return type != null && requestId != null && accountId != null && Account.isValidUsername(username)
                && passwordHash != null && passwordHash.startsWith("$2") && replyPartition >= 0;
    }

    @Override
    public String toString() {
        return "AccountCommand[type=" + type + ", requestId=" + requestId + ", username=" + username + "]";
    }
}
