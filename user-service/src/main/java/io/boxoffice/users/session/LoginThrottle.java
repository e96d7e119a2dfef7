package io.boxoffice.users.session;

import java.time.Instant;
import java.util.List;

/**
 * What {@code Stores.LOGIN_THROTTLES} keeps of one username's recent logins: consecutive failures, the lock they
 * caused, and the password checks admitted but not yet reported ({@code pending}), which count against the
 * allowance so that concurrent attempts on any instances cannot check more passwords than it allows. Kept for
 * names with no account too, so a lock tells nothing about whether the account exists.
 */
public record LoginThrottle(int failures, Instant lockedUntil, Instant lastFailureAt, List<PendingCheck> pending) {

    /** A password check admitted by the writer; if its result never arrives, it lapses at {@code expiresAt}. */
    public record PendingCheck(String attemptId, Instant expiresAt) {
    }

    public static final LoginThrottle NONE = new LoginThrottle(0, null, null, List.of());

    public LoginThrottle {
        pending = pending == null ? List.of() : List.copyOf(pending);
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    boolean isPending(String attemptId) {
        return pending.stream().anyMatch(check -> check.attemptId().equals(attemptId));
    }

    public static boolean usable(LoginThrottle throttle) {
        return throttle.failures() >= 0 && throttle.pending().stream()
                .allMatch(check -> check.attemptId() != null && check.expiresAt() != null);
    }
}
