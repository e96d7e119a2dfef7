package io.boxoffice.infra;

import java.util.Map;

/**
 * How Boxoffice's topics are sized on the cluster at hand, read from the same environment
 * variables the launcher, compose file and Kubernetes manifests set. Invariant: every count is
 * at least 1, so a typo fails the set-up loudly instead of creating a broken topic.
 */
record TopicSettings(String bootstrapServers, int partitions, int replyPartitions,
                     short replicationFactor, int minInsyncReplicas) {

    static final String DEFAULT_BOOTSTRAP = "127.0.0.1:9092";

    TopicSettings {
        requireAtLeastOne("BOXOFFICE_PARTITIONS", partitions);
        requireAtLeastOne("BOXOFFICE_REPLY_PARTITIONS", replyPartitions);
        requireAtLeastOne("BOXOFFICE_REPLICATION_FACTOR", replicationFactor);
        requireAtLeastOne("BOXOFFICE_MIN_INSYNC_REPLICAS", minInsyncReplicas);
        if (minInsyncReplicas > replicationFactor) {
            throw new IllegalArgumentException("BOXOFFICE_MIN_INSYNC_REPLICAS (" + minInsyncReplicas
                    + ") exceeds BOXOFFICE_REPLICATION_FACTOR (" + replicationFactor
                    + "): no acks=all write could ever succeed");
        }
    }

    static TopicSettings fromEnv(Map<String, String> env) {
        return new TopicSettings(
                env.getOrDefault("BOXOFFICE_KAFKA_BOOTSTRAP", DEFAULT_BOOTSTRAP),
                intOf(env, "BOXOFFICE_PARTITIONS", 12),
                intOf(env, "BOXOFFICE_REPLY_PARTITIONS", 8),
                (short) intOf(env, "BOXOFFICE_REPLICATION_FACTOR", 1),
                intOf(env, "BOXOFFICE_MIN_INSYNC_REPLICAS", 1));
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
