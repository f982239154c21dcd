package app.financetracker.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C in a terminal sends SIGINT to the launcher's whole process group, children included (issue 16): the
 * launcher must stop them all within 10 s and restart none of those that die of the signal on their own.
 */
class LocalStackStopTest {

    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path dir;

    @Test
    void ctrlCToTheProcessGroupStopsEverythingAndRestartsNothing() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setsid")) || Files.isExecutable(Path.of("/bin/setsid")),
                "setsid (util-linux) puts the launcher in a process group of its own");
        // A duration no other process on the machine will be sleeping: it finds ours among all processes.
        String marker = "600." + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        Path starts = dir.resolve("starts");
        Path output = dir.resolve("launcher.out");
        // setsid: the launcher leads a new session and process group, as a shell's foreground job leads its own.
        Process launcher = new ProcessBuilder("setsid", JAVA, "-cp", System.getProperty("java.class.path"),
                Launcher.class.getName(), dir.toString(), marker)
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        long group = launcher.pid();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> lines(starts).size() == 3);
            assertThat(processGroupOf(group)).isEqualTo(group);

            Process ctrlC = new ProcessBuilder("kill", "-INT", "--", "-" + group).inheritIO().start();
            assertThat(ctrlC.waitFor()).isZero();

            await().atMost(Duration.ofSeconds(10)).until(() -> !launcher.isAlive() && !running(marker));
            assertThat(Files.readString(output)).contains("stopping everything").doesNotContain("restarting");
            assertThat(lines(starts)).containsExactlyInAnyOrder("mongo", "keycloak", "service");
        } finally {
            new ProcessBuilder("kill", "-KILL", "--", "-" + group).start().waitFor();
            ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(marker))
                    .forEach(ProcessHandle::destroyForcibly);
        }
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }

    private static boolean running(String marker) {
        return ProcessHandle.allProcesses().anyMatch(p -> p.info().commandLine().orElse("").contains(marker));
    }

    private static long processGroupOf(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        // pid (comm) state ppid pgrp …: comm may hold spaces, so count from its closing parenthesis.
        return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[2]);
    }

    /**
     * The launcher with cheap stand-ins for its children, each appending its name to {@code <dir>/starts} when it
     * starts: {@code Launcher <dir> <marker>}. Same stack, same shutdown hook as {@link LocalStack#main}.
     */
    static final class Launcher {

        public static void main(String[] args) throws InterruptedException {
            Path dir = Path.of(args[0]);
            String marker = args[1];
            LocalStack stack = new LocalStack(new LocalStack.Config(dir, dir, 0, false, false, Map.of()));
            CountDownLatch stopped = stack.stopOnShutdown();
            // Dies of the group's SIGINT at once, as Mongo's JVM does.
            stack.superviseInfrastructure(bash(dir, "mongo", "echo mongo >> starts; exec sleep " + marker));
            // Forwards the signal to its own child, waits for it and exits with 143, as Keycloak's kc.sh does
            // (a background child of a script ignores SIGINT: only the wrapper's TERM stops it).
            stack.superviseInfrastructure(bash(dir, "keycloak", "trap 'kill -TERM $child; wait $child; exit 143' INT TERM; "
                    + "sleep " + marker + " & child=$!; echo keycloak >> starts; wait $child"));
            // Takes its time to stop, as a Spring Boot service does: the others die meanwhile.
            stack.superviseService(new ManagedProcess("service", List.of(JAVA, "-cp", System.getProperty("java.class.path"),
                    SlowService.class.getName(), dir.resolve("starts").toString(), marker), Map.of(), dir,
                    dir.resolve("logs/service.log")));
            stopped.await();
        }

        private static ManagedProcess bash(Path dir, String name, String script) {
            return new ManagedProcess(name, List.of("bash", "-c", script), Map.of(), dir,
                    dir.resolve("logs").resolve(name + ".log"));
        }
    }

    /** A service whose graceful shutdown takes 3 s: {@code SlowService <starts file> <marker>}. */
    static final class SlowService {

        public static void main(String[] args) throws Exception {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    // Stands for the work of a graceful shutdown (not a wait for anything): longer than the 1 s
                    // restart backoff, so that a launcher that restarts what dies while it stops is caught.
                    Thread.sleep(3000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            Files.writeString(Path.of(args[0]), "service\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            new CountDownLatch(1).await();
        }
    }
}
