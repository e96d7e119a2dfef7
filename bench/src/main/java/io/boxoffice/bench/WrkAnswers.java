package io.boxoffice.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;

/**
 * Reads the answers wrk's connections wrote (bench/wrk/storm.lua: "#t0", then one tab-separated line per
 * answer, "#done" at the end) into a {@link Tally}, with the arrivals that got no answer: in the open
 * model every scheduled arrival without a line, in the closed model the one request in flight on each
 * connection that never finished. Those count from their due time to {@code stopNanos}.
 */
final class WrkAnswers {
    private WrkAnswers() {
    }

    static boolean finished(Path dir, int connection) {
        Path file = file(dir, connection);
        try {
            long size = Files.size(file);
            if (size < 6) {
                return false;
            }
            try (var channel = Files.newByteChannel(file)) {
                var tail = java.nio.ByteBuffer.allocate(6);
                channel.position(size - 6).read(tail);
                return new String(tail.array(), java.nio.charset.StandardCharsets.US_ASCII).equals("#done\n");
            }
        } catch (IOException e) {
            return false;
        }
    }

    static Tally read(Path dir, int connections, int rate, int seconds, long stopNanos) {
        Tally tally = new Tally();
        long arrivals = (long) rate * seconds;
        BitSet answered = new BitSet();
        for (int k = 0; k < connections; k++) {
            long t0Micros = -1;
            long lastEnd = -1;
            boolean done = false;
            try {
                String text = Files.readString(file(dir, k));
                // A line without its newline was being written when wrk was stopped: not an answer.
                String[] all = text.substring(0, text.lastIndexOf('\n') + 1).split("\n");
                for (String line : all) {
                    if (line.startsWith("#t0\t")) {
                        t0Micros = Long.parseLong(line.substring(4).trim());
                    } else if (line.equals("#done")) {
                        done = true;
                    } else if (!line.isBlank()) {
                        String[] f = line.split("\t");
                        int n = Integer.parseInt(f[0]);
                        long end = Long.parseLong(f[2]) * 1_000;
                        tally.record(n + 1L, Integer.parseInt(f[4]), Long.parseLong(f[1]) * 1_000, end,
                                Integer.parseInt(f[3]), f[5].equals("-") ? null : f[5]);
                        answered.set(n);
                        lastEnd = Math.max(lastEnd, end);
                    }
                }
            } catch (IOException | RuntimeException e) {
                System.out.println("bench: could not read the answers of wrk connection " + k + ": " + e);
            }
            if (rate > 0 && t0Micros >= 0) {
                // Every arrival of this connection's schedule that has no answer waited until the stop.
                for (long n = k; n < arrivals; n += connections) {
                    if (!answered.get((int) n)) {
                        long due = t0Micros * 1_000 + n * 1_000_000_000L / rate;
                        tally.record(n + 1, -1, due, stopNanos, null, null);
                    }
                }
            } else if (rate == 0 && !done) {
                tally.record(-1, -1, lastEnd < 0 ? stopNanos : lastEnd, stopNanos, null, null);
            }
        }
        tally.startedAtNanos();
        return tally;
    }

    private static Path file(Path dir, int connection) {
        return dir.resolve("conn-" + connection + ".tsv");
    }
}
