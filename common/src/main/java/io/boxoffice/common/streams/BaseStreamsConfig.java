package io.boxoffice.common.streams;

import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;

/**
 * The Streams configuration every Boxoffice processor shares: exactly_once_v2, a state directory,
 * a short commit interval (under EOS a reply becomes visible only when its transaction commits, so
 * the interval bounds reply latency) and a producer that lingers for that interval.
 *
 * <p>Why linger a whole commit interval: a read_committed consumer sees a record only once its transaction
 * commits, and the commit flushes the producer, so holding a cycle's records until then delays no one and
 * sends them as a few large produce requests instead of many small ones. On a busy 2-core machine that
 * halved the broker's CPU per booking (docs/performance.md).
 *
 * @param applicationServer  this instance's {@code host:port} for interactive queries
 * @param replicationFactor  replicas of the changelog and repartition topics Streams creates
 * @param minInsyncReplicas  their {@code min.insync.replicas}: like Boxoffice's own topics, so a changelog
 *                           write is acknowledged only once it is on that many brokers
 */
public record BaseStreamsConfig(String applicationId, String bootstrapServers, String stateDir,
                                long commitIntervalMs, String applicationServer, int replicationFactor,
                                int minInsyncReplicas, int standbyReplicas) {

    public Properties toProperties() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitIntervalMs);
        props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, applicationServer);
        // Named after the instance, not a random id per start, so its metrics keep their series across restarts.
        props.put(StreamsConfig.CLIENT_ID_CONFIG, applicationId + "-" + applicationServer.replaceAll("[^A-Za-z0-9.-]", "-"));
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, replicationFactor);
        props.put(StreamsConfig.topicPrefix(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG), minInsyncReplicas);
        props.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, standbyReplicas);
        // A malformed command is logged and skipped instead of stopping every show of its partition.
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                LogAndContinueExceptionHandler.class);
        props.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), commitIntervalMs);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG), 50);
        // The thread commits only between polls, and a poll with no new input blocks for poll.ms (default 100):
        // decisions already made, and their replies, would wait for it. So the loop comes back once per interval.
        props.put(StreamsConfig.POLL_MS_CONFIG, commitIntervalMs);
        // A crashed instance holds its shows' partitions until its session expires: every booking of those
        // shows waits that long, so detect the crash in 10 s instead of the default 45 s.
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 10_000);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 2_000);
        return props;
    }
}
