package app.financetracker.e2e;

import app.financetracker.launcher.LocalStack;
import app.financetracker.testkit.Api;
import app.financetracker.testkit.Infra;
import app.financetracker.testkit.SharedKeycloak;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The whole stack for the e2e tests, started once per test JVM by the same launcher as {@code ./run.sh}:
 * every service as its own process from its built jar, with its own embedded Mongo and Redis on ports shifted
 * by 10000 and the test run's Keycloak. Stopped when the test run ends.
 */
public final class Stack implements BeforeAllCallback {

    private static LocalStack stack;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent(Stack.class, key -> {
            Path root = Path.of(System.getProperty("ft.root"));
            Map<String, String> env = new HashMap<>(System.getenv());
            env.remove("MONGODB_URI");
            env.remove("REDIS_HOST");
            env.put("KEYCLOAK_URL", Infra.get().keycloakUrl());
            // The tests call as one admin far faster than a person does; the limiter has its own test.
            env.put("RATE_LIMIT_PER_SECOND", "10000");
            env.put("RATE_LIMIT_BURST", "20000");
            // Test tokens of the console live 20 s (SharedKeycloak): refresh them shortly before, not on every call.
            env.put("TOKEN_REFRESH_BEFORE_EXPIRY", "5s");
            LocalStack starting = new LocalStack(new LocalStack.Config(root, root.resolve("e2e/target/stack"),
                    SharedKeycloak.GATEWAY_PORT - 8080, false, false, env));
            try {
                stack = starting.start();
                Api.whenSlow(() -> threadDump("gateway"));
            } catch (RuntimeException e) {
                // A start that times out (a loaded machine) must not leave its processes behind.
                starting.stop();
                throw e;
            }
            return (AutoCloseable) stack::stop;
        }, AutoCloseable.class);
    }

    public static LocalStack get() {
        return stack;
    }

    /** The threads of a stack process, into the test output (a call through it is hanging). */
    static void threadDump(String process) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process dump = new ProcessBuilder(jcmd.toString(), Long.toString(stack.process(process).pid()), "Thread.print")
                    .redirectErrorStream(true).start();
            System.err.println("[stack] threads of " + process + ":\n" + new String(dump.getInputStream().readAllBytes()));
        } catch (IOException | RuntimeException e) {
            System.err.println("[stack] no thread dump of " + process + ": " + e);
        }
    }
}
