package io.boxoffice.users.session;

import io.boxoffice.users.session.LoginThrottle.PendingCheck;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The login throttle's rules, pure so that the account decider applies them and tests pin them down. After
 * {@code maxFailures} consecutive failed checks a username is locked for {@code lockBase}; each failure after that
 * (one check is allowed when a lock ends) locks it for twice as long as the one before, up to {@code lockMax}. A
 * success forgets everything; an attempt refused while locked is not a failure. Failures are forgotten
 * {@code memory} after the last one or the lock's end.
 *
 * @param pendingTtl how long an admitted check may take to report before its reservation lapses (a crashed
 *                   instance must not hold the allowance for ever)
 */
public record LoginRules(int maxFailures, Duration lockBase, Duration lockMax, Duration pendingTtl, Duration memory) {
    /** What a refusal while checks are in flight (not a lock) asks the client to wait. */
    static final Duration BUSY_RETRY = Duration.ofSeconds(1);

    public static final LoginRules DEFAULTS = new LoginRules(5, Duration.ofSeconds(30), Duration.ofMinutes(15),
            Duration.ofSeconds(30), Duration.ofDays(1));

    public LoginRules {
        if (maxFailures < 1 || lockBase.compareTo(Duration.ofSeconds(30)) < 0 || lockMax.compareTo(lockBase) < 0
                || pendingTtl.isNegative() || pendingTtl.isZero() || memory.compareTo(lockMax) < 0) {
            throw new IllegalArgumentException("Login throttling needs maxFailures >= 1, a lock of at least 30 s "
                    + "(the contract's minimum), lockMax >= lock, pendingTtl > 0 and memory >= lockMax");
        }
    }

    /** Whether a check was admitted; if not, how long to wait. {@code next} is what to store (null: unchanged). */
    public record Admission(boolean admitted, Duration retryAfter, LoginThrottle next) {
    }

    /** A new attempt {@code attemptId} at {@code now}: admitted (and reserved) or refused without a check. */
    public Admission begin(LoginThrottle stored, String attemptId, Instant now) {
        LoginThrottle throttle = current(stored, now);
        if (throttle.lockedAt(now)) {
            return new Admission(false, Duration.between(now, throttle.lockedUntil()), null);
        }
        // After a lock ends the name gets one check at a time; its failure locks again, for longer.
        int allowance = throttle.failures() >= maxFailures ? 1 : maxFailures - throttle.failures();
        if (throttle.pending().size() >= allowance) {
            return new Admission(false, BUSY_RETRY, null);
        }
        List<PendingCheck> pending = new ArrayList<>(throttle.pending());
        pending.add(new PendingCheck(attemptId, now.plus(pendingTtl)));
        return new Admission(true, null, new LoginThrottle(throttle.failures(), throttle.lockedUntil(),
                throttle.lastFailureAt(), pending));
    }

    /**
     * The result of check {@code attemptId}: a success forgets the name (null), a failure counts and may lock. A
     * result whose reservation is gone (lapsed, or reset by a success) counts nothing more.
     */
    public LoginThrottle end(LoginThrottle stored, String attemptId, boolean succeeded, Instant now) {
        if (succeeded) {
            return null;
        }
        LoginThrottle throttle = current(stored, now);
        if (!throttle.isPending(attemptId)) {
            return throttle;
        }
        List<PendingCheck> pending = throttle.pending().stream()
                .filter(check -> !check.attemptId().equals(attemptId)).toList();
        int failures = throttle.failures() + 1;
        Instant lockedUntil = failures >= maxFailures ? now.plus(lockFor(failures)) : throttle.lockedUntil();
        return new LoginThrottle(failures, lockedUntil, now, pending);
    }

    /** The lock after the {@code failures}-th consecutive failure: base, then doubling, capped. */
    Duration lockFor(int failures) {
        int doublings = Math.min(failures - maxFailures, 30);
        Duration lock = lockBase.multipliedBy(1L << doublings);
        return lock.compareTo(lockMax) > 0 ? lockMax : lock;
    }

    /** Whether a stored throttle still matters at {@code now}; one that does not may be deleted. */
    public boolean remembered(LoginThrottle stored, Instant now) {
        LoginThrottle current = current(stored, now);
        return current.failures() > 0 || current.lockedUntil() != null || !current.pending().isEmpty();
    }

    /** The stored throttle without lapsed reservations, and with its failures cleared once forgotten. */
    private LoginThrottle current(LoginThrottle stored, Instant now) {
        if (stored == null) {
            return LoginThrottle.NONE;
        }
        List<PendingCheck> live = stored.pending().stream().filter(check -> check.expiresAt().isAfter(now)).toList();
        return forgotten(stored, now) ? new LoginThrottle(0, null, null, live)
                : new LoginThrottle(stored.failures(), stored.lockedUntil(), stored.lastFailureAt(), live);
    }

    private boolean forgotten(LoginThrottle throttle, Instant now) {
        if (throttle.lockedAt(now)) {
            return false;
        }
        Instant last = throttle.lastFailureAt();
        if (throttle.lockedUntil() != null && (last == null || throttle.lockedUntil().isAfter(last))) {
            last = throttle.lockedUntil();
        }
        return last == null || !last.plus(memory).isAfter(now);
    }
}
