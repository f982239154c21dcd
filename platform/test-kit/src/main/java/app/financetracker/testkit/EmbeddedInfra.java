package app.financetracker.testkit;

import app.financetracker.launcher.EmbeddedRedisFallback;
import app.financetracker.launcher.Net;
import app.financetracker.launcher.RedisServerBinary;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Embedded Mongo in this JVM, a Redis process of its own, and the test run's shared Keycloak. */
final class EmbeddedInfra implements Infra {

    private final MongoServer mongo;
    private final int redisPort = Net.freePort();
    private final Path redisDir;
    private Process redis;
    private EmbeddedRedisFallback embeddedRedis;
    private final String keycloakUrl;

    EmbeddedInfra() {
        mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", 0);
        try {
            redisDir = Files.createTempDirectory("ft-redis");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        startRedis();
        keycloakUrl = SharedKeycloak.url();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopRedis();
            mongo.shutdownNow();
        }));
    }

    private void startRedis() {
        String binary = RedisServerBinary.onPath();
        if (binary == null) {
            embeddedRedis = EmbeddedRedisFallback.start(redisPort);
        } else {
            try {
                // Append-only file on, so that a restart keeps the streams as a production Redis would.
                redis = new ProcessBuilder(List.of(binary, "--port", Integer.toString(redisPort), "--bind", "127.0.0.1",
                        "--dir", redisDir.toString(), "--save", "", "--appendonly", "yes"))
                        .redirectErrorStream(true).redirectOutput(redisDir.resolve("redis.log").toFile()).start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Net.await("Redis", Duration.ofSeconds(20), () -> Net.isOpen("127.0.0.1", redisPort));
    }

    private void stopRedis() {
        if (redis != null) {
            redis.destroy();
            try {
                redis.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (embeddedRedis != null) {
            embeddedRedis.stop();
        }
    }

    @Override
    public synchronized void restartRedis() {
        stopRedis();
        Net.await("Redis to stop", Duration.ofSeconds(20), () -> !Net.isOpen("127.0.0.1", redisPort));
        startRedis();
    }

    @Override
    public String mongoUri() {
        return "mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort();
    }

    @Override
    public String redisHost() {
        return "127.0.0.1";
    }

    @Override
    public int redisPort() {
        return redisPort;
    }

    @Override
    public String keycloakUrl() {
        return keycloakUrl;
    }
}
