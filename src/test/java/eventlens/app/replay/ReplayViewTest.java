package eventlens.app.replay;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.app.SampleLogs;
import eventlens.app.Section;
import eventlens.replay.Delivery;
import eventlens.replay.ReplayDeadLetter;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Replay view driven headless on the bundled samples: example script, breakpoint, play, step, lists. */
class ReplayViewTest extends eventlens.app.HeadlessWindowTest {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void loadTheExamplePipelineBreakOnPaymentFailedPlayStepAndSeeTheLists(FxRobot robot) throws Exception {
        openTheSamplesWithTheOrderPipeline(robot);
        org.fxmisc.richtext.CodeArea editor = robot.lookup("#script-editor").queryAs(org.fxmisc.richtext.CodeArea.class);
        assertThat(editor.getText()).contains("on('payment.failed'");
        robot.clickOn("#breakpoint-text").write("payment.failed");
        robot.clickOn("#breakpoint-add");
        assertThat(model.replay().breakpoints()).hasSize(1);
        robot.clickOn("#replay-load");
        robot.clickOn("#replay-play");
        WaitForAsyncUtils.waitForFxEvents();
        Label stopped = robot.lookup("#replay-stopped-at").queryAs(Label.class);
        assertThat(stopped.getText()).startsWith("Stopped before step ").contains(": payment.failed ")
                .endsWith("breakpoint type payment.failed");
        writePng(robot, Path.of("target/screenshots/replay-breakpoint.png"));

        // The state pane came forward at the stop; F10 (the step key) delivers the event and marks what it changed.
        assertThat(robot.lookup("#replay-inspector").queryAs(TabPane.class).getSelectionModel().getSelectedItem().getId())
                .isEqualTo("replay-tab-state");
        long before = model.replay().output().deliveredCountProperty().get();
        robot.clickOn("#script-editor").type(KeyCode.F10);
        assertThat(model.replay().output().deliveredCountProperty().get()).isEqualTo(before + 1);
        assertThat(robot.lookup("#replay-state-title").queryAs(Label.class).getText()).contains("step " + (before + 1));
        assertThat(robot.lookup("#replay-state-tree").queryAs(TreeTableView.class).getRoot()).isNotNull();
        TableView<Delivery> delivered = robot.lookup("#replay-delivered").queryTableView();
        Delivery step = delivered.getSelectionModel().getSelectedItem();
        assertThat(step.event().type()).isEqualTo("payment.failed");
        robot.clickOn("#replay-step-back");
        robot.clickOn("#replay-step");
        assertThat(delivered.getSelectionModel().getSelectedItem().index()).isEqualTo(step.index());
        assertThat(delivered.getItems()).hasSize((int) step.index());
        assertThat(robot.lookup("#replay-published").queryTableView().getItems()).isNotEmpty();
        writePng(robot, Path.of("target/screenshots/replay.png"));

        robot.clickOn("#replay-tab-breakpoints");
        robot.interact(() -> robot.lookup("#breakpoint-list").queryListView().getSelectionModel().select(0));
        robot.clickOn("#breakpoint-remove");
        assertThat(model.replay().breakpoints()).isEmpty();
        robot.clickOn("#replay-examples").clickOn("#example-flaky-payment");
        robot.clickOn("#replay-load");
        robot.clickOn("#replay-run-to-end");
        robot.clickOn("#replay-tab-dead");
        TableView<ReplayDeadLetter> dead = robot.lookup("#replay-dead-letters").queryTableView();
        assertThat(dead.getItems()).hasSize((int) model.replay().output().summaryProperty().get().deadLettered())
                .hasSizeGreaterThan(1).allSatisfy(d -> assertThat(d.error().line()).isEqualTo(8));
        assertThat(robot.lookup("#replay-console").queryListView().getItems()).isNotEmpty();
        robot.interact(() -> dead.getSelectionModel().select(0));
        // The dead letter's script line (8, column 11: the `new Error`) is where the caret goes.
        assertThat(editor.getText().substring(0, editor.getCaretPosition()).lines().count()).isEqualTo(8);
        assertThat(editor.getText().substring(editor.getCaretPosition())).startsWith("new Error");
        writePng(robot, Path.of("target/screenshots/replay-dead-letters.png"));

        robot.interact(() -> model.darkThemeProperty().set(true));
        robot.interact(() -> editor.replaceText(editor.getText().replace("const cents", "const cents =")));
        robot.clickOn("#replay-load");
        assertThat(model.replay().script().errorLineProperty().get()).isPositive();
        writePng(robot, Path.of("target/screenshots/replay-error-dark.png"));
        // The error came forward in the console, said once; clicking it puts the caret on its line.
        ListView<ConsoleLine> console = robot.lookup("#replay-console").queryListView();
        ConsoleLine error = console.getItems().get(console.getItems().size() - 1);
        assertThat(error.text()).contains("SyntaxError: ").doesNotContain("SyntaxError: SyntaxError");
        robot.interact(() -> editor.moveTo(0));
        robot.clickOn(robot.lookup("#replay-console .list-cell").match(n -> ((ListCell<?>) n).getItem() == error)
                .queryAs(ListCell.class));
        assertThat(editor.getCurrentParagraph() + 1).isEqualTo(error.line());
    }

    /** Opens the bundled samples in the Replay view with the example order pipeline in the editor. */
    private void openTheSamplesWithTheOrderPipeline(FxRobot robot) {
        robot.interact(() -> model.openTemporaryProject("Samples",
                () -> SampleLogs.extractTo(Files.createDirectory(dir.resolve("samples")))));
        robot.interact(() -> model.sectionProperty().set(Section.REPLAY));
        robot.clickOn("#replay-examples").clickOn("#example-order-pipeline");
    }

    @Test
    void aStepFromTheBreakpointsBringsTheStateForwardAndAPickedRowTheEvent(FxRobot robot) throws Exception {
        openTheSamplesWithTheOrderPipeline(robot);
        robot.clickOn("#replay-load");
        TabPane inspector = robot.lookup("#replay-inspector").queryAs(TabPane.class);
        assertThat(inspector.getSelectionModel().getSelectedItem().getId()).isEqualTo("replay-tab-breakpoints");
        robot.clickOn("#replay-step");
        WaitForAsyncUtils.waitForFxEvents();
        // The step selected its row in the delivered table to follow it: that is not the user picking the row.
        TableView<Delivery> delivered = robot.lookup("#replay-delivered").queryTableView();
        assertThat(delivered.getSelectionModel().getSelectedIndex()).isZero();
        assertThat(inspector.getSelectionModel().getSelectedItem().getId()).isEqualTo("replay-tab-state");

        robot.clickOn("#replay-step");
        robot.interact(() -> inspector.getSelectionModel().select(0));
        robot.interact(() -> delivered.getSelectionModel().select(0));
        assertThat(inspector.getSelectionModel().getSelectedItem().getId()).isEqualTo("replay-tab-event");
        assertThat(model.replay().selection().selectedProperty().get()).isSameAs(delivered.getItems().get(0).event());
    }

    /** The Replay view in a window of the size {@code window-check} opens at (1024×700). */
    private void showReplayAtTheWindowCheckSize(FxRobot robot) {
        showReplayIn(robot, 1024, 700);
    }

    private void showReplayIn(FxRobot robot, double width, double height) {
        robot.interact(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
        });
        robot.interact(() -> model.sectionProperty().set(Section.REPLAY));
    }

    @Test
    void oneButtonPlaysAndReadsPauseWhilePlayingKeepingItsWidth(FxRobot robot) throws Exception {
        openTheSamplesWithTheOrderPipeline(robot);
        robot.clickOn("#replay-load");
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> model.replay().loadedProperty().get() && !model.replay().busyProperty().get());
        javafx.scene.control.Button play = robot.lookup("#replay-play").queryButton();
        assertThat(play.getText()).isEqualTo("▶ Play");
        double width = play.getPrefWidth();
        java.util.List<String> whilePlaying = new java.util.concurrent.CopyOnWriteArrayList<>();
        robot.interact(() -> model.replay().playingProperty().addListener((obs, was, now) -> {
            if (now) {
                whilePlaying.add(play.getText() + (play.isDisabled() ? " (disabled)" : "") + " " + play.getPrefWidth());
            }
        }));
        robot.interact(play::fire); // returns once the play is over
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> !model.replay().playingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(whilePlaying).containsExactly("❚❚ Pause " + width);
        assertThat(play.getText()).isEqualTo("▶ Play");
        assertThat(model.replay().output().deliveredCountProperty().get()).isEqualTo(model.replay().sliceSizeProperty().get());
    }

    @Test
    void atTheWindowsNarrowestBothBarsAndTheInspectorStayInsideIt(FxRobot robot) {
        showReplayIn(robot, eventlens.app.window.WindowPlacement.MIN_WIDTH, eventlens.app.window.WindowPlacement.MIN_HEIGHT);
        Label progress = robot.lookup("#replay-progress").queryAs(Label.class);
        robot.interact(() -> {
            progress.textProperty().unbind();
            progress.setText("9,953,673 / 9,953,673 · 9,953,673 steps");
        });
        WaitForAsyncUtils.waitForFxEvents();
        double right = stage.getScene().getWidth();
        // At 800 px the script bar's Load and the slice field, and the inspector's right edge, were cut off.
        for (String id : new String[] {"#replay-load", "#replay-mode", "#replay-filter", "#replay-progress",
            "#replay-speed", "#replay-inspector"}) {
            Node node = robot.lookup(id).query();
            assertThat(node.localToScene(node.getBoundsInLocal()).getMaxX()).as(id).isLessThanOrEqualTo(right);
        }
    }

    @Test
    void atTheWindowCheckSizeAllOutputTabsShowWithoutTheOverflowMenuAndTheEditorIsTheWidest(FxRobot robot) {
        showReplayAtTheWindowCheckSize(robot);
        TabPane outputs = robot.lookup("#replay-outputs").queryAs(TabPane.class);
        for (Node tab : outputs.lookupAll(".tab")) {
            assertThat(tab.localToScene(tab.getBoundsInLocal()).getMaxX()).as(tab.toString())
                    .isLessThanOrEqualTo(outputs.localToScene(outputs.getBoundsInLocal()).getMaxX());
        }
        Node editor = robot.lookup("#script-editor").query();
        Node inspector = robot.lookup("#replay-inspector").query();
        assertThat(editor.getBoundsInLocal().getWidth()).isGreaterThan(inspector.getBoundsInLocal().getWidth() * 1.3);
    }

    @Test
    void atTheWindowCheckSizeTheTransportBarFitsWithTheCountersOfTenMillionEvents(FxRobot robot) {
        showReplayAtTheWindowCheckSize(robot);
        Label progress = robot.lookup("#replay-progress").queryAs(Label.class);
        Node load = robot.lookup("#replay-load").query();
        robot.interact(() -> {
            progress.textProperty().unbind();
            progress.setText("9,953,673 / 9,953,673 · 9,953,673 steps"); // a 10M slice run to its end
        });
        WaitForAsyncUtils.waitForFxEvents();
        double right = stage.getScene().getWidth();
        // Once the counters outgrew the bar, the whole view grew past the window and its right edge was cut off.
        assertThat(progress.localToScene(progress.getBoundsInLocal()).getMaxX()).isLessThanOrEqualTo(right);
        assertThat(load.localToScene(load.getBoundsInLocal()).getMaxX()).isLessThanOrEqualTo(right);
        assertThat(progress.getTooltip().getText()).isEqualTo(progress.getText());
        // The delivered table's step column fits such a step, however small the first steps it was fitted to.
        TableView<Delivery> delivered = robot.lookup("#replay-delivered").queryTableView();
        javafx.scene.text.Text step = new javafx.scene.text.Text("9,953,673");
        step.setFont(javafx.scene.text.Font.font(13));
        assertThat(delivered.getColumns().get(0).getMinWidth()).isGreaterThan(step.getLayoutBounds().getWidth());
    }

    @Test
    void theWarmUpShowsAScriptUnseenThenLeavesTheEditorAsItFoundItWithNothingToUndo(FxRobot robot) {
        robot.interact(() -> model.sectionProperty().set(Section.REPLAY));
        ReplayView view = robot.lookup(n -> n instanceof ReplayView).queryAs(ReplayView.class);
        org.fxmisc.richtext.CodeArea area = robot.lookup("#script-editor").queryAs(org.fxmisc.richtext.CodeArea.class);
        robot.interact(() -> {
            model.replay().script().textProperty().set("");
            view.warmUp().forEach(Runnable::run);
        });
        assertThat(area.getText()).contains("on('order.created'");
        assertThat(model.replay().script().textProperty().get()).as("the view model never sees it").isEmpty();
        robot.interact(view::endWarmUp);
        assertThat(area.getText()).isEmpty();
        assertThat(area.isUndoAvailable()).isFalse();

        robot.interact(() -> {
            view.warmUp().forEach(Runnable::run);
            model.replay().script().textProperty().set("on('x', () => {});");
            view.endWarmUp();
        });
        assertThat(area.getText()).as("a script opened meanwhile stays").isEqualTo("on('x', () => {});");
    }
}
