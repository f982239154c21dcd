package app.financetracker.testkit;

import app.financetracker.launcher.KeycloakDistribution;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * One Keycloak for the whole test run, not one per test class or module (it takes ~20 s to start). The
 * first test JVM that needs it starts it under a file lock; later JVMs, other Maven modules included, find
 * it ready and reuse it. Each JVM renews a lease file while it runs; a watchdog beside Keycloak stops it
 * once nobody has renewed the lease for {@link #IDLE}, so no test run leaves it behind for long. Before it
 * stops Keycloak the watchdog marks it as stopping and then reads the lease again; a JVM renews the lease
 * first and then reads the mark. So either the watchdog sees the renewal and keeps Keycloak, or the JVM sees
 * the mark and waits for Keycloak to be gone before starting a new one: no JVM is handed a Keycloak that is
 * shutting down (the gap between two modules' test JVMs once outlasted the idle time, and a whole module
 * failed with "connection refused").
 * {@code -Dft.keycloak.url=…} uses a Keycloak that is already running instead.
 */
public final class SharedKeycloak {

    /** The gateway port of test stacks (the e2e module), for the realm's redirect URIs. */
    public static final int GATEWAY_PORT = 18080;
    /**
     * The console's access tokens live this long in tests (five minutes as shipped), so that a browser test sees a
     * session outlive its token without waiting for minutes; the test stack refreshes them 5 s before expiry.
     */
    public static final int GATEWAY_ACCESS_TOKEN_LIFESPAN_S = 20;
    /** The realm's variables for test stacks: redirect URIs, back-channel logout, token lifetime. */
    public static final Map<String, String> REALM_ENVIRONMENT = Map.of(
            "GATEWAY_URL", "http://localhost:" + GATEWAY_PORT,
            "GATEWAY_INTERNAL_URL", "http://localhost:" + GATEWAY_PORT,
            "GATEWAY_ACCESS_TOKEN_LIFESPAN", Integer.toString(GATEWAY_ACCESS_TOKEN_LIFESPAN_S));
    private static final int PORT = Integer.getInteger("ft.keycloak.port", 18180);
    private static final Duration IDLE = Duration.ofSeconds(120);
    private static String url;

    private SharedKeycloak() {
    }

    public static synchronized String url() {
        if (url != null) {
            return url;
        }
        String external = System.getProperty("ft.keycloak.url");
        if (external != null) {
            return url = external;
        }
        String candidate = "http://localhost:" + PORT;
        Path base = root().resolve(".data/test-keycloak");
        Path lease = base.resolve("lease");
        Path stopping = base.resolve("stopping");
        try {
            Files.createDirectories(base);
            try (FileChannel channel = FileChannel.open(base.resolve("lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
                renew(lease);
                awaitNotStopping(stopping);
                if (!KeycloakDistribution.ready(candidate)) {
                    if (!app.financetracker.launcher.Net.isOpen("127.0.0.1", PORT)) {
                        start(base, lease, stopping);
                    }
                    keepLeasing(lease);
                    // Waited for under the lock, so that no other JVM starts a second one meanwhile.
                    app.financetracker.launcher.Net.await("Keycloak at " + candidate, Duration.ofMinutes(4),
                            () -> KeycloakDistribution.ready(candidate));
                    return url = candidate;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        keepLeasing(lease);
        return url = candidate;
    }

    /** Waits while the watchdog stops Keycloak (a mark left by a watchdog that was killed counts for 30 s). */
    private static void awaitNotStopping(Path stopping) throws IOException {
        app.financetracker.launcher.Net.await("the previous Keycloak to stop", Duration.ofMinutes(1),
                () -> !Files.exists(stopping) || stale(stopping));
        Files.deleteIfExists(stopping);
    }

    private static boolean stale(Path mark) {
        try {
            return Files.getLastModifiedTime(mark).toInstant().isBefore(Instant.now().minusSeconds(30));
        } catch (IOException e) {
            return true;
        }
    }

    private static void start(Path base, Path lease, Path stopping) throws IOException {
        Path home = KeycloakDistribution.unpack(base);
        List<String> keycloak = KeycloakDistribution.command(home, root().resolve("keycloak/finance-tracker-realm.json"),
                PORT, true);
        // The watchdog runs Keycloak and ends it when the lease has not been renewed for IDLE.
        String watchdog = """
                "$@" &
                kc=$!
                trap 'kill $kc 2>/dev/null; wait $kc; exit 0' TERM INT
                idle() { [ $(( $(date +%%s) - $(stat -c %%Y "%1$s") )) -gt %2$d ]; }
                while kill -0 $kc 2>/dev/null; do
                  if idle; then
                    touch "%3$s"
                    if idle; then kill $kc; wait $kc; rm -f "%3$s"; exit 0; fi
                    rm -f "%3$s"
                  fi
                  sleep 5
                done
                """.formatted(lease, IDLE.toSeconds(), stopping);
        List<String> command = new ArrayList<>(List.of("bash", "-c", watchdog, "keycloak-watchdog"));
        command.addAll(keycloak);
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(base.resolve("keycloak.log").toFile()));
        builder.environment().putAll(KeycloakDistribution.environment());
        builder.environment().putAll(REALM_ENVIRONMENT);
        builder.start();
    }

    private static void keepLeasing(Path lease) {
        var renewer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "keycloak-lease");
            thread.setDaemon(true);
            return thread;
        });
        renewer.scheduleAtFixedRate(() -> renew(lease), 10, 10, TimeUnit.SECONDS);
    }

    private static void renew(Path lease) {
        try {
            if (!Files.exists(lease)) {
                Files.createFile(lease);
            }
            Files.setLastModifiedTime(lease, FileTime.from(Instant.now()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path root() {
        String root = System.getProperty("ft.root");
        if (root != null) {
            return Path.of(root);
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("keycloak"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("Cannot find the project root (a folder with keycloak/)");
        }
        return dir;
    }
}
