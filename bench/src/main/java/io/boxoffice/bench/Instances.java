package io.boxoffice.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The processes that {@code ./boxoffice up} started, as its pid files name them (var/run/{@code <name>.pid}:
 * {@code kafka}, {@code kafka-1}, {@code booking-processor-1}, {@code api-gateway}, ...), and the faults done to
 * them: SIGKILL, SIGSTOP and SIGCONT, sent with the system's own {@code kill}. Bringing killed instances back is
 * the launcher's job: {@link #restore} runs {@code ./boxoffice up} with the instance counts found here.
 */
final class Instances {
    private static final Pattern NAME = Pattern.compile("(kafka|booking-processor|user-service|api-gateway)(?:-(\\d+))?");

    /** One started process: its launcher name, kind and instance number. */
    record Instance(String name, String kind, int index, long pid) {
        int port() {
            return switch (kind) {
                case "api-gateway" -> 8080 + 10 * index;
                case "user-service" -> 8081 + 10 * index;
                case "booking-processor" -> 8082 + 10 * index;
                default -> 9092 + 10 * index;
            };
        }

        boolean alive() {
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        }
    }

    private final Path root;
    private final List<Instance> all;

    private Instances(Path root, List<Instance> all) {
        this.root = root;
        this.all = List.copyOf(all);
    }

    static Instances of(Path root) {
        Path run = root.resolve("var/run");
        List<Instance> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(run)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".pid")).sorted().toList()) {
                String name = file.getFileName().toString().replace(".pid", "");
                Matcher matcher = NAME.matcher(name);
                if (!matcher.matches()) {
                    continue;
                }
                long pid = Long.parseLong(Files.readString(file).strip());
                int index = matcher.group(2) == null ? 0 : Integer.parseInt(matcher.group(2));
                found.add(new Instance(name, matcher.group(1), index, pid));
            }
        } catch (IOException | NumberFormatException e) {
            throw new BenchAbort("cannot read the launcher's pid files under " + run + ": " + e.getMessage()
                    + " (start Boxoffice with ./boxoffice up first)");
        }
        return new Instances(root, found);
    }

    List<Instance> of(String kind) {
        return all.stream().filter(i -> i.kind().equals(kind)).toList();
    }

    /** The instance of {@code kind} a fault hits: the highest-numbered one, so instance 0 keeps its ports. */
    Optional<Instance> target(String kind) {
        return of(kind).stream().max(java.util.Comparator.comparingInt(Instance::index));
    }

    List<String> gatewayUrls() {
        return of("api-gateway").stream().map(g -> "http://127.0.0.1:" + g.port()).toList();
    }

    String bootstrap() {
        return String.join(",", of("kafka").stream().map(k -> "127.0.0.1:" + k.port()).toList());
    }

    static void signal(Instance instance, String signal) {
        run(List.of("kill", "-" + signal, Long.toString(instance.pid())), "kill -" + signal + " " + instance.name());
    }

    /** {@code ./boxoffice up} with this system's instance counts: starts exactly what is missing, waits for health. */
    long restore() {
        long started = System.nanoTime();
        ProcessBuilder up = new ProcessBuilder(root.resolve("boxoffice").toString(), "up").directory(root.toFile())
                .redirectErrorStream(true).redirectOutput(root.resolve("var/log/chaos-up.log").toFile());
        up.environment().put("BOXOFFICE_BROKERS", Integer.toString(Math.max(1, of("kafka").size())));
        up.environment().put("BOXOFFICE_PROCESSORS", Integer.toString(of("booking-processor").size()));
        up.environment().put("BOXOFFICE_USER_SERVICES", Integer.toString(of("user-service").size()));
        up.environment().put("BOXOFFICE_GATEWAYS", Integer.toString(of("api-gateway").size()));
        up.environment().put("BOXOFFICE_NO_BUILD", "1");
        try {
            Process process = up.start();
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new BenchAbort("./boxoffice up did not bring the system back (var/log/chaos-up.log)");
            }
        } catch (IOException e) {
            throw new BenchAbort("cannot run ./boxoffice up: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchAbort("interrupted");
        }
        return System.nanoTime() - started;
    }

    private static void run(List<String> command, String what) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new BenchAbort(what + " failed: " + new String(process.getInputStream().readAllBytes()).strip());
            }
        } catch (IOException e) {
            throw new BenchAbort(what + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchAbort("interrupted");
        }
    }
}
