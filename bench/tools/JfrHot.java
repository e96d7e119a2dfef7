import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a JFR recording's CPU samples went, for JDK 17 (which lacks `jfr view hot-methods`):
 * the methods on top of the stack (self time), the methods anywhere on the stack (total time), and
 * the share by code area (package prefix), plus GC pauses. Run it without compiling:
 *   java bench/tools/JfrHot.java var/bench/jfr/gateway.jfr [rows]
 */
public class JfrHot {
    public static void main(String[] args) throws IOException {
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> total = new HashMap<>();
        Map<String, Integer> areas = new HashMap<>();
        long samples = 0;
        long gcPauseNanos = 0;
        int gcs = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            String type = event.getEventType().getName();
            if (type.equals("jdk.GarbageCollection")) {
                gcs++;
                gcPauseNanos += event.getDuration("sumOfPauses").toNanos();
            }
            if (!type.equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            samples++;
            self.merge(name(frames.get(0)), 1, Integer::sum);
            areas.merge(area(frames), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame frame : frames) {
                if (seen.add(name(frame))) {
                    total.merge(name(frame), 1, Integer::sum);
                }
            }
        }
        System.out.printf("%s: %d CPU samples; %d GCs, %.0f ms of pauses%n", args[0], samples, gcs, gcPauseNanos / 1e6);
        print("self (top of stack)", self, samples, rows);
        print("total (anywhere on the stack)", total, samples, rows);
        print("by area (first frame of a known library or the project, from the top)", areas, samples, rows);
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    /** The innermost frame that belongs to a library or the project names the area the sample was in. */
    private static String area(List<RecordedFrame> frames) {
        String[] known = {"io.boxoffice.", "org.apache.kafka.", "org.rocksdb.", "com.nimbusds.", "org.springframework.security.",
                "tools.jackson.", "com.fasterxml.jackson.", "io.netty.", "reactor.", "org.springframework.", "io.micrometer.",
                "sun.security.", "java.security.", "javax.crypto.", "java.util.zip.", "sun.nio.", "java.", "jdk.", "sun."};
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            for (String prefix : known) {
                if (type.startsWith(prefix) && !prefix.equals("java.") && !prefix.equals("jdk.") && !prefix.equals("sun.")) {
                    return prefix + "*";
                }
            }
        }
        String top = frames.get(0).getMethod().getType().getName();
        int dot = top.lastIndexOf('.');
        return (dot < 0 ? top : top.substring(0, dot)) + ".*";
    }

    private static void print(String title, Map<String, Integer> counts, long samples, int rows) {
        System.out.println("\n" + title);
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(rows)
                .forEach(e -> System.out.printf("  %5.1f%%  %s%n", 100.0 * e.getValue() / samples, e.getKey()));
    }
}
