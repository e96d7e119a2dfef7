package io.boxoffice.systemtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * Where the system's logs, state and jar copies live: under the module's target/, so `mvn clean` removes them. The
 * previous run's state (RocksDB directories, hundreds of MB) is wiped when this run starts, but kept after
 * it, for a post-mortem.
 */
final class SystemPaths {
    /** How long a missing or half-written jar is waited for (someone may be rebuilding it). */
    private static final Duration JAR_WAIT = Duration.ofMinutes(3);
    private static final Duration JAR_RETRY = Duration.ofSeconds(5);
    /** Older copies belong to runs that were killed before they could delete theirs. */
    private static final Duration STALE_JAR_COPIES = Duration.ofHours(1);
    private static final Map<String, Path> SNAPSHOTS = new HashMap<>();
    private static Path jarCopies;

    static {
        wipe(target().resolve("system-state"));
    }

    private SystemPaths() {
    }

    static Path logs() {
        return directory(target().resolve("system-logs"));
    }

    /** Where the browser tests save their screenshots: {@code -Dboxoffice.screenshots=…}, else under target/. */
    static Path screenshots() {
        String chosen = System.getProperty("boxoffice.screenshots", "");
        return chosen.isBlank() ? target().resolve("screenshots") : Path.of(chosen).toAbsolutePath();
    }

    /** A fresh directory per call: a restarted service must not find its predecessor's state. */
    static Path freshState(String name) {
        try {
            return Files.createTempDirectory(directory(target().resolve("system-state")), name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * This run's copy of a service jar. The module jars may be rebuilt while the suite runs; a JVM whose jar
     * is replaced under it fails to load classes, and a gateway started late would run other code than the
     * rest. So each jar is copied once, checked to be a complete archive (a jar being written is not), and
     * every launch of that service in this run uses the copy.
     */
    static synchronized Path jar(String property) {
        return SNAPSHOTS.computeIfAbsent(property, SystemPaths::snapshot);
    }

    private static Path snapshot(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("System property " + property + " is not set (run through failsafe)");
        }
        Path jar = Path.of(value).toAbsolutePath().normalize();
        Path copy = jarCopies().resolve(jar.getFileName());
        copy.toFile().deleteOnExit();
        long deadline = System.nanoTime() + JAR_WAIT.toNanos();
        while (true) {
            try {
                Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
                try (ZipFile complete = new ZipFile(copy.toFile())) {
                    return extract(copy);
                }
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("No complete jar at " + jar + " within " + JAR_WAIT
                            + " (build it first)", e);
                }
                pause();
            }
        }
    }

    /**
     * The jar unpacked by Spring Boot's own tool into a jar of the application's classes beside a folder of its
     * libraries: what a JVM loads faster than nested jars, and what an AOT cache can record
     * ({@link ServiceProcess#train}). Returns the jar to run.
     */
    private static Path extract(Path jar) throws IOException {
        String name = jar.getFileName().toString();
        Path destination = jar.resolveSibling(name.substring(0, name.length() - ".jar".length()));
        Process tool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djarmode=tools", "-jar", jar.toString(), "extract", "--force", "--destination", destination.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            if (tool.waitFor() != 0) {
                throw new IOException("Could not extract " + jar + " (exit " + tool.exitValue() + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while extracting " + jar, e);
        }
        return destination.resolve(name);
    }

    /**
     * This run's own directory of jar copies: a run started meanwhile in the same module (another engineer's)
     * must never copy over a jar this run is still launching from. Deleted when the test JVM exits.
     */
    private static Path jarCopies() {
        if (jarCopies == null) {
            Path root = directory(target().resolve("system-jars"));
            try (Stream<Path> runs = Files.list(root)) {
                long staleBefore = System.currentTimeMillis() - STALE_JAR_COPIES.toMillis();
                runs.filter(run -> run.toFile().lastModified() < staleBefore).forEach(SystemPaths::wipe);
                jarCopies = Files.createTempDirectory(root, "run-");
                jarCopies.toFile().deleteOnExit();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return jarCopies;
    }

    private static void pause() {
        try {
            Thread.sleep(JAR_RETRY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a jar", e);
        }
    }

    private static Path target() {
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolve("target");
    }

    private static void wipe(Path root) {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(root)) {
            tree.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path directory(Path path) {
        try {
            return Files.createDirectories(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
