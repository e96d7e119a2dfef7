package io.boxoffice.users;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The user-service's settings; application.yml maps each one to an environment variable.
 *
 * @param instance          this instance's index: the partition of the reply topic it alone reads
 * @param applicationServer this instance's {@code host:port} as other instances reach it for
 *                          interactive queries (must name this service's HTTP port)
 * @param replyTimeout      how long an HTTP request waits for the account decider before 504
 * @param adminPassword     the admin's password; blank means no admin account is ensured
 * @param jwtKeyFile        PKCS#8 PEM RSA private key that signs tokens; generated when missing
 */
@ConfigurationProperties("boxoffice.users")
public record UsersProperties(String bootstrapServers, int instance, String stateDir, long commitIntervalMs,
                              String applicationServer, int replicationFactor, int minInsyncReplicas,
                              int standbyReplicas,
                              Duration replyTimeout, String adminPassword, String jwtKeyFile, String jwtIssuer,
                              Duration jwtTtl) {

    /** Never print the admin password, even when the properties are logged or shown in a failure. */
    @Override
    public String toString() {
        return "UsersProperties[bootstrapServers=" + bootstrapServers + ", instance=" + instance
                + ", stateDir=" + stateDir + ", applicationServer=" + applicationServer
                + ", adminPassword=" + (hasAdminPassword() ? "(set)" : "(unset)") + ", jwtKeyFile=" + jwtKeyFile
                + ", jwtIssuer=" + jwtIssuer + ", jwtTtl=" + jwtTtl + "]";
    }

    public boolean hasAdminPassword() {
        return adminPassword != null && !adminPassword.isBlank();
    }
}
