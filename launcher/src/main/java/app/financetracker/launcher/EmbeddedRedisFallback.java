package app.financetracker.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import redis.embedded.RedisServer;

/** The Redis bundled in {@code embedded-redis}, for machines without a {@code redis-server} on the PATH. */
public final class EmbeddedRedisFallback {

    private final RedisServer server;

    private EmbeddedRedisFallback(RedisServer server) {
        this.server = server;
    }

    public static EmbeddedRedisFallback start(int port) {
        try {
            RedisServer server = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                    .setting("save \"\"").setting("appendonly no").build();
            server.start();
            return new EmbeddedRedisFallback(server);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded Redis on " + port, e);
        }
    }

    public void stop() {
        try {
            server.stop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
