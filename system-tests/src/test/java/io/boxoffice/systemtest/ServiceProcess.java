package io.boxoffice.systemtest;

import io.boxoffice.common.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * One service as the operator runs it: {@code java -jar} of its jar (as Spring Boot's tool extracts it, with the
 * AOT cache {@link #train} recorded) in a separate JVM, configured only through environment variables, output
 * written to {@code target/system-logs/<name>.log}. Healthy means its {@code /actuator/health} answers status UP
 * (Kafka clients or Streams running).
 */
final class ServiceProcess {
    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration TRAINING_LIMIT = Duration.ofMinutes(3);
    /**
     * The services' JVM flags ({@code -Dboxoffice.service.jvm=…}). These tests check behaviour, not speed, with up to
     * eight service JVMs and the broker on two cores: the client compiler alone and the serial collector start a
     * service faster, and the short storms here do not need peak compiled code. The benchmarks run the services
     * with the JVM's defaults.
     */
    private static final String JVM_OPTIONS = System.getProperty("boxoffice.service.jvm",
            "-Xmx384m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC").strip();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();

    final String name;
    final int port;
    final Path log;
    private final Process process;

    private ServiceProcess(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    static ServiceProcess launch(String name, Path jar, int port, Map<String, String> env) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("The " + name + " jar does not exist: " + jar + " (build it first)");
        }
        Path log = SystemPaths.logs().resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(java(jar, Files.isRegularFile(aotCache(jar))
                ? List.of("-XX:AOTCache=" + aotCache(jar)) : List.of()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().putAll(env);
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        try {
            Process process = builder.start();
            ServiceProcess service = new ServiceProcess(name, port, log, process);
            Reaper.register(service);
            return service;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start " + name, e);
        }
    }

    /**
     * Records the AOT cache of {@code jar} (JDK 25: classes loaded and linked, method profiles) from one start of
     * its Spring context that exits once the context is refreshed, before any Kafka client or web server starts;
     * every later launch of the jar starts from it, and faster (docs/performance.md). A failed training is reported
     * and leaves the launches without a cache: slower, not different.
     */
    static void train(String name, Path jar, Map<String, String> env) {
        Path log = SystemPaths.logs().resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(java(jar, List.of("-XX:AOTCacheOutput=" + aotCache(jar),
                "-Dspring.context.exit=onRefresh"))).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().putAll(env);
        builder.environment().put("SERVER_PORT", "0");
        try {
            Process training = builder.start();
            boolean ended = training.waitFor(TRAINING_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            if (!ended) {
                training.destroyForcibly();
            }
            if (!ended || training.exitValue() != 0 || !Files.isRegularFile(aotCache(jar))) {
                System.out.printf("No AOT cache for %s (see %s): its launches start without one%n", jar, log);
            }
        } catch (IOException e) {
            System.out.printf("No AOT cache for %s: %s%n", jar, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while training " + name, e);
        }
    }

    /** The command that runs {@code jar} on this JVM's Java with the suite's flags and {@code flags}. */
    private static List<String> java(Path jar, List<String> flags) {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(JVM_OPTIONS.split("\\s+")));
        command.addAll(flags);
        command.addAll(List.of("-jar", jar.toString()));
        return command;
    }

    private static Path aotCache(Path jar) {
        return jar.resolveSibling(jar.getFileName() + ".aot");
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Blocks until the service reports UP; a service that dies or stays down fails with its log's tail. */
    void awaitHealthy() {
        long deadline = System.nanoTime() + HEALTH_TIMEOUT.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "\n" + logTail());
            }
            last = health();
            if (last == null) {
                return;
            }
            sleep(500);
        }
        throw new IllegalStateException(name + " not healthy after " + HEALTH_TIMEOUT + "; last health answer: "
                + last + "\n" + logTail());
    }

    /** One look at {@code /actuator/health}, for callers that poll it themselves: true when it answers UP. */
    boolean healthy() {
        return process.isAlive() && health() == null;
    }

    /** Asks {@code /actuator/health} once: null when it answers UP, otherwise what it answered. */
    private String health() {
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/actuator/health"))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.ofString());
            JsonNode health = Json.MAPPER.readTree(answer.body());
            if (answer.statusCode() == 200 && "UP".equals(health.path("status").asString(""))) {
                return null;
            }
            return answer.statusCode() + " " + answer.body();
        } catch (IOException | RuntimeException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking " + name + " for its health", e);
        }
    }

    /**
     * SIGTERM on Linux, as an operator or an orchestrator stops a service: its shutdown hooks run (Spring closes
     * its context, so Streams commits and closes its tasks). Blocks until the process has exited and returns its
     * exit code; one still running after {@code limit} is killed and fails with its log's tail.
     */
    int stop(Duration limit) {
        process.destroy();
        try {
            if (process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                return process.exitValue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + name + " to stop", e);
        }
        String tail = logTail();
        kill();
        throw new IllegalStateException(name + " still ran " + limit + " after SIGTERM (killed)\n" + tail);
    }

    /** SIGKILL on Linux: no shutdown hook, no clean close of producers or Streams. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "--- last lines of " + log + " ---\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException | RuntimeException e) {
            return "(log " + log + " unreadable: " + e + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
