package app.financetracker.launcher;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The embedded MongoDB-compatible server as its own process: {@code MongoMain <port> [<h2 file> | memory]}.
 * With a file the data survives restarts.
 */
public final class MongoMain {

    private MongoMain() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String store = args.length > 1 ? args[1] : "memory";
        MongoServer server;
        if ("memory".equals(store)) {
            server = new MongoServer(new MemoryBackend());
        } else {
            Path file = Path.of(store).toAbsolutePath();
            Files.createDirectories(file.getParent());
            server = new MongoServer(new H2Backend(file.toString()));
        }
        server.bind("127.0.0.1", port);
        System.out.printf("mongo-java-server listening on 127.0.0.1:%d (%s)%n", port, store);
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown));
        new CountDownLatch(1).await();
    }
}
