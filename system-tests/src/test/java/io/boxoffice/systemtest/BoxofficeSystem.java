package io.boxoffice.systemtest;

import io.boxoffice.common.Ids;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole Boxoffice system as a client meets it: one real Kafka broker and the user-service,
 * booking-processor and api-gateway as separate JVMs from their jars, on free ports. Started once per
 * test JVM (see {@link SystemExtension}) and shared by all test classes; tests reach it only over HTTP
 * through {@link #gatewayUrl()}, plus Kafka for reading the public analytics feed.
 */
final class BoxofficeSystem implements AutoCloseable {
    final KafkaBroker broker;
    final String adminPassword = "admin-" + Ids.random();
    private final int usersPort = freePort();
    private final int processorPort = freePort();
    private final int gatewayPort = freePort();
    private final ServiceProcess users;
    private volatile ServiceProcess processor;
    private final ServiceProcess gateway;
    private int processorLaunches;

    private BoxofficeSystem(KafkaBroker broker) {
        this.broker = broker;
        users = ServiceProcess.launch("user-service", SystemPaths.jar("boxoffice.jars.users"), usersPort, usersEnv());
        processor = launchProcessor();
        gateway = ServiceProcess.launch("api-gateway", SystemPaths.jar("boxoffice.jars.gateway"), gatewayPort,
                gatewayEnv());
    }

    static BoxofficeSystem start() {
        long started = System.nanoTime();
        KafkaBroker broker = KafkaBroker.start();
        BoxofficeSystem system = null;
        try {
            system = new BoxofficeSystem(broker);
            // The JVMs start in parallel; waiting on each in turn costs no more than the slowest.
            for (ServiceProcess service : List.of(system.users, system.processor, system.gateway)) {
                service.awaitHealthy();
            }
            System.out.printf("Boxoffice system up in %d ms on %s (%s): gateway %s%n",
                    (System.nanoTime() - started) / 1_000_000, broker.bootstrapServers(), broker.kind(),
                    system.gatewayUrl());
            return system;
        } catch (RuntimeException | Error e) {
            if (system != null) {
                system.close();
            } else {
                Reaper.killAll();
                broker.close();
            }
            throw e;
        }
    }

    String gatewayUrl() {
        return gateway.url();
    }

    ServiceProcess processor() {
        return processor;
    }

    /**
     * Kills the processor with SIGKILL (no clean close: open transactions stay open until the broker
     * aborts them) and starts a replacement with the same application id and port but an empty state
     * directory, so it must rebuild every store from the changelogs. Returns at once; the caller decides
     * when to wait for health, since clients keep talking to the system during the gap.
     */
    synchronized ServiceProcess crashAndReplaceProcessor() {
        processor.kill();
        processor = launchProcessor();
        return processor;
    }

    private synchronized ServiceProcess launchProcessor() {
        processorLaunches++;
        String name = processorLaunches == 1 ? "booking-processor" : "booking-processor-" + processorLaunches;
        Map<String, String> env = common("booking-processor");
        env.put("BOXOFFICE_APPLICATION_SERVER", "127.0.0.1:" + processorPort);
        return ServiceProcess.launch(name, SystemPaths.jar("boxoffice.jars.processor"), processorPort, env);
    }

    private Map<String, String> usersEnv() {
        Map<String, String> env = common("user-service");
        env.put("BOXOFFICE_ADMIN_PASSWORD", adminPassword);
        env.put("BOXOFFICE_JWT_KEY_FILE", SystemPaths.freshState("jwt").resolve("jwt-signing-key.pem").toString());
        env.put("BOXOFFICE_USERS_APPLICATION_SERVER", "127.0.0.1:" + usersPort);
        return env;
    }

    private Map<String, String> gatewayEnv() {
        Map<String, String> env = common("api-gateway");
        env.put("BOXOFFICE_USER_SERVICE_URL", "http://127.0.0.1:" + usersPort);
        env.put("BOXOFFICE_PROCESSOR_URL", "http://127.0.0.1:" + processorPort);
        return env;
    }

    private Map<String, String> common(String name) {
        Map<String, String> env = new HashMap<>();
        env.put("BOXOFFICE_KAFKA_BOOTSTRAP", broker.bootstrapServers());
        env.put("BOXOFFICE_INSTANCE", "0");
        env.put("BOXOFFICE_STATE_DIR", SystemPaths.freshState(name).toString());
        env.put("BOXOFFICE_COMMIT_INTERVAL_MS", "10");
        return env;
    }

    @Override
    public void close() {
        Reaper.killAll();
        broker.close();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
