package io.boxoffice.systemtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where the system's logs and state live: under the module's target/, so `mvn clean` removes them. The
 * previous run's state (RocksDB directories, hundreds of MB) is wiped when this run starts, but kept after
 * it, for a post-mortem.
 */
final class SystemPaths {
    static {
        wipe(target().resolve("system-state"));
    }

    private SystemPaths() {
    }

    static Path logs() {
        return directory(target().resolve("system-logs"));
    }

    /** A fresh directory per call: a restarted service must not find its predecessor's state. */
    static Path freshState(String name) {
        try {
            return Files.createTempDirectory(directory(target().resolve("system-state")), name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path jar(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("System property " + property + " is not set (run through failsafe)");
        }
        return Path.of(value).toAbsolutePath().normalize();
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
