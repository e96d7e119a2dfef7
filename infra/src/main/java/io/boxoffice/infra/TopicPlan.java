package io.boxoffice.infra;

import io.boxoffice.common.Topics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pure part of the topic set-up: what should exist, and what must change on a cluster given
 * the partition counts it already has. No I/O, so it is unit-tested without a broker.
 * Invariants: existing topics are never recreated and partitions are never decreased (Kafka
 * cannot, and a smaller count would strand data); configs of existing topics are left alone. Keyed
 * topics are never grown either: more partitions would move shows (and usernames) to partitions whose
 * state stores do not hold them, breaking the single writer. Only reply topics grow (more gateways).
 *
 * @param mismatched keyed topics whose partition count differs from the wanted one; left as they are
 */
record TopicPlan(List<Wanted> toCreate, Map<String, Integer> toGrow, List<String> unchanged,
                 Map<String, Integer> mismatched) {

    /** One topic as Boxoffice wants it; {@code keyed} topics are partitioned by show id or username. */
    record Wanted(String name, int partitions, short replicationFactor, Map<String, String> configs,
                  boolean keyed) {
    }

    /** Every topic of {@link Topics#all()}, sized and configured for these settings. */
    static List<Wanted> wanted(TopicSettings settings) {
        List<Wanted> topics = new ArrayList<>();
        for (Topics.Spec spec : Topics.all()) {
            // Reply topics carry one partition per gateway instance, not per unit of load.
            int partitions = spec.scalesWithLoad() ? settings.partitions() : settings.replyPartitions();
            Map<String, String> configs = new LinkedHashMap<>();
            configs.put("cleanup.policy", spec.compacted() ? "compact" : "delete");
            configs.put("retention.ms", Long.toString(spec.retentionMs()));
            configs.put("min.insync.replicas", Integer.toString(settings.minInsyncReplicas()));
            topics.add(new Wanted(spec.name(), partitions, settings.replicationFactor(), Map.copyOf(configs),
                    spec.scalesWithLoad()));
        }
        return List.copyOf(topics);
    }

    /** Compares the wanted topics with {@code existingPartitions} (topic name to partition count). */
    static TopicPlan against(List<Wanted> wanted, Map<String, Integer> existingPartitions) {
        List<Wanted> create = new ArrayList<>();
        Map<String, Integer> grow = new LinkedHashMap<>();
        List<String> unchanged = new ArrayList<>();
        Map<String, Integer> mismatched = new LinkedHashMap<>();
        for (Wanted topic : wanted) {
            Integer existing = existingPartitions.get(topic.name());
            if (existing == null) {
                create.add(topic);
            } else if (topic.keyed() && existing != topic.partitions()) {
                mismatched.put(topic.name(), existing);
                unchanged.add(topic.name());
            } else if (existing < topic.partitions()) {
                grow.put(topic.name(), topic.partitions());
            } else {
                unchanged.add(topic.name());
            }
        }
        return new TopicPlan(List.copyOf(create), Collections.unmodifiableMap(grow), List.copyOf(unchanged),
                Collections.unmodifiableMap(mismatched));
    }

    boolean isNoop() {
        return toCreate.isEmpty() && toGrow.isEmpty();
    }
}
