package eventlens.app.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WindowSettingsTest {
    @TempDir
    Path dir;

    @Test
    void valuesSurviveASaveAndALoad() throws Exception {
        Path file = dir.resolve("config/eventlens/window.properties");
        WindowSettings settings = WindowSettings.load(file);
        settings.put("window.width", 1200.5);
        settings.put("window.maximized", true);
        settings.put("divider.flows.0.0", 0.3);
        settings.save();

        WindowSettings again = WindowSettings.load(file);
        assertThat(again.number("window.width")).hasValue(1200.5);
        assertThat(again.flag("window.maximized")).isTrue();
        assertThat(again.keys("divider.")).containsExactly("divider.flows.0.0");
        assertThat(again.number("window.height")).isEmpty();
    }

    @Test
    void aDamagedFileIsTheSameAsNoSettings() throws Exception {
        Path file = dir.resolve("window.properties");
        Files.writeString(file, "window.width=wide\nwindow.x=\\u12");
        WindowSettings settings = WindowSettings.load(file);
        assertThat(settings.number("window.width")).isEmpty();
        assertThat(settings.number("window.x")).isEmpty();
    }

    @Test
    void theLocationFollowsThePlatformAndCanBeRedirected() {
        assertThat(WindowSettings.location(Map.of(), "Linux", "/home/ann", null))
                .isEqualTo(Path.of("/home/ann/.config/eventlens/window.properties"));
        assertThat(WindowSettings.location(Map.of("XDG_CONFIG_HOME", "/cfg"), "Linux", "/home/ann", null))
                .isEqualTo(Path.of("/cfg/eventlens/window.properties"));
        assertThat(WindowSettings.location(Map.of(), "Mac OS X", "/Users/ann", null))
                .isEqualTo(Path.of("/Users/ann/Library/Application Support/EventLens/window.properties"));
        assertThat(WindowSettings.location(Map.of(), "Linux", "/home/ann", "/tmp/test.properties"))
                .isEqualTo(Path.of("/tmp/test.properties"));
    }
}
