package io.boxoffice.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The machine a run was measured on, recorded with its figures: cores and the 1-minute load average
 * before and after (a high load before means something else competed for the CPU and the figures are low),
 * and the JVM the gateway runs on, which need not be the bench's own.
 */
final class Machine {
    private final Path root;
    private String loadBefore = "?";

    Machine(Path root) {
        this.root = root;
    }

    void before() {
        loadBefore = loadAverage();
    }

    Map<String, Object> after() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("loadBefore", loadBefore);
        machine.put("loadAfter", loadAverage());
        machine.put("java", System.getProperty("java.version"));
        machine.put("servicesJava", servicesJava());
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        return machine;
    }

    /** The gateway's Java version, from its JDK's release file, and whether it runs with an AOT cache. */
    private String servicesJava() {
        try {
            var gateway = Instances.of(root).of("api-gateway").stream().findFirst()
                    .flatMap(g -> ProcessHandle.of(g.pid())).map(ProcessHandle::info);
            if (gateway.isEmpty() || gateway.get().command().isEmpty()) {
                return "?";
            }
            Path jdk = Path.of(gateway.get().command().get()).getParent().getParent();
            String version = Files.readAllLines(jdk.resolve("release")).stream()
                    .filter(line -> line.startsWith("JAVA_VERSION=")).findFirst()
                    .map(line -> line.substring("JAVA_VERSION=".length()).replace("\"", "")).orElse("?");
            boolean aot = gateway.get().arguments().stream().flatMap(java.util.Arrays::stream)
                    .anyMatch(argument -> argument.startsWith("-XX:AOTCache="));
            return version + (aot ? " with its AOT cache" : "");
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }
}
