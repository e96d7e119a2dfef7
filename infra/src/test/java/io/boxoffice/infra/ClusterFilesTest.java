package io.boxoffice.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.boxoffice.common.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * infra/cluster/ (compose and Kubernetes files, which never run on this machine) speaks the launcher's
 * vocabulary: the files parse, every service gets the variables {@code ./boxoffice} gives it, every variable
 * is one a service or the topic set-up reads, and the replication, standby and broker settings are those of
 * the launcher's three-broker mode. Reads the files only: no Docker, no Kubernetes, no broker.
 */
class ClusterFilesTest {

    /** Surefire runs in the module's directory, infra/. */
    private static final Path REPOSITORY = Path.of("..");
    private static final Path CLUSTER = Path.of("cluster");
    private static final List<String> MODULES = List.of("user-service", "booking-processor", "api-gateway");
    private static final List<String> STREAMS_MODULES = List.of("user-service", "booking-processor");
    private static final Pattern ASSIGNMENT = Pattern.compile("\\b(SERVER_PORT|BOXOFFICE_[A-Z_]+)=");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(SERVER_PORT|BOXOFFICE_[A-Z_]+)[:}]");

    /** One container of the cluster files: the module it runs ({@code kafka}, {@code topic-setup} or a service). */
    private record Container(String file, String name, String module, Map<String, String> env) {
    }

    @Test
    void shouldParseWhenReadingEveryClusterFile() throws IOException {
        // when
        Map<String, Object> compose = composeFile();
        List<Map<String, Object>> manifests = manifests();

        // then
        assertThat(map(compose.get("services"))).containsKeys("kafka-1", "topic-setup", "api-gateway-0");
        assertThat(manifests).isNotEmpty().allSatisfy(doc -> assertThat(doc).containsKeys("apiVersion", "kind"));
        assertThat(manifests.stream().map(doc -> doc.get("kind")))
                .contains("ConfigMap", "Job", "StatefulSet", "Service");
    }

    @Test
    void shouldGiveEveryServiceTheLaunchersVariablesWhenRunOnACluster() throws IOException {
        // given
        Map<String, Set<String>> launcher = launcherVariables();

        // when
        List<Container> services = Stream.concat(composeContainers().stream(), k8sContainers().stream())
                .filter(c -> MODULES.contains(c.module())).toList();

        // then: each of compose and Kubernetes runs every service, each with what ./boxoffice sets for it
        assertThat(services.stream().map(c -> c.file() + ":" + c.module()).collect(Collectors.toSet()))
                .contains("compose.yml:user-service", "compose.yml:booking-processor", "compose.yml:api-gateway",
                        "k8s:user-service", "k8s:booking-processor", "k8s:api-gateway");
        assertThat(services).allSatisfy(c -> assertThat(c.env().keySet())
                .as("variables of %s in %s", c.name(), c.file())
                .containsAll(launcher.get(c.module())));
    }

    @Test
    void shouldSetOnlyVariablesSomethingReadsWhenConfiguringLauncherOrCluster() throws IOException {
        // given: what each service's application.yml and the topic set-up read
        Map<String, Set<String>> read = new LinkedHashMap<>();
        for (String module : MODULES) {
            read.put(module, placeholders(module));
        }
        Set<String> readByAnything = new TreeSet<>(TopicSettings.VARIABLES);
        read.values().forEach(readByAnything::addAll);

        // when
        Map<String, Set<String>> launcher = launcherVariables();
        List<Container> containers = new ArrayList<>(composeContainers());
        containers.addAll(k8sContainers());

        // then: no typo, no variable left over from an old name
        launcher.forEach((module, variables) -> assertThat(read.get(module))
                .as("variables of %s read by its application.yml", module).containsAll(variables));
        assertThat(containers.stream().filter(c -> !c.module().equals("kafka")))
                .allSatisfy(c -> assertThat(readByAnything).as("variables of %s in %s", c.name(), c.file())
                        .containsAll(matches(ASSIGNMENT, String.join("=\n", c.env().keySet()) + "=")));
        assertThat(readByAnything).containsAll(configMap().keySet());
    }

    @Test
    void shouldCreateEveryTopicWithReplicationThreeAndMinIsrTwoWhenSetUpByTheClusterFiles() throws IOException {
        // given: the topic set-up's environment in compose and in Kubernetes (its Job reads the ConfigMap)
        Map<String, String> composeSetup = composeContainers().stream()
                .filter(c -> c.module().equals("topic-setup")).findFirst().orElseThrow().env();
        List<Map<String, String>> environments = List.of(composeSetup, configMap());

        for (Map<String, String> env : environments) {
            // when
            List<TopicPlan.Wanted> wanted = TopicPlan.wanted(TopicSettings.fromEnv(env));

            // then: Boxoffice's topics, as the launcher creates them with three brokers
            assertThat(wanted).extracting(TopicPlan.Wanted::name)
                    .containsExactlyElementsOf(Topics.all().stream().map(Topics.Spec::name).toList());
            assertThat(wanted).allSatisfy(topic -> {
                assertThat(topic.replicationFactor()).isEqualTo((short) 3);
                assertThat(topic.configs()).containsEntry("min.insync.replicas", "2");
            });
        }
    }

    @Test
    void shouldReplicateStreamsTopicsAndKeepStandbysWhenServicesRunOnACluster() throws IOException {
        // when: the Streams services' environment (compose per container, Kubernetes from the ConfigMap)
        List<Map<String, String>> environments = new ArrayList<>();
        composeContainers().stream().filter(c -> STREAMS_MODULES.contains(c.module()))
                .forEach(c -> environments.add(c.env()));
        environments.add(configMap());

        // then: changelog and repartition topics like every other topic; a warm standby of each store
        assertThat(environments).hasSizeGreaterThan(STREAMS_MODULES.size()).allSatisfy(env -> assertThat(env)
                .containsEntry(TopicSettings.REPLICATION_FACTOR, "3")
                .containsEntry(TopicSettings.MIN_INSYNC_REPLICAS, "2")
                .containsEntry("BOXOFFICE_STANDBY_REPLICAS", "1"));
    }

    /** Broker settings that do not depend on the broker count: topic creation and how fast a dead broker is fenced. */
    private static final Set<String> SAME_EVERYWHERE = Set.of("auto.create.topics.enable",
            "broker.heartbeat.interval.ms", "broker.session.timeout.ms");

    @Test
    void shouldConfigureBrokersLikeTheLaunchersTemplateWhenThreeBrokers() throws IOException {
        // given: the launcher's broker settings that follow the replication (3 and 2 with three brokers)
        Map<String, String> expected = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("config/server.properties.template"))) {
            String[] setting = line.split("=", 2);
            if (line.startsWith("#") || setting.length < 2) {
                continue;
            }
            String value = switch (setting[1]) {
                case "@REPLICATION_FACTOR@" -> "3";
                case "@MIN_INSYNC_REPLICAS@" -> "2";
                default -> SAME_EVERYWHERE.contains(setting[0]) ? setting[1] : null;
            };
            if (value != null) {
                expected.put("KAFKA_" + setting[0].toUpperCase().replace('.', '_'), value);
            }
        }

        // when
        List<Container> brokers = composeContainers().stream().filter(c -> c.module().equals("kafka")).toList();

        // then: three KRaft voters, the same internal-topic replication, the clients' Kafka version (whose
        // latest metadata version finalizes transaction.version 2, KIP-890, on a new cluster)
        assertThat(expected).containsKeys("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "KAFKA_MIN_INSYNC_REPLICAS",
                "KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "KAFKA_DEFAULT_REPLICATION_FACTOR",
                "KAFKA_BROKER_SESSION_TIMEOUT_MS");
        assertThat(brokers).hasSize(3).allSatisfy(broker -> {
            assertThat(broker.env()).containsAllEntriesOf(expected);
            assertThat(broker.env().get("KAFKA_CONTROLLER_QUORUM_VOTERS").split(",")).hasSize(3);
        });
        Map<String, Object> services = map(composeFile().get("services"));
        assertThat(brokers).allSatisfy(broker -> assertThat(map(services.get(broker.name())).get("image"))
                .isEqualTo("apache/kafka:" + AppInfoParser.getVersion()));
    }

    @Test
    void shouldGiveEachInstanceItsOwnReplyPartitionAndEveryPeerWhenSeveralRun() throws IOException {
        // given
        List<Container> containers = composeContainers();
        int replyPartitions = TopicSettings.fromEnv(containers.stream()
                .filter(c -> c.module().equals("topic-setup")).findFirst().orElseThrow().env()).replyPartitions();

        for (String module : List.of("user-service", "api-gateway")) {
            // when
            List<Integer> instances = containers.stream().filter(c -> c.module().equals(module))
                    .map(c -> Integer.valueOf(c.env().get("BOXOFFICE_INSTANCE"))).toList();

            // then: distinct reply partitions that exist
            assertThat(instances).as(module).hasSizeGreaterThan(1).doesNotHaveDuplicates()
                    .allSatisfy(i -> assertThat(i).isBetween(0, replyPartitions - 1));
        }
        // and: like the launcher, every gateway knows every instance and every client every broker
        String brokers = containers.stream().filter(c -> c.module().equals("kafka"))
                .map(c -> c.name() + ":9092").collect(Collectors.joining(","));
        for (Container gateway : containers.stream().filter(c -> c.module().equals("api-gateway")).toList()) {
            assertThat(gateway.env().get("BOXOFFICE_USER_SERVICE_URL")).isEqualTo(urls(containers, "user-service"));
            assertThat(gateway.env().get("BOXOFFICE_PROCESSOR_URL")).isEqualTo(urls(containers, "booking-processor"));
        }
        assertThat(containers.stream().filter(c -> !c.module().equals("kafka")))
                .allSatisfy(c -> assertThat(c.env()).containsEntry(TopicSettings.BOOTSTRAP, brokers));
    }

    // --- the launcher --------------------------------------------------------------------------------

    /** What ./boxoffice's start_service gives each module: the common env=(...) plus the module's case arm. */
    private static Map<String, Set<String>> launcherVariables() throws IOException {
        String script = Files.readString(REPOSITORY.resolve("boxoffice"));
        String body = between(script, "\nstart_service() {", "\n}\n");
        Set<String> common = assignments(between(body, "local env=(", ")"));
        Map<String, Set<String>> variables = new LinkedHashMap<>();
        for (String module : MODULES) {
            Set<String> names = new TreeSet<>(common);
            names.addAll(assignments(between(body, "\n    " + module + ")\n", ";;")));
            variables.put(module, names);
        }
        assertThat(variables.get("booking-processor")).contains("BOXOFFICE_APPLICATION_SERVER", "SERVER_PORT");
        return variables;
    }

    private static Set<String> placeholders(String module) throws IOException {
        return matches(PLACEHOLDER, Files.readString(
                REPOSITORY.resolve(module).resolve("src/main/resources/application.yml")));
    }

    private static Set<String> assignments(String text) {
        return matches(ASSIGNMENT, text);
    }

    private static Set<String> matches(Pattern pattern, String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        assertThat(from).as("'%s' in the launcher", start.strip()).isNotNegative();
        int to = text.indexOf(end, from + start.length());
        assertThat(to).as("'%s' after '%s' in the launcher", end, start.strip()).isNotNegative();
        return text.substring(from + start.length(), to);
    }

    // --- compose --------------------------------------------------------------------------------------

    private static Map<String, Object> composeFile() throws IOException {
        return new Yaml().load(Files.readString(CLUSTER.resolve("compose.yml")));
    }

    private static List<Container> composeContainers() throws IOException {
        List<Container> containers = new ArrayList<>();
        map(composeFile().get("services")).forEach((name, value) -> {
            Map<String, Object> service = map(value);
            containers.add(new Container("compose.yml", name, moduleOf(service.get("image"), service.get("command")),
                    strings(map(service.get("environment")))));
        });
        return containers;
    }

    private static String urls(List<Container> containers, String module) {
        return containers.stream().filter(c -> c.module().equals(module))
                .map(c -> "http://" + c.name() + ":" + c.env().get("SERVER_PORT")).collect(Collectors.joining(","));
    }

    // --- Kubernetes -----------------------------------------------------------------------------------

    private static List<Map<String, Object>> manifests() throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        try (Stream<Path> files = Files.list(CLUSTER.resolve("k8s"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yml")).sorted().toList()) {
                for (Object document : new Yaml().loadAll(Files.readString(file))) {
                    if (document != null) {
                        documents.add(map(document));
                    }
                }
            }
        }
        return documents;
    }

    private static Map<String, String> configMap() throws IOException {
        return manifests().stream().filter(doc -> "ConfigMap".equals(doc.get("kind")))
                .map(doc -> strings(map(doc.get("data")))).findFirst().orElseThrow();
    }

    /** Every container of a Job or StatefulSet, with the ConfigMap it imports (envFrom) and its own env. */
    private static List<Container> k8sContainers() throws IOException {
        Map<String, String> configMap = configMap();
        List<Container> containers = new ArrayList<>();
        for (Map<String, Object> doc : manifests()) {
            if (!Set.of("Job", "StatefulSet", "Deployment").contains(doc.get("kind"))) {
                continue;
            }
            Map<String, Object> pod = map(map(map(doc.get("spec")).get("template")).get("spec"));
            for (Object item : list(pod.get("containers"))) {
                Map<String, Object> container = map(item);
                Map<String, String> env = new LinkedHashMap<>();
                if (container.containsKey("envFrom")) {
                    env.putAll(configMap);
                }
                for (Object variable : list(container.getOrDefault("env", List.of()))) {
                    Map<String, Object> entry = map(variable);
                    env.put(String.valueOf(entry.get("name")), String.valueOf(entry.get("value")));
                }
                containers.add(new Container("k8s", String.valueOf(container.get("name")),
                        moduleOf(container.get("image"), container.get("args")), env));
            }
        }
        return containers;
    }

    // --- YAML helpers ---------------------------------------------------------------------------------

    /** kafka for a broker image, topic-setup for TopicSetup, else the service whose jar the command runs. */
    private static String moduleOf(Object image, Object command) {
        String line = String.valueOf(command);
        if (String.valueOf(image).startsWith("apache/kafka")) {
            return "kafka";
        }
        if (line.contains(TopicSetup.class.getName())) {
            return "topic-setup";
        }
        return MODULES.stream().filter(m -> line.contains("/app/" + m + ".jar")).findFirst()
                .orElseThrow(() -> new AssertionError("unknown command " + line));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    private static List<?> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<?>) value;
    }

    private static Map<String, String> strings(Map<String, Object> values) {
        Map<String, String> result = new LinkedHashMap<>();
        values.forEach((key, value) -> result.put(key, String.valueOf(value)));
        return result;
    }
}
