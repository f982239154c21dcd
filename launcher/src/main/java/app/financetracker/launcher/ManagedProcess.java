package app.financetracker.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A child process the launcher owns: started with its output in a log file, restarted with exponential
 * backoff when it dies on its own, stopped (TERM, then KILL after a grace period) with its descendants.
 */
public final class ManagedProcess {

    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    /** A process that ran this long before dying is restarted after the shortest backoff again. */
    private static final Duration STABLE = Duration.ofSeconds(30);

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path workDir;
    private final Path log;
    private volatile Process process;
    private volatile boolean stopping;

    public ManagedProcess(String name, List<String> command, Map<String, String> environment, Path workDir, Path log) {
        this.name = name;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.workDir = workDir;
        this.log = log;
    }

    public String name() {
        return name;
    }

    public Path log() {
        return log;
    }

    public synchronized ManagedProcess start() {
        launch();
        Thread supervisor = new Thread(this::supervise, "supervise-" + name);
        supervisor.setDaemon(true);
        supervisor.start();
        return this;
    }

    private synchronized void launch() {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    private void supervise() {
        Duration backoff = Duration.ofSeconds(1);
        while (!stopping) {
            Process current = process;
            try {
                int exit = current.waitFor();
                if (stopping) {
                    return;
                }
                if (ranLongerThan(current, STABLE)) {
                    backoff = Duration.ofSeconds(1);
                }
                System.err.printf("[launcher] %s exited with %d, restarting in %d s (log: %s)%n", name, exit,
                        backoff.toSeconds(), log);
                Thread.sleep(backoff.toMillis());
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
                if (!stopping) {
                    launch();
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static boolean ranLongerThan(Process process, Duration duration) {
        return process.info().startInstant()
                .map(start -> Duration.between(start, Instant.now()).compareTo(duration) > 0)
                .orElse(false);
    }

    /** The process's id now (it changes when the process is restarted). */
    public long pid() {
        return process.pid();
    }

    /** Kills the process without warning (SIGKILL), as a crash would; the supervisor restarts it. */
    public void kill() {
        process.destroyForcibly();
    }

    public void stop() {
        stopping = true;
        Process current = process;
        if (current == null) {
            return;
        }
        List<ProcessHandle> descendants = current.descendants().toList();
        current.destroy();
        descendants.forEach(ProcessHandle::destroy);
        try {
            if (!current.waitFor(15, TimeUnit.SECONDS)) {
                current.destroyForcibly();
            }
        } catch (InterruptedException e) {
            current.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
