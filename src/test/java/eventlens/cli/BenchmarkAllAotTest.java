package eventlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.launcher.Launcher;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark's import and replay parts run with the AOT options the launcher gives {@code eventlens import} and
 * {@code eventlens replay} (decisions 0069 and 0073).
 */
class BenchmarkAllAotTest {
    @TempDir
    Path dir;

    @Test
    void theImportPartsTakeTheLaunchersOptions() throws Exception {
        Path jar = Files.writeString(dir.resolve("eventlens.jar"), "jar");
        assertThat(BenchmarkAllCommand.aotOptions(jar.toString())).isEmpty();
        Files.writeString(dir.resolve(Launcher.AOT_CACHE), "cache");
        assertThat(BenchmarkAllCommand.aotOptions(jar.toString())).isEqualTo(Launcher.aotOptions(
                Runtime.version().feature(), new String[] {"import"}, Launcher.aotCache(jar.toString())));
        if (Runtime.version().feature() >= 25) {
            assertThat(BenchmarkAllCommand.aotOptions(jar.toString())).isNotEmpty();
        }
    }

    @Test
    void theImportAndReplayPartsRunWithTheCacheAndTheOthersWithout() {
        BenchmarkAllCommand all = new BenchmarkAllCommand();
        all.heap = "1g";
        all.events = 1000;
        all.big = 2000;
        all.work = dir;
        all.parts = java.util.List.of("import", "flow", "replay", "dlq");
        var aot = java.util.List.of("-XX:AOTCache=eventlens.aot");
        assertThat(all.plan(false, aot)).allSatisfy(part -> assertThat(part.jvmOptions())
                .isEqualTo(part.name().equals("import") || part.name().equals("replay")
                        ? java.util.List.of("-Xmx1g", "-XX:AOTCache=eventlens.aot") : java.util.List.of("-Xmx1g")))
                .extracting(BenchmarkAllCommand.Part::name).contains("import", "flow", "replay", "dlq");
    }
}
