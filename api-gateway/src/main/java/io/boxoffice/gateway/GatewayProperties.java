package io.boxoffice.gateway;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The gateway's settings (application.yml maps each to an environment variable).
 *
 * @param instance     this instance's index: the partition of the reply topic it alone reads
 * @param replyTimeout how long a synchronous request waits for the processor's decision before 504
 * @param jwkSetUri    where the user-service publishes the keys that sign tokens
 */
@ConfigurationProperties("boxoffice.gateway")
public record GatewayProperties(String bootstrapServers, int instance, Duration replyTimeout, int lingerMs,
                                String userServiceUrl, String processorUrl, String jwkSetUri, String jwtIssuer) {
}
