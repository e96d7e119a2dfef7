package io.boxoffice.users.account;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An account as stored in {@code Stores.ACCOUNTS} and published on {@code Topics.USERS}, keyed by
 * {@link #keyOf lower-cased username}. The username keeps the case it was registered with.
 * Invariant: {@code passwordHash} is a bcrypt hash and never leaves this service's Kafka topics and
 * stores (see {@link #view()} for what may be shown).
 *
 * @param requestId the request that created the account: a retry of it is answered with the original 201
 */
public record Account(String id, String username, String email, String passwordHash, List<String> roles,
                      Instant createdAt, String requestId) {
    public static final String USER = "USER";
    public static final String ADMIN = "ADMIN";
    /** The account {@code ENSURE_ADMIN} manages; no one can register it. */
    public static final String ADMIN_USERNAME = "admin";

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.-]{3,32}");

    /** The key of an account: usernames are unique regardless of case. */
    public static String keyOf(String username) {
        return username.toLowerCase(Locale.ROOT);
    }

    public static boolean isValidUsername(String username) {
        return username != null && USERNAME.matcher(username).matches();
    }

    /** Whether a stored account may be used to log in and be shown: what the decider always writes. */
    public static boolean usable(String key, Account account) {
        return account.id() != null && isValidUsername(account.username()) && keyOf(account.username()).equals(key)
                && account.passwordHash() != null && account.roles() != null;
    }

    public AccountView view() {
        return new AccountView(id, username, roles);
    }

    @Override
    public String toString() {
        return "Account[id=" + id + ", username=" + username + ", roles=" + roles + ", createdAt=" + createdAt + "]";
    }
}
