package app.financetracker.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * The whole stack on one machine, no Docker (DESIGN §6): the embedded Mongo server, Redis and Keycloak
 * unless {@code MONGODB_URI}, {@code REDIS_HOST} or {@code KEYCLOAK_URL} name real ones, then every
 * service as its own process. It waits until all are ready, supervises them, and stops all of it on
 * Ctrl-C or SIGTERM.
 */
public final class LocalStack {

    /** The services in start order (the gateway last), with their default ports. */
    public static final Map<String, Integer> SERVICES = orderedServices();
    /**
     * How long a stopping service may take before it is killed: Spring's graceful shutdown, and the class-data
     * archive a first run writes at exit (ADR 0004). With the infrastructure's below, a stop stays under 10 s.
     */
    static final Duration SERVICE_GRACE = Duration.ofSeconds(5);
    /** Mongo, Redis and Keycloak, once nothing uses them any more. */
    static final Duration INFRASTRUCTURE_GRACE = Duration.ofSeconds(2);

    private final Config config;
    private final List<ManagedProcess> infrastructure = Collections.synchronizedList(new ArrayList<>());
    private final List<ManagedProcess> services = Collections.synchronizedList(new ArrayList<>());
    private EmbeddedRedisFallback embeddedRedis;
    private final Map<String, String> serviceEnvironment = new HashMap<>();
    /** Set by {@link #stop()}: a Ctrl-C during start-up must not be followed by more processes. Guarded by this. */
    private boolean stopping;

    public LocalStack(Config config) {
        this.config = config;
    }

    /**
     * What to start and where.
     *
     * @param root the project's checkout
     * @param dataDir where data and logs are kept
     * @param portOffset added to every default port, so that a test stack runs beside a developer's
     * @param persistent Mongo and Keycloak keep their data on disk (else in memory)
     * @param classDataSharing the services keep class-data archives under {@code dataDir} (ADR 0004): worth it for
     *        a stack started again and again, not for a test stack that starts once
     * @param environment the variables to read settings from (normally {@link System#getenv()})
     */
    public record Config(Path root, Path dataDir, int portOffset, boolean persistent, boolean classDataSharing,
                         Map<String, String> environment) {

        public static Config fromEnvironment() {
            Map<String, String> env = System.getenv();
            Path root = Path.of("").toAbsolutePath();
            return new Config(root, root.resolve(env.getOrDefault("FT_DATA_DIR", ".data")),
                    Integer.parseInt(env.getOrDefault("FT_PORT_OFFSET", "0")),
                    !"true".equalsIgnoreCase(env.getOrDefault("FT_EPHEMERAL", "false")), true, env);
        }

        String get(String name) {
            String value = environment.get(name);
            return value == null || value.isBlank() ? null : value;
        }

        int port(int defaultPort) {
            return defaultPort + portOffset;
        }
    }

    public String gatewayUrl() {
        return "http://localhost:" + config.port(SERVICES.get("gateway"));
    }

    public String serviceUrl(String service) {
        return "http://localhost:" + config.port(SERVICES.get(service));
    }

    public String keycloakUrl() {
        return serviceEnvironment.get("KEYCLOAK_URL");
    }

    /** A running service or piece of infrastructure ("mongo", "redis", "keycloak") by name. */
    public ManagedProcess process(String name) {
        return Stream.concat(services.stream(), infrastructure.stream())
                .filter(process -> process.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no process named " + name));
    }

    public Path logs() {
        return config.dataDir().resolve("logs");
    }

    public LocalStack start() {
        Instant begin = Instant.now();
        try {
            Files.createDirectories(logs());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        startMongo();
        startRedis();
        String keycloakUrl = startKeycloak();
        serviceEnvironment.put("KEYCLOAK_URL", keycloakUrl);
        for (var service : SERVICES.entrySet()) {
            String name = service.getKey();
            serviceEnvironment.put(envName(name) + "_PORT", Integer.toString(config.port(service.getValue())));
            serviceEnvironment.put(envName(name) + "_URL", "http://localhost:" + config.port(service.getValue()));
        }
        passThrough("GATEWAY_CLIENT_SECRET", "ADMIN_CLIENT_SECRET", "DEFAULT_ADMIN_USERNAME", "DEFAULT_ADMIN_PASSWORD",
                "DEFAULT_ADMIN_EMAIL", "CURRENCY", "RATE_LIMIT_PER_SECOND", "RATE_LIMIT_BURST", "KEYCLOAK_PUBLIC_URL",
                "TOKEN_REFRESH_BEFORE_EXPIRY", "REVOCATION_WINDOW");
        for (String name : SERVICES.keySet()) {
            superviseService(service(name, name, serviceEnvironment));
        }
        // A loaded machine (a benchmark beside test runs) may need longer: FT_READY_TIMEOUT_S.
        Duration readyTimeout = Duration.ofSeconds(
                Long.parseLong(config.environment().getOrDefault("FT_READY_TIMEOUT_S", "180")));
        for (String name : SERVICES.keySet()) {
            String health = serviceUrl(name) + "/actuator/health/readiness";
            Net.await(name, readyTimeout, () -> Net.status(health) == 200);
        }
        Net.await("Keycloak", Duration.ofMinutes(4), () -> KeycloakDistribution.ready(keycloakUrl));
        System.out.printf("%n[launcher] Finance Tracker is ready in %d s%n", Duration.between(begin, Instant.now()).toSeconds());
        return this;
    }

    private void passThrough(String... names) {
        for (String name : names) {
            if (config.get(name) != null) {
                serviceEnvironment.put(name, config.get(name));
            }
        }
    }

    private void startMongo() {
        String uri = config.get("MONGODB_URI");
        if (uri != null) {
            serviceEnvironment.put("MONGODB_URI", uri);
            return;
        }
        int port = config.port(27017);
        requireFree("MongoDB", port);
        String store = config.persistent() ? config.dataDir().resolve("mongo/finance-tracker.mv").toString() : "memory";
        // 256 MB is plenty on disk; in memory the heap holds every document (about 2.6 GB per million transactions).
        String heap = "-Xmx" + config.environment().getOrDefault("FT_MONGO_HEAP", "256m");
        superviseInfrastructure(java("mongo", List.of(heap),
                List.of(MongoMain.class.getName(), Integer.toString(port), store)));
        Net.await("Mongo", Duration.ofSeconds(60), () -> Net.isOpen("127.0.0.1", port));
        serviceEnvironment.put("MONGODB_URI", "mongodb://127.0.0.1:" + port);
    }

    private void startRedis() {
        String host = config.get("REDIS_HOST");
        if (host != null) {
            serviceEnvironment.put("REDIS_HOST", host);
            serviceEnvironment.put("REDIS_PORT", config.environment().getOrDefault("REDIS_PORT", "6379"));
            return;
        }
        int port = config.port(6379);
        requireFree("Redis", port);
        Path redisDir = config.dataDir().resolve("redis");
        try {
            Files.createDirectories(redisDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String redisServer = RedisServerBinary.onPath();
        if (redisServer != null) {
            List<String> command = new ArrayList<>(List.of(redisServer, "--port", Integer.toString(port),
                    "--bind", "127.0.0.1", "--dir", redisDir.toString(), "--save", ""));
            command.addAll(config.persistent() ? List.of("--appendonly", "yes") : List.of("--appendonly", "no"));
            superviseInfrastructure(new ManagedProcess("redis", command, Map.of(), config.root(),
                    logs().resolve("redis.log")));
        } else {
            embeddedRedis = EmbeddedRedisFallback.start(port);
        }
        Net.await("Redis", Duration.ofSeconds(30), () -> Net.isOpen("127.0.0.1", port));
        serviceEnvironment.put("REDIS_HOST", "localhost");
        serviceEnvironment.put("REDIS_PORT", Integer.toString(port));
    }

    private String startKeycloak() {
        String url = config.get("KEYCLOAK_URL");
        if (url != null) {
            return url;
        }
        int port = config.port(8180);
        requireFree("Keycloak", port);
        Path home = KeycloakDistribution.unpack(config.dataDir());
        Map<String, String> env = new HashMap<>(KeycloakDistribution.environment());
        env.put("GATEWAY_URL", gatewayUrl());
        // Where Keycloak posts back-channel logouts: the same gateway, seen from Keycloak's machine.
        env.put("GATEWAY_INTERNAL_URL", gatewayUrl());
        for (String name : List.of("GATEWAY_CLIENT_SECRET", "ADMIN_CLIENT_SECRET", "DEFAULT_ADMIN_USERNAME",
                "DEFAULT_ADMIN_PASSWORD", "DEFAULT_ADMIN_EMAIL", "CLI_DIRECT_GRANTS", "GATEWAY_ACCESS_TOKEN_LIFESPAN")) {
            if (config.get(name) != null) {
                env.put(name, config.get(name));
            }
        }
        List<String> command = KeycloakDistribution.command(home, config.root().resolve("keycloak/finance-tracker-realm.json"),
                port, !config.persistent());
        superviseInfrastructure(new ManagedProcess("keycloak", command, env, home, logs().resolve("keycloak.log")));
        return "http://localhost:" + port;
    }

    /**
     * Another gateway instance on {@code port}, beside the stack's own, sharing its Redis (sessions) and services:
     * what a second replica behind a load balancer is. Ready when this returns; stopped with the stack.
     */
    public ManagedProcess startAnotherGateway(int port) {
        Map<String, String> env = new HashMap<>(serviceEnvironment);
        env.put("GATEWAY_PORT", Integer.toString(port));
        ManagedProcess gateway = superviseService(service("gateway", "gateway-" + port, env));
        String health = "http://localhost:" + port + "/actuator/health/readiness";
        Net.await("gateway on " + port, Duration.ofSeconds(180), () -> Net.status(health) == 200);
        return gateway;
    }

    /** Starts {@code process} as a piece of infrastructure: stopped after the services. */
    ManagedProcess superviseInfrastructure(ManagedProcess process) {
        return supervise(infrastructure, process);
    }

    /** Starts {@code process} as a service: stopped before the infrastructure it uses. */
    ManagedProcess superviseService(ManagedProcess process) {
        return supervise(services, process);
    }

    private ManagedProcess supervise(List<ManagedProcess> stage, ManagedProcess process) {
        synchronized (this) {
            if (stopping) {
                throw new IllegalStateException("the launcher is stopping, " + process.name() + " not started");
            }
            stage.add(process);
        }
        // Outside the lock (a start can take a while); a stop() in between retires it, and start() then does nothing.
        return process.start();
    }

    private ManagedProcess service(String name, String processName, Map<String, String> environment) {
        Path jar = config.root().resolve(name).resolve("target").resolve(name + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build with ./mvnw -DskipTests package");
        }
        List<String> jvm = new ArrayList<>(List.of(config.environment()
                .getOrDefault("FT_JAVA_OPTS",
                        "-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xms32m -Xmx384m -XX:+ExitOnOutOfMemoryError -Xss512k")
                .split("\\s+")));
        if (config.classDataSharing()) {
            jvm.addAll(ClassDataSharing.arguments(javaCommand(List.of()).get(0), jar,
                    config.dataDir().resolve("cds").resolve(name)));
        } else {
            jvm.add("-jar");
            jvm.add(jar.toString());
        }
        return new ManagedProcess(processName, javaCommand(jvm), environment, config.root(),
                logs().resolve(processName + ".log"));
    }

    private ManagedProcess java(String name, List<String> jvmOptions, List<String> arguments) {
        List<String> args = new ArrayList<>(jvmOptions);
        args.addAll(List.of("-cp", System.getProperty("java.class.path")));
        args.addAll(arguments);
        return new ManagedProcess(name, javaCommand(args), Map.of(), config.root(), logs().resolve(name + ".log"));
    }

    private static List<String> javaCommand(List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(arguments);
        return command;
    }

    private static void requireFree(String what, int port) {
        if (Net.isOpen("127.0.0.1", port)) {
            throw new IllegalStateException(what + "'s port " + port + " is taken: stop what runs there, "
                    + "or point the stack at it with its variable (see README, Configuration)");
        }
    }

    static String envName(String service) {
        return service.toUpperCase().replace('-', '_');
    }

    /**
     * Stops every process within about 10 s (ADR 0017): the services, then the infrastructure they use, each
     * stage all at once with a bounded grace before KILL.
     */
    public void stop() {
        List<ManagedProcess> stoppingServices;
        List<ManagedProcess> stoppingInfrastructure;
        synchronized (this) {
            stopping = true;
            stoppingServices = List.copyOf(services);
            stoppingInfrastructure = List.copyOf(infrastructure);
        }
        // Ctrl-C sends SIGINT to the whole process group: every child gets it at the same moment as the launcher,
        // and some die of it while others are still being stopped. So no process may be restarted from here on,
        // and this comes first, as plain loops (a loaded machine runs the first lambdas of a JVM slowly).
        for (ManagedProcess process : stoppingServices) {
            process.retire();
        }
        for (ManagedProcess process : stoppingInfrastructure) {
            process.retire();
        }
        stopAll(stoppingServices, SERVICE_GRACE);
        stopAll(stoppingInfrastructure, INFRASTRUCTURE_GRACE);
        if (embeddedRedis != null) {
            embeddedRedis.stop();
        }
    }

    /** A thread each, not a parallel stream: that runs only as many at once as there are cores (two here). */
    private static void stopAll(List<ManagedProcess> processes, Duration grace) {
        List<Thread> stoppers = processes.stream()
                .map(process -> new Thread(() -> process.stop(grace), "stop-" + process.name())).toList();
        stoppers.forEach(Thread::start);
        boolean interrupted = false;
        for (Thread stopper : stoppers) {
            while (stopper.isAlive()) {
                try {
                    stopper.join();
                } catch (InterruptedException e) {
                    interrupted = true; // finish stopping anyway: what is left running would outlive the launcher
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, Integer> orderedServices() {
        Map<String, Integer> services = new LinkedHashMap<>();
        services.put("auth-service", 8081);
        services.put("user-service", 8082);
        services.put("transaction-service", 8083);
        services.put("report-service", 8084);
        services.put("notification-service", 8085);
        services.put("gateway", 8080);
        return Collections.unmodifiableMap(services);
    }

    /**
     * Stops the stack when the JVM is told to stop (Ctrl-C, SIGTERM), before it exits.
     *
     * @return counted down once everything is stopped
     */
    CountDownLatch stopOnShutdown() {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\n[launcher] stopping everything…");
            Instant begin = Instant.now();
            stop();
            System.out.printf("[launcher] stopped in %.1f s%n", Duration.between(begin, Instant.now()).toMillis() / 1000.0);
            stopped.countDown();
        }, "stop-everything"));
        return stopped;
    }

    public static void main(String[] args) throws InterruptedException {
        Config config = Config.fromEnvironment();
        LocalStack stack = new LocalStack(config);
        CountDownLatch stopped = stack.stopOnShutdown();
        try {
            stack.start();
        } catch (RuntimeException e) {
            System.err.println("[launcher] " + e.getMessage() + " (logs: " + stack.logs() + ")");
            System.exit(1);
        }
        String user = config.environment().getOrDefault("DEFAULT_ADMIN_USERNAME", "admin");
        String password = config.environment().getOrDefault("DEFAULT_ADMIN_PASSWORD", "Admin@1234");
        System.out.printf("""
                [launcher] Console:  %s
                [launcher] Login:    %s / %s
                [launcher] Keycloak: %s  (realm %s)
                [launcher] Logs:     %s
                [launcher] Ctrl-C stops everything.
                """, stack.gatewayUrl(), user, password, stack.keycloakUrl(), KeycloakDistribution.REALM, stack.logs());
        stopped.await();
    }
}
