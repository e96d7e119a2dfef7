package io.boxoffice.common.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.QuorumInfo;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Knows which partitions of one topic can take an {@code acks=all} write now: those with a leader and at
 * least {@code min.insync.replicas} replicas in sync. A client asks before it writes, so that a command that
 * cannot be replicated is refused at once, certainly unwritten, instead of waiting out its delivery timeout
 * with an outcome nobody knows. The broker stays the judge: the watch only refuses early what the broker would
 * refuse late, and a write it lets through still needs every in-sync replica's acknowledgement.
 *
 * <p>A background thread asks the cluster every {@code interval}. Until the first answer nothing is refused
 * (the producer's own waits apply). When the cluster has not answered for {@code staleAfter}, every write is
 * refused: with no broker reachable none can succeed, and without a metadata quorum the in-sync sets the brokers
 * report are frozen, dead replicas included, so an acks=all write waits for replicas that never answer.
 */
public final class ReplicationWatch implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ReplicationWatch.class);
    /** A look that takes longer than this is a failed look; a paused broker must not stall the watch. */
    private static final Duration LOOK_TIMEOUT = Duration.ofSeconds(2);
    /** How long a look waits for the cluster's answers: the admin client's own timeout, and a margin. */
    private static final long LOOK_WAIT_MS = LOOK_TIMEOUT.toMillis() + 500;
    private static final String SILENT = "the cluster (a broker and its metadata quorum) has not answered for ";

    /** What the watch last learned; {@code at} is when the cluster last answered. */
    record View(int partitions, Set<Integer> unwritable, int minInsyncReplicas, @Nullable Instant at) {
        static final View UNKNOWN = new View(0, Set.of(), 1, null);
    }

    private final String topic;
    private final Duration interval;
    private final Duration staleAfter;
    private final Clock clock;
    private final Admin admin;
    private final Instant started;
    private volatile View view = View.UNKNOWN;
    private volatile boolean running = true;
    private volatile boolean silenceReported;
    private final Thread poller;

    ReplicationWatch(String bootstrapServers, String clientId, String topic, Duration interval, Duration staleAfter,
                     Clock clock) {
        this.topic = topic;
        this.interval = interval;
        this.staleAfter = staleAfter;
        this.clock = clock;
        this.started = clock.instant();
        int timeoutMs = (int) LOOK_TIMEOUT.toMillis();
        this.admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, clientId,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs));
        this.poller = new Thread(this::watch, clientId);
        this.poller.setDaemon(true);
    }

    /** Starts watching {@code topic}; the first look is taken before this returns, if the cluster answers. */
    public static ReplicationWatch start(String bootstrapServers, String clientId, String topic, Duration interval,
                                         Duration staleAfter) {
        ReplicationWatch watch = new ReplicationWatch(bootstrapServers, clientId, topic, interval, staleAfter,
                Clock.systemUTC());
        watch.look();
        watch.poller.start();
        return watch;
    }

    /** Why a write with this key cannot be replicated now, or null when it may be written. */
    public @Nullable String refusal(String key) {
        return refusal(view, key, clock.instant());
    }

    @Nullable String refusal(View seen, String key, Instant now) {
        Duration silence = silence(seen, now);
        if (silence != null) {
            return SILENT + silence.toMillis() + " ms";
        }
        if (seen.partitions() == 0 || seen.unwritable().isEmpty()) {
            return null;
        }
        int partition = BuiltInPartitioner.partitionForKey(key.getBytes(StandardCharsets.UTF_8), seen.partitions());
        return seen.unwritable().contains(partition)
                ? topic + "-" + partition + " has no leader or fewer than " + seen.minInsyncReplicas()
                + " replicas in sync"
                : null;
    }

    /** How long the cluster has not answered, when that is longer than {@code staleAfter}; else null. */
    private @Nullable Duration silence(View seen, Instant now) {
        Duration silence = Duration.between(seen.at() == null ? started : seen.at(), now);
        return silence.compareTo(staleAfter) > 0 ? silence : null;
    }

    /** The partitions that cannot take an acks=all write: no leader, or fewer in sync than required. */
    static Set<Integer> unwritable(TopicDescription description, int minInsyncReplicas) {
        Set<Integer> unwritable = new TreeSet<>();
        for (TopicPartitionInfo partition : description.partitions()) {
            if (partition.leader() == null || partition.leader().isEmpty()
                    || partition.isr().size() < minInsyncReplicas) {
                unwritable.add(partition.partition());
            }
        }
        return unwritable;
    }

    private void watch() {
        while (running) {
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            look();
        }
    }

    private void look() {
        try {
            // The three questions go out together: a look costs one round trip, not three.
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            KafkaFuture<Map<String, TopicDescription>> descriptions = admin.describeTopics(List.of(topic))
                    .allTopicNames();
            KafkaFuture<Map<ConfigResource, Config>> configs = admin.describeConfigs(List.of(resource)).all();
            KafkaFuture<QuorumInfo> quorumInfo = admin.describeMetadataQuorum().quorumInfo();
            TopicDescription description = descriptions.get(LOOK_WAIT_MS, TimeUnit.MILLISECONDS).get(topic);
            Config config = configs.get(LOOK_WAIT_MS, TimeUnit.MILLISECONDS).get(resource);
            // Without a quorum leader nothing changes any more, in-sync sets included: those seen are fiction.
            QuorumInfo quorum = quorumInfo.get(LOOK_WAIT_MS, TimeUnit.MILLISECONDS);
            if (quorum.leaderId() < 0) {
                log.debug("No look at {}: the metadata quorum has no leader", topic);
                return;
            }
            ConfigEntry minIsr = config.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG);
            int required = minIsr == null || minIsr.value() == null ? 1 : Integer.parseInt(minIsr.value());
            View next = new View(description.partitions().size(), unwritable(description, required), required,
                    clock.instant());
            if (!next.unwritable().equals(view.unwritable())) {
                if (next.unwritable().isEmpty()) {
                    log.info("Every {} partition can take a replicated write again", topic);
                } else {
                    log.warn("{} partitions that cannot take a replicated write now: {} (min.insync.replicas {})",
                            topic, next.unwritable(), required);
                }
            }
            view = next;
            silenceReported = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.debug("No look at {}: {}", topic, e.toString());
        }
        reportSilence();
    }

    /** Says once per outage that writes are refused because the cluster went silent. */
    private void reportSilence() {
        Duration silence = silence(view, clock.instant());
        if (!silenceReported && silence != null) {
            silenceReported = true;
            log.warn("Refusing every {} write: {}{} ms", topic, SILENT, silence.toMillis());
        }
    }

    @Override
    public void close() {
        running = false;
        poller.interrupt();
        admin.close(Duration.ofSeconds(2));
    }
}
