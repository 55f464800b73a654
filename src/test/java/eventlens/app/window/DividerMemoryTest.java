package eventlens.app.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Split panes found by walking the scene get their saved dividers back after their view's first layout. */
@ExtendWith(ApplicationExtension.class)
class DividerMemoryTest {
    @TempDir
    Path dir;
    private Scene scene;
    private SplitPane outer;
    private SplitPane inner;

    @Start
    void start(Stage stage) {
        // Panes, not bare labels: a label's maximum width (its preferred one) would pin the divider.
        inner = new SplitPane(new StackPane(new Label("a")), new StackPane(new Label("b")));
        inner.setId("detail-split");
        outer = new SplitPane(new StackPane(new Label("list")), inner);
        scene = new Scene(new StackPane(outer), 800, 600);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void savedPositionsAreRestoredByIdOrByPlaceAndSavedAgain(FxRobot robot) throws Exception {
        Path file = dir.resolve("window.properties");
        WindowSettings saved = WindowSettings.load(file);
        saved.put("divider.flows.0.0", 0.25);
        saved.put("divider.flows.detail-split.0", 0.7);
        saved.save();

        WindowSettings settings = WindowSettings.load(file);
        DividerMemory memory = new DividerMemory(settings);
        robot.interact(() -> memory.viewShown(scene, "flows"));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(outer.getDividerPositions()[0]).isEqualTo(0.25, org.assertj.core.data.Offset.offset(0.01));
        assertThat(inner.getDividerPositions()[0]).isEqualTo(0.7, org.assertj.core.data.Offset.offset(0.01));

        robot.interact(() -> outer.setDividerPositions(0.4));
        memory.store();
        settings.save();
        assertThat(WindowSettings.load(file).number("divider.flows.0.0").getAsDouble())
                .isEqualTo(0.4, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void aViewShownAgainIsNotRestoredAgain(FxRobot robot) throws Exception {
        WindowSettings settings = WindowSettings.load(dir.resolve("none.properties"));
        settings.put("divider.events.0.0", 0.3);
        DividerMemory memory = new DividerMemory(settings);
        robot.interact(() -> memory.viewShown(scene, "events"));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> outer.setDividerPositions(0.6));
        robot.interact(() -> memory.viewShown(scene, "events"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(outer.getDividerPositions()[0]).isEqualTo(0.6, org.assertj.core.data.Offset.offset(0.01));
    }
}
