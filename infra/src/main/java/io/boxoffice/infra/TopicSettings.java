package io.boxoffice.infra;

import java.util.Map;
import java.util.Set;

/**
 * How Boxoffice's topics are sized on the cluster at hand, read from the same environment
 * variables the launcher, compose file and Kubernetes manifests set. Invariant: every count is
 * at least 1, so a typo fails the set-up loudly instead of creating a broken topic.
 */
record TopicSettings(String bootstrapServers, int partitions, int replyPartitions,
                     short replicationFactor, int minInsyncReplicas) {

    static final String DEFAULT_BOOTSTRAP = "127.0.0.1:9092";
    static final String BOOTSTRAP = "BOXOFFICE_KAFKA_BOOTSTRAP";
    static final String PARTITIONS = "BOXOFFICE_PARTITIONS";
    static final String REPLY_PARTITIONS = "BOXOFFICE_REPLY_PARTITIONS";
    static final String REPLICATION_FACTOR = "BOXOFFICE_REPLICATION_FACTOR";
    static final String MIN_INSYNC_REPLICAS = "BOXOFFICE_MIN_INSYNC_REPLICAS";
    /** Every environment variable the topic set-up reads. */
    static final Set<String> VARIABLES = Set.of(BOOTSTRAP, PARTITIONS, REPLY_PARTITIONS, REPLICATION_FACTOR,
            MIN_INSYNC_REPLICAS);

    TopicSettings {
        requireAtLeastOne(PARTITIONS, partitions);
        requireAtLeastOne(REPLY_PARTITIONS, replyPartitions);
        requireAtLeastOne(REPLICATION_FACTOR, replicationFactor);
        requireAtLeastOne(MIN_INSYNC_REPLICAS, minInsyncReplicas);
        if (minInsyncReplicas > replicationFactor) {
            throw new IllegalArgumentException(MIN_INSYNC_REPLICAS + " (" + minInsyncReplicas
                    + ") exceeds " + REPLICATION_FACTOR + " (" + replicationFactor
                    + "): no acks=all write could ever succeed");
        }
    }

    static TopicSettings fromEnv(Map<String, String> env) {
        return new TopicSettings(
                env.getOrDefault(BOOTSTRAP, DEFAULT_BOOTSTRAP),
                intOf(env, PARTITIONS, 12),
                intOf(env, REPLY_PARTITIONS, 8),
                (short) intOf(env, REPLICATION_FACTOR, 1),
                intOf(env, MIN_INSYNC_REPLICAS, 1));
    }

    private static int intOf(Map<String, String> env, String name, int fallback) {
        String raw = env.get(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + raw + "'");
        }
    }

    private static void requireAtLeastOne(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, got " + value);
        }
    }
}
