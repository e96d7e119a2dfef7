package io.boxoffice.processor;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The processor's settings (see application.yml for the environment variables behind them).
 *
 * @param applicationServer this instance's {@code host:port} as peers reach its query API
 * @param dedupeRetention   how long a request id is remembered, so that a retried command replays its outcome
 * @param statsCommitIntervalMs the statistics app's commit interval: it bounds the work redone after a crash,
 *                          not how fresh the figures are (queries read the stores as they are updated)
 */
@ConfigurationProperties("boxoffice.processor")
public record ProcessorProperties(String bootstrapServers, String stateDir, long commitIntervalMs,
                                  String applicationServer, int replicationFactor, int minInsyncReplicas,
                                  int standbyReplicas,
                                  int streamThreads, Duration dedupeRetention,
                                  long statsCommitIntervalMs) {
}
