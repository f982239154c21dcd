package app.financetracker.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A child process the launcher owns: started with its output in a log file, restarted with exponential
 * backoff when it dies on its own, stopped (TERM, then KILL after a grace period) with its descendants.
 * Once {@link #retire() retired} it is never started again, whatever it dies of.
 */
public final class ManagedProcess {

    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    /** A process that ran this long before dying is restarted after the shortest backoff again. */
    private static final Duration STABLE = Duration.ofSeconds(30);
    /** How long {@link #stop()} waits for a graceful exit before it kills. */
    private static final Duration GRACE = Duration.ofSeconds(10);
    /** SIGKILL cannot be refused, but the kernel takes a moment to tear a big JVM down. */
    private static final Duration AFTER_KILL = Duration.ofSeconds(1);

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path workDir;
    private final Path log;
    // Guarded by this: start, restart and retire decide under one lock, so none launches after retire().
    private Process process;
    private boolean retired;
    private Thread supervisor;

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

    /** Starts the process and its supervisor; does nothing once retired (the launcher is stopping). */
    public synchronized ManagedProcess start() {
        if (retired) {
            return this;
        }
        launch();
        supervisor = new Thread(this::supervise, "supervise-" + name);
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
        try {
            while (true) {
                Process current;
                synchronized (this) {
                    if (retired) {
                        return;
                    }
                    current = process;
                }
                int exit = current.waitFor();
                if (ranLongerThan(current, STABLE)) {
                    backoff = Duration.ofSeconds(1);
                }
                // Ctrl-C signals the whole process group: a child can die of it a moment before the launcher's
                // shutdown hook retires it. Deciding (and saying) anything only after the backoff, under the lock,
                // keeps that death from being taken for a crash; retire() cuts the wait short.
                Thread.sleep(backoff.toMillis());
                synchronized (this) {
                    if (retired) {
                        return;
                    }
                    System.err.printf("[launcher] %s exited (code %d) %d s ago, restarting (log: %s)%n", name, exit,
                            backoff.toSeconds(), log);
                    launch();
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        } catch (InterruptedException e) {
            // retire() interrupts: the launcher is stopping, nothing more to supervise.
        }
    }

    private static boolean ranLongerThan(Process process, Duration duration) {
        return process.info().startInstant()
                .map(start -> Duration.between(start, Instant.now()).compareTo(duration) > 0)
                .orElse(false);
    }

    /** The process's id now (it changes when the process is restarted). */
    public synchronized long pid() {
        return process.pid();
    }

    /** Kills the process without warning (SIGKILL), as a crash would; the supervisor restarts it. */
    public synchronized void kill() {
        process.destroyForcibly();
    }

    /**
     * No more restarts, whatever the process dies of from now on; it keeps running until {@link #stop()}. The
     * launcher retires every process before it stops any, since a group signal reaches them all at once. Cheap on
     * purpose (no process table scan): it races the 1 s backoff of a child that died of that signal.
     */
    public synchronized void retire() {
        retired = true;
        if (supervisor != null) {
            supervisor.interrupt();
        }
    }

    /** Retires the process, then stops it and its descendants: TERM, and KILL for those still alive after 10 s. */
    public void stop() {
        stop(GRACE);
    }

    /** {@link #stop()} with another grace period. */
    public void stop(Duration grace) {
        Process current;
        synchronized (this) {
            retire();
            current = process;
        }
        if (current == null) {
            return;
        }
        // Descendants too (Keycloak's JVM is a child of kc.sh): taken before TERM, while they are still its own.
        Set<ProcessHandle> tree = new LinkedHashSet<>();
        tree.add(current.toHandle());
        current.descendants().forEach(tree::add);
        tree.forEach(ProcessHandle::destroy);
        if (!awaitExit(tree, grace)) {
            System.err.printf("[launcher] %s did not stop within %d s, killing it%n", name, grace.toSeconds());
            tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
            awaitExit(tree, AFTER_KILL);
        }
    }

    private static boolean awaitExit(Set<ProcessHandle> processes, Duration timeout) {
        try {
            CompletableFuture.allOf(processes.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
