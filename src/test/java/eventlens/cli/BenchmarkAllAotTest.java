package eventlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.launcher.Launcher;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's import parts run with the AOT options the launcher gives {@code eventlens import} (decision 0069). */
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
}
