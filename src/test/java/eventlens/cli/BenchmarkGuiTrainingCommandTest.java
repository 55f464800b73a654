package eventlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.launcher.Launcher;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The build's training run for the window's AOT cache (decision 0077): where it makes none, and how it runs. */
class BenchmarkGuiTrainingCommandTest {
    @Test
    void itSaysWhyItMakesNoCache() {
        assertThat(BenchmarkGuiTrainingCommand.whyNot(21, "/opt/eventlens.jar", true)).contains("Java 21");
        assertThat(BenchmarkGuiTrainingCommand.whyNot(25, "target/classes:lib.jar", true))
                .contains("not run from eventlens.jar");
        assertThat(BenchmarkGuiTrainingCommand.whyNot(25, "/opt/eventlens.jar", false)).contains("no Xvfb");
        assertThat(BenchmarkGuiTrainingCommand.whyNot(25, "/opt/eventlens.jar", true)).isNull();
    }

    @Test
    void theTrainingRunsTheWindowBenchmarkOnTheWindowsCollectorWritingTheCacheTheLauncherLooksFor() {
        Path cache = Path.of("/build/target").resolve(Launcher.GUI_AOT_CACHE);

        List<String> command = BenchmarkGuiTrainingCommand.command(cache, Path.of("/build/target/eventlens.jar"));

        assertThat(command).contains("-XX:+UseZGC", "-XX:AOTCacheOutput=" + cache, "eventlens.cli.Main")
                .containsSubsequence("eventlens.cli.Main", "benchmark", "ui");
        assertThat(Launcher.windowOptions(new String[] {"gui"}, List.of())).as("the collector the window runs on")
                .containsExactly("-XX:+UseZGC");
        assertThat(command.get(command.indexOf("-cp") + 1)).as("the jar by its absolute path, as the launcher names it")
                .isEqualTo("/build/target/eventlens.jar");
        assertThat(eventlens.cli.bench.ChildRun.jar("target/eventlens.jar")).contains(
                Path.of("target/eventlens.jar").toAbsolutePath());
    }

    @Test
    void withoutXvfbOrJava25TheCommandEndsWellWithTheReason() {
        // The tests run from classes, never from the jar: no training, exit 0, one line.
        java.io.StringWriter out = new java.io.StringWriter();
        int code = Main.run(new String[] {"benchmark", "gui-training", "--cache",
            Path.of(System.getProperty("java.io.tmpdir"), "eventlens-gui-test.aot").toString()},
                new java.io.PrintWriter(out), new java.io.PrintWriter(new java.io.StringWriter()));

        assertThat(code).isZero();
        assertThat(out.toString()).startsWith("The window's AOT cache is not made: ")
                .contains("(the window starts without it)");
    }
}
