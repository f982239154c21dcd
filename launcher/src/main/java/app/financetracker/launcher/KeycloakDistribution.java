package app.financetracker.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The Keycloak server from the {@code keycloak-quarkus-dist} zip that Maven resolved: unpacked once, then run
 * in dev mode with the realm of {@code keycloak/} imported.
 */
public final class KeycloakDistribution {

    public static final String REALM = "finance-tracker";
    private static final Properties BUILD = load();

    private KeycloakDistribution() {
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = KeycloakDistribution.class.getResourceAsStream("/launcher.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    public static String version() {
        return BUILD.getProperty("keycloak.version");
    }

    public static Path zip() {
        String configured = System.getProperty("keycloak.dist", BUILD.getProperty("keycloak.dist"));
        Path zip = configured.contains("${")
                // Resource filtering cannot see Maven's settings: fall back to the default local repository.
                ? Path.of(System.getProperty("user.home"), ".m2/repository/org/keycloak/keycloak-quarkus-dist",
                        version(), "keycloak-quarkus-dist-" + version() + ".zip")
                : Path.of(configured);
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException("Keycloak distribution not found at " + zip + ": run ./mvnw package once");
        }
        return zip;
    }

    /** Unpacks the distribution under {@code parent} unless already there; returns its home folder. */
    public static synchronized Path unpack(Path parent) {
        Path home = parent.resolve("keycloak-" + version());
        if (Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            return home;
        }
        Path partial = parent.resolve(home.getFileName() + ".partial");
        try (ZipFile zip = new ZipFile(zip().toFile())) {
            deleteRecursively(partial);
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                // Entries start with "keycloak-<version>/".
                String relative = entry.getName().substring(entry.getName().indexOf('/') + 1);
                Path target = partial.resolve(relative).normalize();
                if (!target.startsWith(partial)) {
                    throw new IOException("Zip entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            Files.move(partial, home, StandardCopyOption.ATOMIC_MOVE);
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unpack Keycloak into " + parent, e);
        }
    }

    /**
     * The command that starts Keycloak in dev mode on {@code port}, importing {@code realmFile}.
     *
     * @param inMemory an H2 database in memory (tests) instead of one on disk under the home folder
     */
    public static List<String> command(Path home, Path realmFile, int port, boolean inMemory) {
        try {
            Path imports = Files.createDirectories(home.resolve("data/import"));
            Files.copy(realmFile, imports.resolve(REALM + "-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = new ArrayList<>(List.of("bash", home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-port=" + port, "--http-management-port=" + (port + 10000), "--import-realm",
                "--cache=local"));
        if (inMemory) {
            command.add("--db=dev-mem");
        }
        return command;
    }

    /** Heap bounds for a small machine, and the master-realm admin that dev mode needs for its console. */
    public static java.util.Map<String, String> environment() {
        return java.util.Map.of(
                "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m",
                "KC_BOOTSTRAP_ADMIN_USERNAME", System.getenv().getOrDefault("KC_BOOTSTRAP_ADMIN_USERNAME", "kcadmin"),
                "KC_BOOTSTRAP_ADMIN_PASSWORD", System.getenv().getOrDefault("KC_BOOTSTRAP_ADMIN_PASSWORD", "kcadmin"));
    }

    public static boolean ready(String url) {
        return Net.status(url + "/realms/" + REALM + "/.well-known/openid-configuration") == 200;
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
