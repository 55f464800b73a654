package eventlens.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The import as a user runs it, timed until its project exists (the command itself stood in for by a shell). */
class ColdImportTest {
    @TempDir
    Path dir;

    @Test
    void itIsTimedUntilTheProjectExistsThenStoppedWithWhatItStarted() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh");
        Path project = dir.resolve("p.eventlens");
        Path pidFile = dir.resolve("child.pid");
        // A parent that starts a child (as the launcher relaunches the JVM), which writes the project after 300 ms
        // and would then go on for a minute (as the index builds do).
        String script = "sh -c 'echo $$ > " + pidFile + "; sleep 0.3; touch " + project + "; sleep 60' & wait";

        ColdImport run = ColdImport.time(List.of("/bin/sh", "-c", script), project);

        assertThat(run.untilOpenNanos()).isBetween(300_000_000L, 30_000_000_000L);
        long child = Long.parseLong(Files.readString(pidFile).trim());
        for (int i = 0; i < 100 && running(child); i++) {
            Thread.sleep(50);
        }
        assertThat(running(child)).as("the relaunched child is stopped too").isFalse();
    }

    /** Whether {@code pid} runs: a zombie left to a container's first process, which may never reap it, does not. */
    private static boolean running(long pid) throws IOException {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (Files.isReadable(stat)) {
            String s = Files.readString(stat);
            return s.charAt(s.lastIndexOf(')') + 2) != 'Z';
        }
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    @Test
    void aCommandThatEndsBeforeItsProjectExistsFailsWithItsExitCode() {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh");
        Path project = dir.resolve("p.eventlens");

        assertThatThrownBy(() -> ColdImport.time(List.of("/bin/sh", "-c", "exit 3"), project))
                .isInstanceOf(IOException.class).hasMessageContaining("ended with exit code 3")
                .hasMessageContaining(project.toString());
    }

    @Test
    void outsideAJarThereIsNoCommandToRun() {
        assumeTrue(System.getProperty("java.class.path").contains(java.io.File.pathSeparator), "the tests' class path");

        assertThat(ColdImport.command(dir.resolve("log.jsonl"), dir.resolve("p.eventlens"))).isEmpty();
    }
}
