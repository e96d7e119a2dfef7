package io.boxoffice.infra;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.FinalizedVersionRange;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

/**
 * Creates Boxoffice's topics before any service starts (run by {@code ./boxoffice up}, the compose
 * topic-setup job and the Kubernetes Job). Idempotent: running it again against a cluster that
 * already has the topics changes nothing, except growing a topic that has fewer partitions than
 * configured. Waits up to a minute for enough brokers to host the replicas; exits non-zero on
 * any failure so the caller stops before starting services against a half-made cluster. Refuses a
 * cluster without transaction.version 2 (KIP-890).
 */
public final class TopicSetup {

    private static final Duration BROKER_WAIT = Duration.ofSeconds(60);
    private static final String TRANSACTION_VERSION = "transaction.version";

    private TopicSetup() {
    }

    public static void main(String[] args) {
        try {
            TopicSettings settings = TopicSettings.fromEnv(System.getenv());
            try (Admin admin = Admin.create(adminProperties(settings.bootstrapServers()))) {
                awaitBrokers(admin, settings);
                requireTransactionVersion2(admin);
                apply(admin, settings);
            }
        } catch (Exception e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            System.err.println("topic-setup: FAILED: " + cause);
            System.exit(1);
        }
    }

    private static void apply(Admin admin, TopicSettings settings) throws Exception {
        var wanted = TopicPlan.wanted(settings);
        Set<String> names = wanted.stream().map(TopicPlan.Wanted::name).collect(Collectors.toSet());
        Set<String> present = admin.listTopics().names().get();
        names.retainAll(present);
        Map<String, Integer> existing = new TreeMap<>();
        for (TopicDescription d : admin.describeTopics(names).allTopicNames().get().values()) {
            existing.put(d.name(), d.partitions().size());
        }
        TopicPlan plan = TopicPlan.against(wanted, existing);

        if (!plan.toCreate().isEmpty()) {
            var results = admin.createTopics(plan.toCreate().stream()
                    .map(t -> new NewTopic(t.name(), t.partitions(), t.replicationFactor()).configs(t.configs()))
                    .toList()).values();
            for (TopicPlan.Wanted t : plan.toCreate()) {
                try {
                    results.get(t.name()).get();
                    System.out.printf("topic-setup: created %s (partitions=%d, rf=%d, %s)%n",
                            t.name(), t.partitions(), t.replicationFactor(), t.configs());
                } catch (ExecutionException e) {
                    // Another set-up run (a restarted job, a second launcher) won the race: same outcome.
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                    System.out.println("topic-setup: " + t.name() + " was created concurrently, left as is");
                }
            }
        }
        if (!plan.toGrow().isEmpty()) {
            admin.createPartitions(plan.toGrow().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> NewPartitions.increaseTo(e.getValue()))))
                    .all().get();
            plan.toGrow().forEach((name, count) -> System.out.printf(
                    "topic-setup: grew %s from %d to %d partitions%n", name, existing.get(name), count));
        }
        plan.mismatched().forEach((name, count) -> System.out.printf(
                "topic-setup: WARNING %s has %d partitions, not the configured %d; left as is, because changing"
                        + " it would move shows away from their state. Scale a keyed topic only by migrating"
                        + " to a new cluster or application.%n", name, count,
                wanted.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow().partitions()));
        plan.unchanged().forEach(name -> System.out.printf("topic-setup: %s exists (partitions=%d), left as is%n",
                name, existing.get(name)));
        System.out.println("topic-setup: done, " + wanted.size() + " topics in place");
    }

    /**
     * Fails unless the cluster has finalized transaction.version 2 (KIP-890): without the broker-side
     * defence a delayed commit or abort can lose writes or tear transactions, which exactly_once_v2
     * relies on never happening. Kafka 4.x clusters formatted at the latest metadata version have it;
     * an older or downgraded cluster is upgraded by its operator, not silently by this set-up.
     */
    private static void requireTransactionVersion2(Admin admin) throws Exception {
        FinalizedVersionRange finalized = admin.describeFeatures().featureMetadata().get()
                .finalizedFeatures().get(TRANSACTION_VERSION);
        int level = finalized == null ? 0 : finalized.maxVersionLevel();
        if (level < 2) {
            throw new IllegalStateException(TRANSACTION_VERSION + " is " + level + ", not 2 (KIP-890): upgrade"
                    + " the cluster first (kafka-features.sh --bootstrap-server ... upgrade --feature "
                    + TRANSACTION_VERSION + "=2)");
        }
        System.out.println("topic-setup: " + TRANSACTION_VERSION + " " + level + " finalized (KIP-890 in force)");
    }

    /** Retries until the cluster answers and has enough brokers for the replication factor. */
    private static void awaitBrokers(Admin admin, TopicSettings settings) throws InterruptedException {
        Instant deadline = Instant.now().plus(BROKER_WAIT);
        String lastProblem = "no answer";
        while (Instant.now().isBefore(deadline)) {
            try {
                int brokers = admin.describeCluster().nodes().get().size();
                if (brokers >= settings.replicationFactor()) {
                    return;
                }
                lastProblem = brokers + " broker(s) up, replication factor " + settings.replicationFactor();
            } catch (ExecutionException e) {
                lastProblem = String.valueOf(e.getCause());
            }
            System.out.println("topic-setup: waiting for " + settings.bootstrapServers() + " (" + lastProblem + ")");
            Thread.sleep(1000);
        }
        throw new IllegalStateException("Kafka at " + settings.bootstrapServers() + " not ready after "
                + BROKER_WAIT.toSeconds() + " s: " + lastProblem);
    }

    private static Properties adminProperties(String bootstrapServers) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "boxoffice-topic-setup");
        // Short per-call timeouts so the wait loop above, not the client, decides when to give up.
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        return props;
    }
}
