package app.financetracker.launcher;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds {@code redis-server} on the PATH. */
public final class RedisServerBinary {

    private RedisServerBinary() {
    }

    public static String onPath() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "redis-server");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }
}
