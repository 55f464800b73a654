package eventlens.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherTest {
    @TempDir
    Path dir;

    @Test
    void readsJavaVersionsOldAndNew() {
        assertThat(Launcher.feature("1.8")).isEqualTo(8);
        assertThat(Launcher.feature("17")).isEqualTo(17);
        assertThat(Launcher.feature("21.0.2")).isEqualTo(21);
        assertThat(Launcher.feature("25-ea")).isEqualTo(25);
        assertThat(Launcher.feature("x")).isZero();
    }

    @Test
    void picksTheNewestJdkOfAtLeast21ThatHasAJava() throws Exception {
        Path old = jdk("java-17", "17.0.15", true);
        Path newest = jdk("temurin-25", "25.0.1", true);
        Path broken = jdk("jdk-26", "26", false);
        Path middle = jdk("jdk-21", "21.0.5", true);
        assertThat(Launcher.newest(List.of(old.toFile(), newest.toFile(), broken.toFile(), middle.toFile())))
                .isEqualTo(newest.toFile());
        assertThat(Launcher.newest(List.of(old.toFile()))).isNull();
    }

    @Test
    void sayInOneLineWhatToRunOrWhatToInstall() {
        String withJdk = Launcher.message(17, "/usr/lib/jvm/java-17", new File("/usr/lib/jvm/temurin-25"),
                "target/eventlens.jar", new String[] {"gui", "my project.eventlens"});
        assertThat(withJdk).doesNotContain("\n").isEqualTo("eventlens: needs Java 21 or newer but runs on Java 17 "
                + "(/usr/lib/jvm/java-17); run it with /usr/lib/jvm/temurin-25/bin/java -jar target/eventlens.jar "
                + "gui 'my project.eventlens'");
        String without = Launcher.message(11, "/opt/java11", null, "eventlens.jar", new String[0]);
        assertThat(without).doesNotContain("\n").contains("found none under JAVA_HOME, /usr/lib/jvm")
                .contains("apt-get install openjdk-21-jre");
    }

    @Test
    void replayRunsWithoutUnsafeWarningsAndKeepsItsExitCode() throws Exception {
        int running = Launcher.feature(System.getProperty("java.specification.version"));
        org.junit.jupiter.api.Assumptions.assumeTrue(running >= 24, "the warnings exist from Java 24 on; this is "
                + running);
        String project = dir.resolve("p.eventlens").toString();
        assertThat(eventlens.cli.Main.run(new String[] {"import", project, "samples/orders.jsonl"},
                new java.io.PrintWriter(java.io.Writer.nullWriter()), new java.io.PrintWriter(java.io.Writer.nullWriter())))
                .isZero();
        // As `java -jar` starts it: no JVM option of ours, so the launcher must start the second JVM itself.
        Process ok = launch("replay", project, "--script", "samples/scripts/analytics.js");
        String err = new String(ok.getErrorStream().readAllBytes());
        String out = new String(ok.getInputStream().readAllBytes());
        assertThat(ok.waitFor()).isZero();
        assertThat(err).doesNotContain("sun.misc.Unsafe").doesNotContain("WARNING");
        assertThat(out).contains("delivered 474");

        Process bad = launch("replay", project, "--script", "no-such.js");
        bad.getInputStream().readAllBytes();
        assertThat(new String(bad.getErrorStream().readAllBytes())).contains("no such script");
        assertThat(bad.waitFor()).isEqualTo(1);
    }

    private static Process launch(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Launcher.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).start();
    }

    private Path jdk(String name, String version, boolean withJava) throws Exception {
        Path home = Files.createDirectories(dir.resolve(name));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"x\"\nJAVA_VERSION=\"" + version + "\"\n");
        if (withJava) {
            Files.createDirectories(home.resolve("bin"));
            Files.writeString(home.resolve("bin/java"), "");
        }
        return home;
    }

    @Test
    void commandsThatOpenAWindowRunOnZgcUnlessTheUserChoseACollector() {
        assertThat(Launcher.windowOptions(new String[0], java.util.List.of())).containsExactly("-XX:+UseZGC");
        assertThat(Launcher.windowOptions(new String[] {"gui", "p.eventlens"}, java.util.List.of("-Xmx2g")))
                .containsExactly("-XX:+UseZGC");
        assertThat(Launcher.windowOptions(new String[] {"benchmark", "ui"}, java.util.List.of())).containsExactly("-XX:+UseZGC");
        assertThat(Launcher.windowOptions(new String[] {"gui"}, java.util.List.of("-XX:+UseG1GC"))).isEmpty();
        assertThat(Launcher.windowOptions(new String[] {"replay", "p.eventlens"}, java.util.List.of())).isEmpty();
        assertThat(Launcher.windowOptions(new String[] {"benchmark", "replay"}, java.util.List.of())).isEmpty();
    }

    @Test
    void anImportOrAReplayOnJava25GetsTheCacheTheBuildLeftBesideTheJar() throws Exception {
        Path jar = Files.writeString(dir.resolve("eventlens.jar"), "jar");
        assertThat(Launcher.aotCache(jar.toString())).isNull();
        Path cache = Files.writeString(dir.resolve(Launcher.AOT_CACHE), "cache");
        File found = Launcher.aotCache(jar.toString());
        assertThat(found).isEqualTo(cache.toAbsolutePath().toFile());
        assertThat(Launcher.aotOptions(25, new String[] {"import", "p.eventlens", "log.jsonl"}, found)).containsExactly(
                "-XX:AOTCache=" + cache.toAbsolutePath(), "-Xlog:aot=off", "-Xlog:cds=off", "-Xlog:class+path=off");
        assertThat(Launcher.aotOptions(25, new String[] {"replay", "--script", "h.js", "p.eventlens"}, found))
                .isEqualTo(Launcher.aotOptions(25, new String[] {"import"}, found));
        // Not before Java 25 (no method profiles in the cache), not for other commands, not without a cache.
        assertThat(Launcher.aotOptions(24, new String[] {"import"}, found)).isEmpty();
        assertThat(Launcher.aotOptions(25, new String[] {"events", "p.eventlens"}, found)).isEmpty();
        assertThat(Launcher.aotOptions(25, new String[] {"import"}, null)).isEmpty();
        // A cache older than the jar was made for another build of it; class folders have none.
        assertThat(cache.toFile().setLastModified(jar.toFile().lastModified() - 60_000)).isTrue();
        assertThat(Launcher.aotCache(jar.toString())).isNull();
        assertThat(Launcher.aotCache(dir.toString() + File.pathSeparator + jar)).isNull();
    }

    @Test
    void theWindowOnZgcGetsTheWindowsOwnCacheAndNoOtherCommandDoes() throws Exception {
        Path jar = Files.writeString(dir.resolve("eventlens.jar"), "jar");
        Files.writeString(dir.resolve(Launcher.AOT_CACHE), "the import's cache");
        assertThat(Launcher.aotCache(jar.toString(), Launcher.GUI_AOT_CACHE)).as("none made: no Xvfb at build").isNull();
        Path cache = Files.writeString(dir.resolve(Launcher.GUI_AOT_CACHE), "the window's cache");
        File found = Launcher.aotCache(jar.toString(), Launcher.GUI_AOT_CACHE);
        assertThat(found).isEqualTo(cache.toAbsolutePath().toFile());
        java.util.List<String> zgc = Launcher.windowOptions(new String[] {"gui"}, java.util.List.of());

        assertThat(Launcher.guiAotOptions(25, new String[] {"gui", "p.eventlens"}, zgc, found)).containsExactly(
                "-XX:AOTCache=" + cache.toAbsolutePath(), "-Xlog:aot=off", "-Xlog:cds=off", "-Xlog:class+path=off");
        assertThat(Launcher.guiAotOptions(25, new String[0], zgc, found)).as("no command opens the window too")
                .isNotEmpty();
        assertThat(Launcher.guiAotOptions(25, new String[] {"benchmark", "ui"}, zgc, found)).isNotEmpty();
        // Trained on ZGC: another collector chosen by the user cannot use it (no compressed pointers on ZGC).
        java.util.List<String> chosen = Launcher.windowOptions(new String[] {"gui"}, java.util.List.of("-XX:+UseG1GC"));
        assertThat(Launcher.guiAotOptions(25, new String[] {"gui"}, chosen, found)).isEmpty();
        assertThat(Launcher.guiAotOptions(24, new String[] {"gui"}, zgc, found)).isEmpty();
        assertThat(Launcher.guiAotOptions(25, new String[] {"import", "p.eventlens", "log.jsonl"}, zgc, found)).isEmpty();
        assertThat(Launcher.guiAotOptions(25, new String[] {"gui"}, zgc, null)).isEmpty();
        assertThat(cache.toFile().setLastModified(jar.toFile().lastModified() - 60_000)).isTrue();
        assertThat(Launcher.aotCache(jar.toString(), Launcher.GUI_AOT_CACHE)).as("older than the jar").isNull();
    }
}
