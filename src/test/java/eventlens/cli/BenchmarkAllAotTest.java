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
    void theWindowPartsTakeTheLaunchersWindowOptions() throws Exception {
        Path jar = Files.writeString(dir.resolve("eventlens.jar"), "jar");
        Files.writeString(dir.resolve(Launcher.AOT_CACHE), "the import's cache");
        assertThat(BenchmarkAllCommand.guiAotOptions(jar.toString())).isEmpty();
        Files.writeString(dir.resolve(Launcher.GUI_AOT_CACHE), "the window's cache");
        String[] gui = {"gui"};
        assertThat(BenchmarkAllCommand.guiAotOptions(jar.toString())).isEqualTo(Launcher.guiAotOptions(
                Runtime.version().feature(), gui, Launcher.windowOptions(gui, java.util.List.of()),
                Launcher.aotCache(jar.toString(), Launcher.GUI_AOT_CACHE)));
        if (Runtime.version().feature() >= 25) {
            assertThat(BenchmarkAllCommand.guiAotOptions(jar.toString())).isNotEmpty();
        }
    }

    @Test
    void theWindowPartsRunOnZgcWithTheWindowsCache() {
        BenchmarkAllCommand all = command("import", "ui");
        var aot = java.util.List.of("-XX:AOTCache=eventlens.aot");
        var guiAot = java.util.List.of("-XX:AOTCache=eventlens-gui.aot");
        assertThat(all.plan(true, aot, guiAot)).filteredOn(part -> part.name().equals("ui")).hasSize(2)
                .allSatisfy(part -> assertThat(part.jvmOptions()).containsExactly("-Xmx1g", "-XX:+UseZGC",
                        "-XX:AOTCache=eventlens-gui.aot", "-Deventlens.bench.culprits=true"));
        assertThat(all.plan(true, aot, guiAot)).filteredOn(part -> part.name().equals("import"))
                .allSatisfy(part -> assertThat(part.jvmOptions()).contains("-XX:AOTCache=eventlens.aot"));
    }

    @Test
    void theImportAndReplayPartsRunWithTheCacheAndTheOthersWithout() {
        BenchmarkAllCommand all = command("import", "flow", "replay", "dlq");
        var aot = java.util.List.of("-XX:AOTCache=eventlens.aot");
        assertThat(all.plan(false, aot)).allSatisfy(part -> assertThat(part.jvmOptions())
                .isEqualTo(part.name().equals("import") || part.name().equals("replay")
                        ? java.util.List.of("-Xmx1g", "-XX:AOTCache=eventlens.aot") : java.util.List.of("-Xmx1g")))
                .extracting(BenchmarkAllCommand.Part::name).contains("import", "flow", "replay", "dlq");
    }

    @Test
    void aCacheTheJvmCannotMapIsLeftOutAndReported() throws Exception {
        BenchmarkAllCommand all = command("import");
        Path cache = Files.writeString(dir.resolve(Launcher.AOT_CACHE), "not a cache: a jar copied elsewhere is alike");
        var options = java.util.List.of("-XX:AOTCache=" + cache, "-Xlog:aot=off", "-Xlog:cds=off");
        assertThat(all.usable(options, java.util.List.of("-Xmx64m"), "the jar's AOT cache")).isEmpty();
        assertThat(all.skipped(true)).singleElement().asString().startsWith("the jar's AOT cache (" + cache + ") does "
                + "not fit the jar it is beside");
        assertThat(all.usable(java.util.List.of(), java.util.List.of("-Xmx64m"), "none")).isEmpty();
        assertThat(all.skipped(true)).hasSize(1);
    }

    /** {@code benchmark all} of 1,000 and 2,000 lines with {@code parts}, as its options would set it. */
    private BenchmarkAllCommand command(String... parts) {
        BenchmarkAllCommand all = new BenchmarkAllCommand();
        all.heap = "1g";
        all.events = 1000;
        all.big = 2000;
        all.work = dir;
        all.parts = java.util.List.of(parts);
        return all;
    }
}
