package io.boxoffice.systemtest;

import io.boxoffice.common.Ids;
import io.boxoffice.common.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The whole Boxoffice system as a client meets it: one real Kafka broker, two user-service and two
 * booking-processor instances (with standby replicas) and the api-gateway, as separate JVMs from their jars,
 * on free ports. Started once per test JVM (see {@link SystemExtension}) and shared by all test classes; tests
 * reach it only over HTTP through {@link #gatewayUrl()}, plus Kafka for reading the public analytics feed.
 * Since every test runs against two instances of each stream processor, every read of the contract is
 * checked across instances: keyed reads routed to the owner, lists gathered from both.
 * <p>
 * Gateway instance 0 always runs. Tests may start more instances side by side ({@link #startGateway}), each
 * with its own port and its own reply partition, and restart one as an operator would after a crash
 * ({@link #restartGateway}): same instance number, same port, same configuration. A processor instance can
 * crash (SIGKILL, then a replacement on an empty state directory) or be stopped cleanly and started again on its
 * own state directory ({@link #stopProcessor}, {@link #startProcessor}), as in a rolling restart.
 */
final class BoxofficeSystem implements AutoCloseable {
    final KafkaBroker broker;
    final String adminPassword = "admin-" + Ids.random();
    /** Instances of each stream processor: two, so that every read crosses instances. */
    static final int PROCESSORS = 2;
    static final int USER_SERVICES = 2;
    /** The instance number of {@link #secondGateway()}. */
    static final int SECOND_GATEWAY = 1;
    private static final String USERS_JAR = "boxoffice.jars.users";
    private static final String PROCESSOR_JAR = "boxoffice.jars.processor";
    private static final String GATEWAY_JAR = "boxoffice.jars.gateway";
    /** The first lock after failed logins, on every user-service of the suite. */
    static final Duration LOGIN_LOCK = Duration.ofMinutes(2);

    private final List<Integer> usersPorts = freePorts(USER_SERVICES);
    private final List<Integer> processorPorts = freePorts(PROCESSORS);
    private final List<ServiceProcess> users = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<ServiceProcess> processors = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<Integer, Gateway> gateways = new ConcurrentHashMap<>();
    private final Map<Integer, Integer> processorLaunches = new ConcurrentHashMap<>();
    private final Map<Integer, Integer> userLaunches = new ConcurrentHashMap<>();
    /** The state directory each processor instance was last launched with, for {@link #startProcessor}. */
    private final Map<Integer, Path> processorStates = new ConcurrentHashMap<>();
    /**
     * How long a stopped processor may take to exit: Spring closes Streams first, whose close waits up to 20 s
     * (StreamsRuntime), then the web server, which has no requests left to finish.
     */
    private static final Duration PROCESSOR_STOP_LIMIT = Duration.ofSeconds(60);

    /** How one gateway instance was configured, so that a restart brings back exactly the same. */
    private record Gateway(int instance, int port, Map<String, String> env, int launches, ServiceProcess process) {
    }

    private BoxofficeSystem(KafkaBroker broker) {
        this.broker = broker;
        train();
        for (int i = 0; i < USER_SERVICES; i++) {
            users.add(launchUserService(i));
        }
        for (int i = 0; i < PROCESSORS; i++) {
            processors.add(launchProcessor(i));
        }
        launchGateway(0, Map.of());
    }

    static BoxofficeSystem start() {
        long started = System.nanoTime();
        KafkaBroker broker = KafkaBroker.start();
        BoxofficeSystem system = null;
        try {
            system = new BoxofficeSystem(broker);
            // The JVMs start in parallel; waiting on each in turn costs no more than the slowest.
            List<ServiceProcess> all = new java.util.ArrayList<>(system.users);
            all.addAll(system.processors);
            all.add(system.gateway(0));
            for (ServiceProcess service : all) {
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
        return gateway(0).url();
    }

    /** The running gateway of that instance number. */
    ServiceProcess gateway(int instance) {
        Gateway gateway = gateways.get(instance);
        if (gateway == null) {
            throw new IllegalStateException("No gateway instance " + instance + " runs");
        }
        return gateway.process();
    }

    /**
     * Gateway instance 1 with the usual configuration, started on first use and then kept for every test that
     * needs a second gateway: one JVM start for the suite instead of one per test class.
     */
    synchronized ServiceProcess secondGateway() {
        Gateway running = gateways.get(SECOND_GATEWAY);
        return running != null ? running.process() : startGateway(SECOND_GATEWAY, Map.of());
    }

    /**
     * Starts another gateway instance on the same cluster, on a free port, with {@code extraEnv} on top of
     * the usual configuration, and returns it once healthy. Its instance number is its reply partition, so
     * it must be free and below the reply topic's partition count.
     */
    ServiceProcess startGateway(int instance, Map<String, String> extraEnv) {
        if (instance < 0 || instance >= KafkaBroker.REPLY_PARTITIONS) {
            throw new IllegalArgumentException("Gateway instance " + instance + " has no partition of "
                    + Topics.BOOKING_REPLIES + " (0.." + (KafkaBroker.REPLY_PARTITIONS - 1) + ")");
        }
        ServiceProcess started = launchGateway(instance, extraEnv);
        started.awaitHealthy();
        return started;
    }

    /**
     * Kills the gateway with SIGKILL (waiters and in-memory state are gone) and starts it again with the same
     * instance number, port and configuration; returns it once healthy.
     */
    ServiceProcess restartGateway(int instance) {
        killGateway(instance);
        return relaunchGateway(instance);
    }

    /** Kills the gateway with SIGKILL and leaves it down, to be brought back by {@link #relaunchGateway}. */
    void killGateway(int instance) {
        gateway(instance).kill();
    }

    /** Starts a killed gateway again with its instance number, port and configuration; returns it once healthy. */
    ServiceProcess relaunchGateway(int instance) {
        ServiceProcess restarted = relaunch(gateways.get(instance));
        restarted.awaitHealthy();
        return restarted;
    }

    /** Kills an extra gateway instance; instance 0 serves every test and stays, so does {@link #secondGateway()}. */
    void stopGateway(int instance) {
        if (instance == 0 || instance == SECOND_GATEWAY) {
            throw new IllegalArgumentException("Gateway instance " + instance + " is shared by the tests");
        }
        Gateway gone = gateways.remove(instance);
        if (gone != null) {
            gone.process().kill();
        }
    }

    ServiceProcess processor(int instance) {
        return processors.get(instance);
    }

    /**
     * Kills processor instance 0 with SIGKILL (no clean close: open transactions stay open until the broker
     * aborts them) and starts a replacement with the same application id and port but an empty state
     * directory, so it must rebuild its stores from the changelogs while the other instance takes over its
     * partitions. Returns at once; the caller decides when to wait for health, since clients keep talking to
     * the system during the gap.
     */
    synchronized ServiceProcess crashAndReplaceProcessor() {
        processors.get(0).kill();
        ServiceProcess replacement = launchProcessor(0);
        processors.set(0, replacement);
        return replacement;
    }

    /** Kills processor {@code instance} with SIGKILL and leaves it down. */
    synchronized void killProcessor(int instance) {
        processors.get(instance).kill();
    }

    /**
     * Starts processor {@code instance} again after {@link #killProcessor} (same port and application
     * server, an empty state directory) and returns it once healthy.
     */
    ServiceProcess restartProcessor(int instance) {
        ServiceProcess restarted;
        synchronized (this) {
            restarted = launchProcessor(instance);
            processors.set(instance, restarted);
        }
        // Outside the lock: instances of both kinds may be brought back at the same time.
        restarted.awaitHealthy();
        return restarted;
    }

    /**
     * Stops processor {@code instance} as an operator would, with SIGTERM (Streams commits and closes its tasks
     * and keeps its state directory), and leaves it down; the other instance takes its partitions over once the
     * group rebalances. Returns once the process has exited.
     */
    synchronized void stopProcessor(int instance) {
        processors.get(instance).stop(PROCESSOR_STOP_LIMIT);
    }

    /**
     * Starts processor {@code instance} again after {@link #stopProcessor}, as the same service on the same host
     * would come back: same port and application server, and its predecessor's state directory, so its stores
     * only need what the changelogs gained while it was down. Returns at once, like
     * {@link #crashAndReplaceProcessor}: the caller decides when to wait for health, since the group rebalances
     * meanwhile.
     */
    synchronized ServiceProcess startProcessor(int instance) {
        if (processors.get(instance).alive()) {
            throw new IllegalStateException("Processor instance " + instance + " still runs");
        }
        ServiceProcess started = launchProcessor(instance, processorStates.get(instance));
        processors.set(instance, started);
        return started;
    }

    /** Kills user-service {@code instance} with SIGKILL and leaves it down. */
    synchronized void killUserService(int instance) {
        users.get(instance).kill();
    }

    /** Starts user-service {@code instance} again (same port, an empty state directory), once healthy. */
    ServiceProcess restartUserService(int instance) {
        ServiceProcess restarted;
        synchronized (this) {
            restarted = launchUserService(instance);
            users.set(instance, restarted);
        }
        restarted.awaitHealthy();
        return restarted;
    }

    /**
     * One AOT cache per service, recorded for the three at once before any instance starts: the suite launches
     * some twenty service JVMs, on two cores, and their starts are much of its time.
     */
    private void train() {
        Path trainingState = SystemPaths.freshState("training");
        List<Runnable> trainings = List.of(
                () -> ServiceProcess.train("user-service-training", SystemPaths.jar(USERS_JAR),
                        usersEnv("user-service-training", 0)),
                () -> ServiceProcess.train("booking-processor-training", SystemPaths.jar(PROCESSOR_JAR),
                        processorEnv("booking-processor-training", trainingState, processorPorts.get(0))),
                () -> ServiceProcess.train("api-gateway-training", SystemPaths.jar(GATEWAY_JAR),
                        gatewayEnv(0, Map.of())));
        Concurrently.run(trainings.size(), i -> {
            trainings.get(i).run();
            return null;
        });
    }

    private synchronized ServiceProcess launchUserService(int instance) {
        int launches = userLaunches.merge(instance, 1, Integer::sum);
        String name = "user-service-" + instance + (launches == 1 ? "" : "." + launches);
        return ServiceProcess.launch(name, SystemPaths.jar(USERS_JAR), usersPorts.get(instance),
                usersEnv(name, instance));
    }

    private synchronized ServiceProcess launchProcessor(int instance) {
        return launchProcessor(instance, null);
    }

    /** Launches processor {@code instance} on {@code state}, or on a fresh state directory when it is null. */
    private synchronized ServiceProcess launchProcessor(int instance, Path state) {
        int launches = processorLaunches.merge(instance, 1, Integer::sum);
        String name = "booking-processor-" + instance + (launches == 1 ? "" : "." + launches);
        Path stateDir = state != null ? state : SystemPaths.freshState(name);
        processorStates.put(instance, stateDir);
        int port = processorPorts.get(instance);
        return ServiceProcess.launch(name, SystemPaths.jar(PROCESSOR_JAR), port, processorEnv(name, stateDir, port));
    }

    private Map<String, String> processorEnv(String name, Path stateDir, int port) {
        Map<String, String> env = common(name, stateDir);
        env.put("BOXOFFICE_APPLICATION_SERVER", "127.0.0.1:" + port);
        env.put("BOXOFFICE_STANDBY_REPLICAS", "1");
        return env;
    }

    private Map<String, String> usersEnv(String name, int instance) {
        Map<String, String> env = common(name);
        env.put("BOXOFFICE_INSTANCE", Integer.toString(instance));
        env.put("BOXOFFICE_ADMIN_PASSWORD", adminPassword);
        env.put("BOXOFFICE_JWT_KEY_FILE", JWT_KEY.toString());
        env.put("BOXOFFICE_USERS_APPLICATION_SERVER", "127.0.0.1:" + usersPorts.get(instance));
        env.put("BOXOFFICE_STANDBY_REPLICAS", "1");
        // Longer than the contract's 30 s minimum, so that a lock outlives both user-services restarting.
        env.put("BOXOFFICE_LOGIN_LOCK", LOGIN_LOCK.toString());
        return env;
    }

    private synchronized ServiceProcess launchGateway(int instance, Map<String, String> extraEnv) {
        if (gateways.containsKey(instance)) {
            throw new IllegalStateException("Gateway instance " + instance + " already runs");
        }
        return relaunch(new Gateway(instance, freePort(), Map.copyOf(gatewayEnv(instance, extraEnv)), 0, null));
    }

    private Map<String, String> gatewayEnv(int instance, Map<String, String> extraEnv) {
        Map<String, String> env = common("api-gateway-" + instance);
        env.put("BOXOFFICE_INSTANCE", Integer.toString(instance));
        env.put("BOXOFFICE_USER_SERVICE_URL", urls(usersPorts));
        env.put("BOXOFFICE_PROCESSOR_URL", urls(processorPorts));
        env.putAll(extraEnv);
        return env;
    }

    private synchronized ServiceProcess relaunch(Gateway gateway) {
        int launches = gateway.launches() + 1;
        String name = "api-gateway-" + gateway.instance() + (launches == 1 ? "" : "." + launches);
        ServiceProcess process = ServiceProcess.launch(name, SystemPaths.jar(GATEWAY_JAR),
                gateway.port(), gateway.env());
        gateways.put(gateway.instance(), new Gateway(gateway.instance(), gateway.port(), gateway.env(), launches,
                process));
        return process;
    }

    /** One signing key for all user-service instances: a token issued by one verifies on every gateway. */
    private static final Path JWT_KEY = SystemPaths.freshState("jwt").resolve("jwt-signing-key.pem");

    private Map<String, String> common(String name) {
        return common(name, SystemPaths.freshState(name));
    }

    private Map<String, String> common(String name, Path stateDir) {
        Map<String, String> env = new HashMap<>();
        env.put("BOXOFFICE_KAFKA_BOOTSTRAP", broker.bootstrapServers());
        env.put("BOXOFFICE_INSTANCE", "0");
        env.put("BOXOFFICE_STATE_DIR", stateDir.toString());
        env.put("BOXOFFICE_COMMIT_INTERVAL_MS", "10");
        return env;
    }

    @Override
    public void close() {
        Reaper.killAll();
        broker.close();
    }

    private static String urls(List<Integer> ports) {
        return ports.stream().map(port -> "http://127.0.0.1:" + port).collect(java.util.stream.Collectors.joining(","));
    }

    private static List<Integer> freePorts(int count) {
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> freePort()).toList();
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
