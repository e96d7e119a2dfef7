package io.boxoffice.users;

import io.boxoffice.users.session.LoginRules;
import io.boxoffice.users.session.SessionPolicy;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The user-service's settings; application.yml maps each one to an environment variable.
 *
 * @param instance          this instance's index: the partition of the reply topic it alone reads
 * @param applicationServer this instance's {@code host:port}: Streams' {@code application.server} and the
 *                          name of its client (no interactive queries are made of this service)
 * @param replyTimeout      how long an HTTP request waits for the account decider before 504
 * @param adminPassword     the admin's password; blank means no admin account is ensured
 * @param jwtKeyFile        PKCS#8 PEM RSA private key that signs tokens; generated when missing
 * @param jwtTtl            how long an access token is valid
 * @param sessions          refresh tokens, login throttling and the password bulkhead
 */
@ConfigurationProperties("boxoffice.users")
public record UsersProperties(String bootstrapServers, int instance, String stateDir, long commitIntervalMs,
                              String applicationServer, int replicationFactor, int minInsyncReplicas,
                              int standbyReplicas,
                              Duration replyTimeout, String adminPassword, String jwtKeyFile, String jwtIssuer,
                              Duration jwtTtl, Sessions sessions) {

    /**
     * @param refreshTtl      how long a login's refresh tokens live unless refreshed (each refresh renews it)
     * @param maxFailures     consecutive failed logins of one username before it is locked
     * @param lock            the first lock; each further failure doubles it
     * @param lockMax         the longest lock
     * @param failureMemory   how long failures are remembered after the last one (or the lock's end)
     * @param passwordThreads bcrypt runs at once; 0 means half the processors, at least 1
     */
    public record Sessions(Duration refreshTtl, int maxFailures, Duration lock, Duration lockMax,
                           Duration failureMemory, int passwordThreads) {

        /** The policy the account decider applies; refuses settings the contract does not allow. */
        public SessionPolicy policy() {
            return new SessionPolicy(new LoginRules(maxFailures, lock, lockMax, LoginRules.DEFAULTS.pendingTtl(),
                    failureMemory), refreshTtl);
        }
    }

    public int passwordThreads() {
        return sessions.passwordThreads() > 0 ? sessions.passwordThreads()
                : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    }

    /** Never print the admin password, even when the properties are logged or shown in a failure. */
    @Override
    public String toString() {
        return "UsersProperties[bootstrapServers=" + bootstrapServers + ", instance=" + instance
                + ", stateDir=" + stateDir + ", applicationServer=" + applicationServer
                + ", adminPassword=" + (hasAdminPassword() ? "(set)" : "(unset)") + ", jwtKeyFile=" + jwtKeyFile
                + ", jwtIssuer=" + jwtIssuer + ", jwtTtl=" + jwtTtl + ", sessions=" + sessions + "]";
    }

    public boolean hasAdminPassword() {
        return adminPassword != null && !adminPassword.isBlank();
    }
}
