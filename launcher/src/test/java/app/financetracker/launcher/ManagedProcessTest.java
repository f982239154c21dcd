package app.financetracker.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManagedProcessTest {

    @TempDir
    Path dir;

    private static boolean running(String marker) {
        return ProcessHandle.allProcesses().anyMatch(p -> p.info().commandLine().orElse("").contains(marker));
    }

    @Test
    void aProcessThatDiesIsRestartedAndStopLeavesNothingBehind() throws Exception {
        Path starts = dir.resolve("starts");
        // A duration no other process on the machine will be sleeping: it finds ours among all processes.
        String marker = "600." + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        // Fails on its first run, then keeps running (as a service would once its dependency is up).
        String script = "echo started >> " + starts + "; [ $(wc -l < " + starts + ") -ge 2 ] || exit 1; exec sleep " + marker;
        ManagedProcess process = new ManagedProcess("flaky", List.of("bash", "-c", script), Map.of(), dir,
                dir.resolve("flaky.log")).start();

        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(starts) && Files.readAllLines(starts).size() == 2);
        await().atMost(Duration.ofSeconds(5)).until(() -> running(marker));

        process.stop();

        assertThat(running(marker)).isFalse();
    }
}
