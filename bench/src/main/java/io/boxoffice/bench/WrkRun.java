package io.boxoffice.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One run of Debian's {@code wrk} with {@code bench/wrk/storm.lua}: one wrk thread per connection (so each
 * connection's Lua state knows which scheduled arrival it serves), answers written by every connection to
 * a file of its own, read back here into a {@link Tally}. The run ends when every connection has written
 * "#done" (it has sent its last arrival and has its answer) or at the hard stop; wrk's CPU is counted
 * while it still runs. Arrivals that never got an answer count as "no answer", waiting until the stop.
 */
final class WrkRun {
    private static final long GRACE_SECONDS = 90;

    private final BenchSettings settings;
    private final Path dir;
    private final List<String> paths;
    private final List<String> tokens;

    /** @param dir where the plan and the answers go; null runs without recording (the warm-up) */
    WrkRun(BenchSettings settings, Path dir, List<String> paths, List<String> tokens) {
        this.settings = settings;
        this.dir = dir;
        this.paths = paths;
        this.tokens = tokens;
    }

    /** Runs {@code seconds} at {@code rate} arrivals/s (0: closed model) and returns what was answered. */
    Tally run(int rate, int seconds, CpuAccount cpu) {
        Path work = dir != null ? dir : tempDir();
        Path plan = work.resolve("plan.txt");
        List<String> lines = new ArrayList<>();
        paths.forEach(path -> lines.add("P " + path));
        tokens.forEach(token -> lines.add("T Bearer " + token));
        try {
            Files.createDirectories(work);
            Files.write(plan, lines);
            plan.toFile().setReadable(false, false);
            plan.toFile().setReadable(true, true);
        } catch (IOException e) {
            throw new BenchAbort("could not write the wrk plan to " + work + ": " + e);
        }
        int connections = settings.connections();
        List<String> command = List.of("wrk", "-t", String.valueOf(connections), "-c", String.valueOf(connections),
                "-d", (seconds + GRACE_SECONDS) + "s", "--timeout", "60s", "-s",
                settings.root().resolve("bench/wrk/storm.lua").toString(), settings.url(), "--",
                plan.toString(), dir != null ? dir.toString() : "-", String.valueOf(connections),
                String.valueOf(rate), String.valueOf(seconds), settings.scenario().async ? "1" : "0",
                String.valueOf(settings.seats()));
        Process wrk = start(command, work.resolve("wrk.log"));
        if (cpu != null) {
            cpu.track("load generator (wrk)", wrk.pid());
            cpu.start();
        }
        long hardStop = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds + GRACE_SECONDS);
        waitUntilDone(wrk, connections, seconds, hardStop);
        if (cpu != null) {
            cpu.freeze();
        }
        wrk.destroy();
        try {
            wrk.waitFor(10, TimeUnit.SECONDS);
            Files.deleteIfExists(plan);
            if (dir == null) {
                // The warm-up's scratch directory: nothing in it is kept.
                Files.deleteIfExists(work.resolve("wrk.log"));
                Files.deleteIfExists(work);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // A plan left behind holds tokens of bench users only, in a directory of mode 700.
        }
        return dir == null ? new Tally() : WrkAnswers.read(dir, connections, rate, seconds, System.nanoTime());
    }

    private void waitUntilDone(Process wrk, int connections, int seconds, long hardStop) {
        long noisyUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        BitSet done = new BitSet(connections);
        long lastProgress = System.nanoTime();
        while (wrk.isAlive() && System.nanoTime() < hardStop && done.cardinality() < connections) {
            sleep(System.nanoTime() < noisyUntil ? 1_000 : 200);
            if (dir == null) {
                if (System.nanoTime() >= noisyUntil) {
                    return; // the warm-up needs no answers; it just ends
                }
                continue;
            }
            for (int k = done.nextClearBit(0); k < connections; k = done.nextClearBit(k + 1)) {
                if (WrkAnswers.finished(dir, k)) {
                    done.set(k);
                }
            }
            if (System.nanoTime() - lastProgress > TimeUnit.SECONDS.toNanos(5)) {
                lastProgress = System.nanoTime();
                System.out.printf("bench: wrk storm running; %d of %d connections done%n", done.cardinality(),
                        connections);
            }
        }
    }

    private static Process start(List<String> command, Path log) {
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new BenchAbort("could not start wrk (sudo apt-get install wrk): " + e.getMessage());
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("boxoffice-wrk");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchAbort("interrupted");
        }
    }
}
