package eventlens.app.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThemeMemoryTest {
    @TempDir
    Path dir;

    @Test
    void theDarkThemeIsRememberedBetweenRuns() throws Exception {
        Path file = dir.resolve("window.properties");
        WindowSettings first = WindowSettings.load(file);
        SimpleBooleanProperty dark = new SimpleBooleanProperty();
        new WindowMemory(first).remember("theme.dark", dark);
        assertThat(dark.get()).as("nothing saved yet: light").isFalse();
        dark.set(true);
        first.save();

        SimpleBooleanProperty again = new SimpleBooleanProperty();
        new WindowMemory(WindowSettings.load(file)).remember("theme.dark", again);
        assertThat(again.get()).isTrue();
    }
}
