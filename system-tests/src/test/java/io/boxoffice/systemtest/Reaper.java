package io.boxoffice.systemtest;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Makes sure no service JVM outlives the test JVM, even when the run is aborted: every launched process
 * is killed by the system's close and, as a last resort, by a JVM shutdown hook.
 */
final class Reaper {
    private static final List<ServiceProcess> LAUNCHED = new CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Reaper::killAll, "system-tests-reaper"));
    }

    private Reaper() {
    }

    static void register(ServiceProcess process) {
        LAUNCHED.add(process);
    }

    static void killAll() {
        LAUNCHED.forEach(ServiceProcess::kill);
    }
}
