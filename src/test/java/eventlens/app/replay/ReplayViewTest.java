package eventlens.app.replay;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.app.SampleLogs;
import eventlens.app.Section;
import eventlens.replay.Delivery;
import eventlens.replay.ReplayDeadLetter;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Label;
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
        robot.interact(() -> model.openTemporaryProject("Samples",
                () -> SampleLogs.extractTo(Files.createDirectory(dir.resolve("samples")))));
        robot.interact(() -> model.sectionProperty().set(Section.REPLAY));
        robot.clickOn("#replay-examples").clickOn("#example-order-pipeline");
        org.fxmisc.richtext.CodeArea editor = robot.lookup("#script-editor").queryAs(org.fxmisc.richtext.CodeArea.class);
        assertThat(editor.getText()).contains("on('payment.failed'");
        robot.clickOn("#breakpoint-text").write("payment.failed");
        robot.clickOn("#breakpoint-add");
        assertThat(model.replay().breakpoints()).hasSize(1);
        robot.clickOn("#replay-load");
        robot.clickOn("#replay-play");
        WaitForAsyncUtils.waitForFxEvents();
        Label stopped = robot.lookup("#replay-stopped-at").queryAs(Label.class);
        assertThat(stopped.getText()).startsWith("Stopped at type payment.failed");
        writePng(robot, Path.of("target/screenshots/replay-breakpoint.png"));

        robot.clickOn("#replay-step");
        TableView<Delivery> delivered = robot.lookup("#replay-delivered").queryTableView();
        Delivery step = delivered.getSelectionModel().getSelectedItem();
        assertThat(step.event().type()).isEqualTo("payment.failed");
        robot.clickOn("#replay-step-back");
        robot.clickOn("#replay-step");
        assertThat(delivered.getSelectionModel().getSelectedItem().index()).isEqualTo(step.index());
        assertThat(delivered.getItems()).hasSize((int) step.index());
        assertThat(robot.lookup("#replay-published").queryTableView().getItems()).isNotEmpty();
        writePng(robot, Path.of("target/screenshots/replay.png"));

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
    }

}
