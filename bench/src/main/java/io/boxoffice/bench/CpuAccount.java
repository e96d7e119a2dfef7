package io.boxoffice.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time each process spent during the storm, from /proc (Linux): the processes the launcher started
 * (var/run/*.pid) and the load generator itself. On a shared 2-core machine this says where the time
 * goes better than any single profile: divided by the answers, it is the CPU cost of one request per
 * component. Silently empty where /proc or the pid files are missing (another OS, an external system).
 */
final class CpuAccount {
    /** Linux's USER_HZ: /proc/<pid>/stat counts clock ticks of 10 ms on every mainstream kernel. */
    private static final double TICK_MS = 10.0;

    private final Path runDir;
    private final String selfName;
    private final Map<String, Long> tracked = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile Map<String, Long> start = Map.of();
    private volatile Map<String, Long> end;

    /** {@code selfName}: what this JVM is in the figures (the load generator, or only its driver). */
    CpuAccount(Path root, String selfName) {
        this.runDir = root.resolve("var/run");
        this.selfName = selfName;
    }

    /** Counts another process too (a load generator this JVM started), under {@code name}. */
    void track(String name, long pid) {
        tracked.put(name, pid);
    }

    void start() {
        start = snapshot();
    }

    /** Ends the window now, while every counted process still runs (a load generator is about to exit). */
    void freeze() {
        end = snapshot();
    }

    /** Milliseconds of CPU per process since {@link #start()}, until {@link #freeze()} or now. */
    Map<String, Double> sinceStart() {
        Map<String, Long> end = this.end != null ? this.end : snapshot();
        Map<String, Double> used = new LinkedHashMap<>();
        end.forEach((name, ticks) -> {
            Long before = start.get(name);
            if (before != null) {
                used.put(name, (ticks - before) * TICK_MS);
            }
        });
        return used;
    }

    private Map<String, Long> snapshot() {
        Map<String, Long> ticks = new TreeMap<>();
        if (Files.isDirectory(runDir)) {
            try (DirectoryStream<Path> pids = Files.newDirectoryStream(runDir, "*.pid")) {
                for (Path file : pids) {
                    String name = file.getFileName().toString().replace(".pid", "");
                    Long used = ticksOf(Files.readString(file).strip());
                    if (used != null) {
                        ticks.put(name, used);
                    }
                }
            } catch (IOException e) {
                return ticks;
            }
        }
        tracked.forEach((name, pid) -> {
            Long used = ticksOf(String.valueOf(pid));
            if (used != null) {
                ticks.put(name, used);
            }
        });
        Long self = ticksOf("self");
        if (self != null) {
            ticks.put(selfName, self);
        }
        return ticks;
    }

    private static Long ticksOf(String pid) {
        try {
            String stat = Files.readString(Path.of("/proc", pid, "stat"));
            // Fields after the command name, which is in parentheses and may contain spaces.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
