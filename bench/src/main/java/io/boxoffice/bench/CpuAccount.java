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
    private volatile Map<String, Long> start = Map.of();

    CpuAccount(Path root) {
        this.runDir = root.resolve("var/run");
    }

    void start() {
        start = snapshot();
    }

    /** Milliseconds of CPU per process since {@link #start()}. */
    Map<String, Double> sinceStart() {
        Map<String, Long> end = snapshot();
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
        Long self = ticksOf("self");
        if (self != null) {
            ticks.put("load generator (Gatling)", self);
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
