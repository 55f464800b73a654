package eventlens.app;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.model.flow.FlowNode;
import eventlens.app.flows.LoadedFlow;
import eventlens.replay.Divergence;
import eventlens.replay.ReplayMode;
import java.nio.file.Files;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The ids of the Replay view headless, after a roots-mode run that diverges: a divergence's cause and recorded
 * event lead to their flows and Alt+Left comes back, its published event shows in the inspector, and a replayed
 * event's run is a link to that run in the Runs tab, which Back and Forward restore.
 */
class ReplayLinksTest extends HeadlessWindowTest {
    /** The flow of the samples that order-pipeline.js publishes into (see flows.ReplayBranchTest). */
    static final String FLOW = "evt-94c3b33c7845";

    @Start
    void start(Stage stage) {
        open(stage);
    }

    private void runDivergingReplay(FxRobot robot) {
        robot.interact(() -> model.openTemporaryProject("Samples",
                () -> SampleLogs.extractTo(Files.createDirectory(dir.resolve("samples")))));
        robot.interact(() -> {
            var replay = model.replay();
            replay.script().openExample("order-pipeline.js");
            replay.script().textProperty().set(replay.script().textProperty().get()
                    .replace("const FLAG_SCORE = 0.85;", "const FLAG_SCORE = 0.92;"));
            replay.modeProperty().set(ReplayMode.ROOTS);
            replay.load();
            replay.runToEnd();
            model.sectionProperty().set(Section.REPLAY);
        });
    }

    private void altLeft(FxRobot robot) {
        robot.clickOn("#navigator").press(KeyCode.ALT, KeyCode.LEFT).release(KeyCode.LEFT, KeyCode.ALT);
    }

    private TabPane outputs(FxRobot robot) {
        return robot.lookup("#replay-outputs").queryAs(TabPane.class);
    }

    @Test
    void aDivergencesIdsAreLinksAndAltLeftComesBackToTheReplay(FxRobot robot) throws Exception {
        runDivergingReplay(robot);
        Divergence unexpected = model.replay().output().divergences().stream()
                .filter(d -> d.kind() == Divergence.Kind.UNEXPECTED).findFirst().orElseThrow();
        robot.interact(() -> {
            TabPane tabs = outputs(robot);
            tabs.getSelectionModel().select(tabs.getTabs().stream()
                    .filter(t -> "replay-tab-divergences".equals(t.getId())).findFirst().orElseThrow());
            model.replay().selectDivergence(unexpected);
        });

        writePng(robot, java.nio.file.Path.of("target/screenshots/replay-divergence-links.png"));
        robot.clickOn("#replay-divergence-link-published");
        assertThat(model.sectionProperty().get()).as("a published event is shown where the user is").isEqualTo(Section.REPLAY);
        assertThat(model.replay().selection().selectedProperty().get().id()).isEqualTo(unexpected.publishedId());

        robot.clickOn("#replay-divergence-link-cause");
        assertThat(model.sectionProperty().get()).isEqualTo(Section.FLOWS);
        assertThat(model.openFlow().selected().map(n -> n.event().id())).contains(unexpected.causeId());
        altLeft(robot);
        assertThat(model.sectionProperty().get()).isEqualTo(Section.REPLAY);
    }

    @Test
    void aReplayedEventsRunIsALinkToTheRunAndBackAndForwardRestoreIt(FxRobot robot) {
        runDivergingReplay(robot);
        long run = model.replay().runs().lastRunProperty().get().id();
        robot.interact(() -> {
            model.sectionProperty().set(Section.FLOWS);
            model.openFlow().open(FLOW);
        });
        LoadedFlow flow = model.openFlow().flowProperty().get();
        FlowNode published = flow.graph().nodes().stream().filter(n -> flow.isReplay(n.index())).findFirst().orElseThrow();
        robot.interact(() -> model.openFlow().select(published.index()));

        robot.clickOn("#detail-link-origin");
        assertThat(model.sectionProperty().get()).isEqualTo(Section.REPLAY);
        assertThat(model.replay().runs().selectedProperty().get().id()).isEqualTo(run);
        assertThat(outputs(robot).getSelectionModel().getSelectedItem().getId()).isEqualTo("replay-tab-runs");
        assertThat(model.here().id()).as("what Copy link and bookmarks name").isEqualTo("run:" + run);

        altLeft(robot);
        assertThat(model.sectionProperty().get()).isEqualTo(Section.FLOWS);
        assertThat(model.openFlow().selected().map(n -> n.event().id())).contains(published.event().id());
        robot.interact(() -> model.replay().runs().selectRun(null));
        robot.interact(model::goForward);
        assertThat(model.sectionProperty().get()).isEqualTo(Section.REPLAY);
        assertThat(model.replay().runs().selectedProperty().get().id()).as("the run the place was left on").isEqualTo(run);
    }
}
