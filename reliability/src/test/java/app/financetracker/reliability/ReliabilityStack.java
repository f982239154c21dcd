package app.financetracker.reliability;

import app.financetracker.launcher.LocalStack;
import app.financetracker.launcher.Net;
import app.financetracker.testkit.Infra;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The stack the reliability tests break, started once per test JVM: the test kit's infrastructure (Mongo in
 * this JVM, a Redis process, the shared Keycloak), each behind a {@link TcpProxy} so that a test can cut it,
 * then every service from its built jar by the launcher at port offset 20000, pointed at the proxies. Tokens
 * keep the real Keycloak URL as their issuer ({@code KEYCLOAK_PUBLIC_URL}); only keys and admin calls go
 * through the proxy. Stopped when the test run ends.
 */
public final class ReliabilityStack implements BeforeAllCallback {

    public static final int PORT_OFFSET = 20000;

    private static volatile Started started;

    private record Started(LocalStack stack, TcpProxy mongo, TcpProxy redis, TcpProxy keycloak)
            implements AutoCloseable {

        @Override
        public void close() {
            stack.stop();
            mongo.close();
            redis.close();
            keycloak.close();
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(ReliabilityStack.class, key -> start(), AutoCloseable.class);
    }

    private static Started start() {
        Infra infra = Infra.get();
        URI mongoUri = URI.create(infra.mongoUri());
        URI keycloakUri = URI.create(infra.keycloakUrl());
        TcpProxy mongo = new TcpProxy("mongo", mongoUri.getHost(), mongoUri.getPort());
        TcpProxy redis = new TcpProxy("redis", infra.redisHost(), infra.redisPort());
        TcpProxy keycloak = new TcpProxy("keycloak", keycloakUri.getHost(), keycloakUri.getPort());

        Path root = Path.of(System.getProperty("ft.root"));
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("MONGODB_URI", "mongodb://127.0.0.1:" + mongo.port());
        env.put("REDIS_HOST", "127.0.0.1");
        env.put("REDIS_PORT", Integer.toString(redis.port()));
        env.put("KEYCLOAK_URL", "http://localhost:" + keycloak.port());
        env.put("KEYCLOAK_PUBLIC_URL", infra.keycloakUrl());
        // The workload is far above any sane per-client rate; the limiter is not what is tested here.
        env.put("RATE_LIMIT_PER_SECOND", "100000");
        env.put("RATE_LIMIT_BURST", "200000");
        LocalStack stack = new LocalStack(new LocalStack.Config(root, root.resolve("reliability/target/stack"),
                PORT_OFFSET, false, false, env));
        Started up = new Started(stack, mongo, redis, keycloak);
        try {
            startPatiently(stack);
        } catch (RuntimeException e) {
            up.close();
            throw e;
        }
        started = up;
        return up;
    }

    /**
     * The launcher gives each service three minutes to become ready; on this shared two-core machine, with other
     * stacks starting beside it, a service sometimes needs more. Its supervisor keeps it running meanwhile, so
     * waiting longer here is enough.
     */
    private static void startPatiently(LocalStack stack) {
        try {
            stack.start();
        } catch (IllegalStateException slow) {
            if (!String.valueOf(slow.getMessage()).contains("not ready")) {
                throw slow;
            }
            System.err.println("[reliability] " + slow.getMessage() + "; waiting up to 10 more minutes");
            for (String service : LocalStack.SERVICES.keySet()) {
                String health = stack.serviceUrl(service) + "/actuator/health/readiness";
                Net.await(service, Duration.ofMinutes(10), () -> Net.status(health) == 200);
            }
        }
    }

    private static Started started() {
        if (started == null) {
            throw new IllegalStateException("Annotate the test with @ExtendWith(ReliabilityStack.class)");
        }
        return started;
    }

    public static LocalStack stack() {
        return started().stack();
    }

    public static TcpProxy mongoProxy() {
        return started().mongo();
    }

    public static TcpProxy redisProxy() {
        return started().redis();
    }

    public static TcpProxy keycloakProxy() {
        return started().keycloak();
    }

    public static Infra infra() {
        return Infra.get();
    }
}
