package app.financetracker.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The system under test: either the local stack this harness starts with the launcher (its own ports, offset
 * 30000, and its own data folder, so it never meets a developer's or a test run's stack), or a running one
 * given by its gateway URL. The other addresses follow the local stack's port layout unless given.
 */
final class Stack implements AutoCloseable {

    static final int OFFSET = 30_000;
    static final List<String> SERVICES = List.of("gateway", "auth-service", "user-service", "transaction-service",
            "report-service", "notification-service");

    final String gatewayUrl;
    final String keycloakUrl;
    final String userServiceUrl;
    final String transactionServiceUrl;
    final String mongoUri;
    final String redisHost;
    final int redisPort;
    private final Process launcher;
    final Double startupSeconds;
    final boolean keycloakWasUnpacked;

    private Stack(int offset, Process launcher, Double startupSeconds, boolean keycloakWasUnpacked) {
        this.gatewayUrl = "http://localhost:" + (8080 + offset);
        this.keycloakUrl = env("BENCH_KEYCLOAK_URL", "http://localhost:" + (8180 + offset));
        this.userServiceUrl = env("BENCH_USER_SERVICE_URL", "http://localhost:" + (8082 + offset));
        this.transactionServiceUrl = env("BENCH_TRANSACTION_SERVICE_URL", "http://localhost:" + (8083 + offset));
        this.mongoUri = env("BENCH_MONGODB_URI", "mongodb://127.0.0.1:" + (27017 + offset));
        this.redisHost = env("BENCH_REDIS_HOST", "localhost");
        this.redisPort = Integer.parseInt(env("BENCH_REDIS_PORT", Integer.toString(6379 + offset)));
        this.launcher = launcher;
        this.startupSeconds = startupSeconds;
        this.keycloakWasUnpacked = keycloakWasUnpacked;
    }

    /** A running stack: its port offset is read from the gateway URL's port (8080 + offset). */
    static Stack attach(String gatewayUrl) {
        int port = java.net.URI.create(gatewayUrl).getPort();
        return new Stack(port - 8080, null, null, true);
    }

    /** {@code FT_EPHEMERAL=true}: a harness-started stack keeps Mongo in memory (and so can hold 1M transactions). */
    static final boolean IN_MEMORY = "true".equalsIgnoreCase(System.getenv("FT_EPHEMERAL"));

    /**
     * Starts the launcher as {@code ./run.sh} would (the same JVM options), with fresh Mongo and Redis data
     * (Keycloak's unpacked distribution is kept: its first start builds it, which is not what is measured), and
     * waits for its "ready" line.
     */
    static Stack start(Path root, Path dataDir) throws IOException, InterruptedException {
        for (String fresh : List.of("mongo", "redis", "logs")) {
            deleteRecursively(dataDir.resolve(fresh));
        }
        boolean unpacked;
        try (Stream<Path> list = Files.exists(dataDir) ? Files.list(dataDir) : Stream.empty()) {
            unpacked = list.anyMatch(p -> p.getFileName().toString().startsWith("keycloak-")
                    && !p.getFileName().toString().endsWith(".partial"));
        }
        Files.createDirectories(dataDir);
        Path app = snapshot(root, dataDir.resolve("app"));
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", app.resolve("launcher/target/launcher.jar").toString())
                .directory(app.toFile()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        for (String real : List.of("MONGODB_URI", "REDIS_HOST", "REDIS_PORT", "KEYCLOAK_URL")) {
            env.remove(real);
        }
        env.put("FT_PORT_OFFSET", Integer.toString(OFFSET));
        env.put("FT_DATA_DIR", dataDir.toAbsolutePath().toString());
        // The gateway's per-principal rate limiter would otherwise be what is measured.
        env.put("RATE_LIMIT_PER_SECOND", "1000000");
        env.put("RATE_LIMIT_BURST", "1000000");
        env.put("FT_READY_TIMEOUT_S", "600"); // the shared machine is often loaded by other engineers' test stacks
        if (IN_MEMORY) {
            env.putIfAbsent("FT_MONGO_HEAP", "4g"); // the global view's million transactions live in its heap
        }
        long begin = System.nanoTime();
        Process process = builder.start();
        Path log = Files.createDirectories(dataDir.resolve("logs")).resolve("launcher.log");
        CompletableFuture<Boolean> ready = new CompletableFuture<>();
        Thread pump = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                 var out = Files.newBufferedWriter(log)) {
                for (String line; (line = in.readLine()) != null; ) {
                    out.write(line);
                    out.newLine();
                    out.flush();
                    if (line.contains("Finance Tracker is ready")) {
                        ready.complete(true);
                    }
                }
            } catch (IOException e) {
                // the launcher went away
            }
            ready.complete(false);
        }, "launcher-output");
        pump.setDaemon(true);
        pump.start();
        boolean ok;
        try {
            ok = ready.get(10, TimeUnit.MINUTES);
        } catch (Exception e) {
            ok = false;
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        Stack stack = new Stack(OFFSET, process, seconds, unpacked);
        if (!ok) {
            stack.close();
            throw new IllegalStateException("The stack did not become ready; see " + log);
        }
        return stack;
    }

    /**
     * A copy of the jars and the realm file in the launcher's layout: the checkout is shared, and a service jar
     * rebuilt by someone else during a run would crash the running service (its classes vanish from under it).
     */
    private static Path snapshot(Path root, Path app) throws IOException {
        deleteRecursively(app);
        List<String> files = new ArrayList<>(List.of("launcher/target/launcher.jar", "keycloak/finance-tracker-realm.json"));
        for (String service : SERVICES) {
            files.add(service + "/target/" + service + ".jar");
        }
        try (Stream<Path> libraries = Files.list(root.resolve("launcher/target/lib"))) {
            libraries.forEach(library -> files.add("launcher/target/lib/" + library.getFileName()));
        }
        for (String file : files) {
            Path target = app.resolve(file);
            Files.createDirectories(target.getParent());
            // With its time stamp: the launcher's class-data-sharing cache (under cds/, kept between runs) stays
            // valid while the jar is unchanged, so a run after the first measures a warm start as ./run.sh has.
            Files.copy(root.resolve(file), target, StandardCopyOption.COPY_ATTRIBUTES);
        }
        return app;
    }

    boolean owned() {
        return launcher != null;
    }

    /** Sum of the resident memory of the launcher and every process under it (Mongo, Redis, Keycloak, services). */
    long rssMegabytes() {
        if (launcher == null) {
            return -1;
        }
        List<ProcessHandle> all = new ArrayList<>();
        all.add(launcher.toHandle());
        launcher.toHandle().descendants().forEach(all::add);
        long kb = 0;
        for (ProcessHandle process : all) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                    if (line.startsWith("VmRSS:")) {
                        kb += Long.parseLong(line.replaceAll("[^0-9]", ""));
                    }
                }
            } catch (IOException | UncheckedIOException e) {
                // the process ended meanwhile
            }
        }
        return kb / 1024;
    }

    /** Stops the launcher (its shutdown hook stops everything it started) and waits for the whole tree. */
    @Override
    public void close() {
        if (launcher == null) {
            return;
        }
        List<ProcessHandle> tree = launcher.toHandle().descendants().toList();
        launcher.destroy();
        try {
            if (!launcher.waitFor(90, TimeUnit.SECONDS)) {
                launcher.destroyForcibly();
            }
            for (ProcessHandle child : tree) {
                child.onExit().get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            tree.forEach(ProcessHandle::destroyForcibly);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
