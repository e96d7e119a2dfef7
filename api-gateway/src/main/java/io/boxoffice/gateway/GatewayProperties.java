package io.boxoffice.gateway;

import io.boxoffice.gateway.upstream.Failover;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The gateway's settings (application.yml maps each to an environment variable).
 *
 * @param instance     this instance's index: the partition of the reply topic it alone reads
 * @param replyTimeout how long a synchronous request waits for the processor's decision before 504
 * @param maxInFlight  commands this instance waits on at once; beyond it requests are shed with 503
 *                     {@code overloaded} instead of queueing without bound
 * @param jwkSetUri    where the user-service publishes the keys that sign tokens
 * @param tokenCache   verified tokens remembered (0: verify every request) and for how long at most
 * @param userServiceUrl the user-service instances' base URLs, comma-separated (calls fail over between them)
 * @param processorUrl the booking-processor instances' base URLs, comma-separated (likewise)
 * @param jwkSetUri    where the user-service publishes the keys that sign tokens; blank: its path on the
 *                     user-service instances, failing over like every call to them
 * @param seatStream   the live seat streams and the feed behind them
 */
@ConfigurationProperties("boxoffice.gateway")
public record GatewayProperties(String bootstrapServers, int instance, Duration replyTimeout, int lingerMs,
                                int maxInFlight, String userServiceUrl, String processorUrl, String jwkSetUri,
                                String jwtIssuer, TokenCache tokenCache, SeatStream seatStream) {

    public record TokenCache(long size, Duration maxAge) {
    }

    /**
     * @param feedEnabled   whether this instance reads {@code booking-events} (off only where there is no Kafka)
     * @param flushInterval how often what changed is sent to the streams: the longest a change waits, and the most
     *                      frames a stream gets per second
     * @param bufferFrames  frames a stream may be behind before it loses them and gets a snapshot instead
     * @param heartbeat     how often an idle stream gets a comment line
     * @param linger        how long a show nobody watches stays known (a reload reconnects without a new snapshot)
     */
    public record SeatStream(boolean feedEnabled, Duration flushInterval, int bufferFrames, Duration heartbeat,
                             Duration linger) {
    }

    public List<URI> processorInstances() {
        return Failover.instances(processorUrl);
    }

    public List<URI> userServiceInstances() {
        return Failover.instances(userServiceUrl);
    }
}
