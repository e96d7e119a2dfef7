package io.boxoffice.users.session;

import java.time.Duration;
import java.time.Instant;

/**
 * One login's refresh tokens, as stored in {@code Stores.SESSIONS} under {@code username/lineId}: only the
 * current generation's secret, and only as a hash. A token of an older generation is a spent one; its return
 * revokes the line. Decided by the account's single writer, so a refresh, a logout and a theft detection of one
 * line are ordered.
 *
 * @param expiresAt     the line ends here unless refreshed (each refresh moves it to now plus the refresh TTL)
 * @param revokedAt     when logout or theft detection ended the line (null while it lives); kept until
 *                      {@code expiresAt} so that a repeated logout gets the same answer
 * @param lastRequestId the request that last changed the line: its repeat (a resend) gets the same answer
 */
public record RefreshLine(String accountId, int generation, String secretHash, Instant createdAt,
                          Instant expiresAt, Instant revokedAt, Revocation revokedBecause, String lastRequestId) {

    public enum Revocation {
        LOGOUT,
        /** A spent token came back: someone else may hold the line's tokens. */
        REUSE
    }

    public static RefreshLine open(String accountId, String secretHash, Instant now, Duration ttl, String requestId) {
        return new RefreshLine(accountId, 0, secretHash, now, now.plus(ttl), null, null, requestId);
    }

    /** Whether tokens of this line may still be refreshed or logged out at {@code now}. */
    public boolean live(Instant now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }

    public RefreshLine rotated(String newSecretHash, Instant now, Duration ttl, String requestId) {
        return new RefreshLine(accountId, generation + 1, newSecretHash, createdAt, now.plus(ttl), null, null,
                requestId);
    }

    public RefreshLine revoked(Revocation because, Instant now, String requestId) {
        return new RefreshLine(accountId, generation, secretHash, createdAt, expiresAt, now, because, requestId);
    }

    /** Whether a stored line is whole: what the decider always writes. */
    public static boolean usable(RefreshLine line) {
        return line.accountId() != null && line.generation() >= 0 && line.secretHash() != null
                && line.expiresAt() != null && line.createdAt() != null;
    }
}
