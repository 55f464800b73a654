package eventlens.app.aggregates;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.app.SampleLogs;
import eventlens.app.Section;
import eventlens.model.state.Change;
import eventlens.model.store.AggregateSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeTableRow;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The aggregates view driven headless on the bank sample: stepper and slider → state tree → diff. */
class AggregatesViewTest extends eventlens.app.HeadlessWindowTest {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void steppingAndTheSliderMoveTheStateTreeAndDiffListsTheChanges(FxRobot robot) throws Exception {
        robot.interact(() -> model.openTemporaryProject("Samples",
                () -> SampleLogs.extractTo(Files.createDirectory(dir.resolve("samples")))));
        robot.interact(() -> model.sectionProperty().set(Section.AGGREGATES));
        robot.clickOn("#aggregates-search").write("type:BankAccount").type(KeyCode.ENTER);
        TableView<AggregateSummary> list = robot.lookup("#aggregates-table").queryTableView();
        assertThat(list.getItems()).extracting(AggregateSummary::aggregateId)
                .containsExactly("acc-1001", "acc-1002", "acc-1003", "acc-1004");
        robot.interact(() -> list.getSelectionModel().select(0));
        HistoryViewModel history = model.aggregates().history();
        assertThat(history.steps()).hasSize(4);
        assertThat(valueOf(robot, "balance")).isEqualTo("500");

        robot.clickOn("#moment-first");
        assertThat(valueOf(robot, "balance")).isEqualTo("0");
        robot.clickOn("#moment-next");
        robot.clickOn("#moment-next");
        assertThat(robot.lookup("#moment-text").queryAs(Label.class).getText())
                .isEqualTo("v3 of 4 · 2024-01-15T09:12:00Z · MoneyWithdrawn");
        assertThat(valueOf(robot, "balance")).isEqualTo("800");
        assertThat(rowOf(robot, "balance").getPseudoClassStates()).contains(StateTreeView.CHANGED);
        writePng(robot, Path.of("target/screenshots/aggregates.png"));

        AggregatesView view = robot.lookup(n -> n instanceof AggregatesView).queryAs(AggregatesView.class);
        robot.interact(() -> view.momentBar().slider()
                .setValue(Instant.parse("2024-01-15T09:06:00Z").toEpochMilli()));
        assertThat(valueOf(robot, "balance")).isEqualTo("1000");
        assertThat(model.timeCursorProperty().get()).isEqualTo(Instant.parse("2024-01-15T09:06:00Z"));
        robot.clickOn("#history-table").type(KeyCode.END);
        assertThat(valueOf(robot, "balance")).isEqualTo("500");

        robot.interact(() -> {
            history.compareWithProperty().set(1);
            history.diffModeProperty().set(true);
        });
        TableView<Change> diff = robot.lookup("#diff-table").queryTableView();
        assertThat(diff.getItems()).anySatisfy(c -> {
            assertThat(c.path().toString()).isEqualTo("balance");
            assertThat(c.before().asLong()).isEqualTo(1000);
            assertThat(c.after().asLong()).isEqualTo(500);
        });
        assertThat(robot.lookup("#diff-text").queryAs(Label.class).getText()).startsWith("v2 → v4: 3 changes");
        writePng(robot, Path.of("target/screenshots/aggregates-diff.png"));

        robot.interact(() -> history.diffModeProperty().set(false));
        assertThat(view.tree().getContextMenu().getItems()).extracting(i -> i.getText()).contains("Who changed this?");
        robot.clickOn(rowOf(robot, "balance")).clickOn("#who-changed-button");
        assertThat(history.whoChanged()).hasSize(4);
        robot.interact(() -> robot.lookup("#who-changed-list").queryListView().getSelectionModel().select(2));
        assertThat(valueOf(robot, "balance")).isEqualTo("800");
        robot.interact(() -> model.darkThemeProperty().set(true));
        writePng(robot, Path.of("target/screenshots/aggregates-who-changed-dark.png"));
    }

    private static String valueOf(FxRobot robot, String key) {
        return rowOf(robot, key).getItem().value();
    }

    @SuppressWarnings("unchecked")
    private static TreeTableRow<StateRow> rowOf(FxRobot robot, String key) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup("#state-tree .tree-table-row-cell").match(n -> n instanceof TreeTableRow<?> r
                && r.getItem() instanceof StateRow s && s.key().equals(key)).queryAs(TreeTableRow.class);
    }

}
