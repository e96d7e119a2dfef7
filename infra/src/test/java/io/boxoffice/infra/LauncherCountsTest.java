package io.boxoffice.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The launcher's instance counts, run for real on a copy of {@code ./boxoffice} in an empty directory:
 * a count it cannot honour is refused before anything is built, written or started. Needs only bash.
 */
class LauncherCountsTest {

    /** Surefire runs in the module's directory, infra/. */
    private static final Path LAUNCHER = Path.of("../boxoffice");

    private record Run(int exitCode, String output) {
    }

    @TempDir
    Path root;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " -> ", value = {
        "BOXOFFICE_BROKERS=0 -> BOXOFFICE_BROKERS must be a whole number of at least 1, got '0'",
        "BOXOFFICE_BROKERS=three -> BOXOFFICE_BROKERS must be a whole number of at least 1, got 'three'",
        "BOXOFFICE_BROKERS=2 -> BOXOFFICE_BROKERS=2 is not supported",
        "BOXOFFICE_BROKERS=6 -> BOXOFFICE_BROKERS=6: at most 5",
        "BOXOFFICE_PROCESSORS=-1 -> BOXOFFICE_PROCESSORS must be a whole number of at least 1, got '-1'",
        "BOXOFFICE_PROCESSORS=13 -> BOXOFFICE_PROCESSORS (13) exceeds the partitions of booking-commands",
        "BOXOFFICE_GATEWAYS=9 -> BOXOFFICE_GATEWAYS (9) exceeds the partitions of booking-replies",
        "BOXOFFICE_USER_SERVICES=9 -> BOXOFFICE_USER_SERVICES (9) exceeds the partitions of user-replies",
        "BOXOFFICE_BROKERS=3 BOXOFFICE_KAFKA_BOOTSTRAP=kafka:9092 -> cannot be combined with BOXOFFICE_KAFKA_BOOTSTRAP",
        "BOXOFFICE_REPLICATION_FACTOR=3 -> BOXOFFICE_REPLICATION_FACTOR (3) exceeds BOXOFFICE_BROKERS (1)",
    })
    void shouldRefuseAndStartNothingWhenAnInstanceCountIsUnknown(String variables, String message) throws Exception {
        // given
        Map<String, String> env = new HashMap<>();
        for (String assignment : variables.split(" ")) {
            String[] pair = assignment.split("=", 2);
            env.put(pair[0], pair[1]);
        }

        // when
        Run run = launcher(env, "up");

        // then: a clear error, and not even var/ was created
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).startsWith("boxoffice: ERROR: ").contains(message);
        try (Stream<Path> files = Files.list(root)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("boxoffice");
        }
    }

    @Test
    void shouldNameEveryInstanceWhenCountsAreGiven() throws Exception {
        // given
        Map<String, String> env = Map.of("BOXOFFICE_BROKERS", "3", "BOXOFFICE_USER_SERVICES", "2",
                "BOXOFFICE_PROCESSORS", "2", "BOXOFFICE_GATEWAYS", "2");

        // when
        Run run = launcher(env, "status");

        // then: instance 0 keeps its name, instance i is <name>-i
        assertThat(run.exitCode()).isZero();
        assertThat(run.output().lines().map(line -> line.split("\\s+")[0]).toList()).containsExactly(
                "kafka", "kafka-1", "kafka-2", "user-service", "user-service-1",
                "booking-processor", "booking-processor-1", "api-gateway", "api-gateway-1");
        assertThat(run.output().lines()).allSatisfy(line -> assertThat(line).endsWith("stopped"));
    }

    /** Runs a copy of the launcher in the empty temporary directory, without the caller's BOXOFFICE_* variables. */
    private Run launcher(Map<String, String> env, String command) throws IOException, InterruptedException {
        Path script = Files.copy(LAUNCHER, root.resolve("boxoffice"));
        ProcessBuilder builder = new ProcessBuilder(List.of("bash", script.toString(), command))
                .directory(root.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("BOXOFFICE_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }
}
