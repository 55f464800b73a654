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

    private Path jdk(String name, String version, boolean withJava) throws Exception {
        Path home = Files.createDirectories(dir.resolve(name));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"x\"\nJAVA_VERSION=\"" + version + "\"\n");
        if (withJava) {
            Files.createDirectories(home.resolve("bin"));
            Files.writeString(home.resolve("bin/java"), "");
        }
        return home;
    }
}
