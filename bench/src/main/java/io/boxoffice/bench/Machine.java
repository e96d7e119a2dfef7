package io.boxoffice.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The machine a run was measured on, recorded with its figures: cores and the 1-minute load average
 * before and after (a high load before means something else competed for the CPU and the figures are low).
 */
final class Machine {
    private String loadBefore = "?";

    void before() {
        loadBefore = loadAverage();
    }

    Map<String, Object> after() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("loadBefore", loadBefore);
        machine.put("loadAfter", loadAverage());
        machine.put("java", System.getProperty("java.version"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        return machine;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }
}
