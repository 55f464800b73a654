package eventlens.app.flows;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.app.SampleLogs;
import eventlens.app.Section;
import eventlens.model.flow.FlowNode;
import eventlens.replay.ReplayMode;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.ToggleButton;
import org.junit.jupiter.api.Test;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The flows view headless after a replay run: the published events drawn as a distinct branch. */
class ReplayBranchViewTest extends eventlens.app.HeadlessWindowTest {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void publishedEventsAreDrawnDashedAndMarkedInTheGraph(FxRobot robot) throws Exception {
        robot.interact(() -> model.openTemporaryProject("Samples",
                () -> SampleLogs.extractTo(Files.createDirectory(dir.resolve("samples")))));
        robot.interact(() -> {
            model.replay().script().openExample("order-pipeline.js");
            model.replay().modeProperty().set(ReplayMode.ROOTS);
            model.replay().load();
            model.replay().runToEnd();
        });
        robot.interact(() -> {
            model.sectionProperty().set(Section.FLOWS);
            model.openFlow().open(ReplayBranchTest.FLOW);
        });
        WaitForAsyncUtils.waitForFxEvents();
        FlowsView view = robot.lookup(n -> n instanceof FlowsView).queryAs(FlowsView.class);
        LoadedFlow flow = model.openFlow().flowProperty().get();
        FlowNode published = flow.graph().nodes().stream().filter(n -> flow.isReplay(n.index())).findFirst().orElseThrow();
        assertThat(view.graph().classOf(view.graph().drawnIdOf(published.index()))).isEqualTo("replay");
        ToggleButton toggle = robot.lookup("#flows-show-replay").queryAs(ToggleButton.class);
        assertThat(toggle.isVisible()).isTrue();
        assertThat(toggle.getText()).startsWith("Show replay run #");
        assertThat(toggle.isSelected()).isTrue();

        robot.interact(() -> model.openFlow().select(published.index()));
        robot.interact(() -> view.graph().drawNow());
        writePng(WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null)).get(),
                Path.of("target/screenshots/flows-replay.png"));
        writePng(WaitForAsyncUtils.asyncFx(() -> view.graph().drawing().snapshot(null, null)).get(),
                Path.of("target/screenshots/flows-replay-graph.png"));
        writePng(WaitForAsyncUtils.asyncFx(() -> view.timeline().snapshot(null, null)).get(),
                Path.of("target/screenshots/flows-replay-timeline.png"));

        robot.interact(() -> toggle.fire());
        assertThat(model.openFlow().flowProperty().get().replayed()).isEmpty();
    }

    @Test
    void aRunReloadsTheShownFlowOnlyWhenItPublishedIntoIt(FxRobot robot) {
        robot.interact(() -> model.openTemporaryProject("Samples",
                () -> SampleLogs.extractTo(Files.createDirectory(dir.resolve("samples")))));
        robot.interact(() -> {
            model.sectionProperty().set(Section.FLOWS);
            model.openFlow().open(ReplayBranchTest.FLOW);
            model.replay().script().openExample("order-pipeline.js");
            model.replay().modeProperty().set(ReplayMode.ROOTS);
            model.replay().load();
            model.replay().runToEnd();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.openFlow().flowProperty().get().replayed()).as("the run published into the shown flow")
                .isNotEmpty();

        robot.interact(() -> model.openFlow().open("evt-be1f07dcbefe")); // an account: no order handler touches it
        LoadedFlow account = model.openFlow().flowProperty().get();
        robot.interact(() -> {
            model.replay().load();
            model.replay().runToEnd();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.openFlow().flowProperty().get()).as("not loaded again").isSameAs(account);
    }
}
