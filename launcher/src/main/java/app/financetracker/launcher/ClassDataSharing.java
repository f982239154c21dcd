package app.financetracker.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Application class-data sharing for a service (ADR 0004): the Boot jar is extracted once per build into a
 * CDS-friendly layout ({@code -Djarmode=tools extract}), the first run records the classes it loaded into an
 * archive when it stops ({@code -XX:ArchiveClassesAtExit}), and every later run maps that archive
 * ({@code -XX:SharedArchiveFile}), which cuts the start-up of a service by about 40 % on this machine. A stale or
 * unreadable archive is ignored by the JVM, never fatal.
 */
final class ClassDataSharing {

    private ClassDataSharing() {
    }

    /** The JVM arguments that run {@code jar} from {@code cacheDir}: CDS options, then {@code -jar <extracted>}. */
    static List<String> arguments(String javaCommand, Path jar, Path cacheDir) {
        Path extracted = cacheDir.resolve(jar.getFileName());
        Path archive = cacheDir.resolve("classes.jsa");
        try {
            if (!Files.exists(extracted)
                    || Files.getLastModifiedTime(extracted).compareTo(Files.getLastModifiedTime(jar)) < 0) {
                deleteRecursively(cacheDir);
                extract(javaCommand, jar, cacheDir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot extract " + jar, e);
        }
        List<String> arguments = new ArrayList<>();
        arguments.add(Files.exists(archive) ? "-XX:SharedArchiveFile=" + archive : "-XX:ArchiveClassesAtExit=" + archive);
        arguments.add("-Xlog:cds=off");
        arguments.add("-jar");
        arguments.add(extracted.toString());
        return arguments;
    }

    private static void extract(String javaCommand, Path jar, Path cacheDir) throws IOException {
        Files.createDirectories(cacheDir);
        Process process = new ProcessBuilder(javaCommand, "-Djarmode=tools", "-jar", jar.toString(), "extract",
                "--destination", cacheDir.toString(), "--force")
                .redirectErrorStream(true).redirectOutput(cacheDir.resolve("extract.log").toFile()).start();
        try {
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IOException("extracting " + jar + " failed, see " + cacheDir.resolve("extract.log"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while extracting " + jar, e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
