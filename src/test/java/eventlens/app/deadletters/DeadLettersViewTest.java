package eventlens.app.deadletters;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.app.SampleLogs;
import eventlens.app.Section;
import eventlens.model.DeadLetter;
import eventlens.replay.deadletter.DryRunEntry;
import eventlens.replay.deadletter.RetryOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The Dead letters view driven headless on the bundled samples: group → entry → dry-run. */
class DeadLettersViewTest extends eventlens.app.HeadlessWindowTest {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void groupThenEntryThenDryRunOfTheFixedScript(FxRobot robot) throws Exception {
        robot.interact(() -> model.openTemporaryProject("Samples",
                () -> SampleLogs.extractTo(Files.createDirectory(dir.resolve("samples")))));
        robot.interact(() -> model.sectionProperty().set(Section.DEAD_LETTERS));
        TableView<GroupRow> groups = robot.lookup("#dlq-groups").queryTableView();
        assertThat(groups.getItems()).isNotEmpty();
        assertThat(groups.getItems().get(0).group().handlers()).containsExactly("payment-service.chargeCard");

        robot.interact(() -> groups.getSelectionModel().select(0));
        TableView<DeadLetter> entries = robot.lookup("#dlq-entries").queryTableView();
        assertThat(entries.getItems()).hasSize(5);
        robot.interact(() -> entries.getSelectionModel().select(0));
        assertThat(robot.lookup("#dlq-entry-title").queryAs(Label.class).getText())
                .isEqualTo("PaymentGatewayTimeout in payment-service.chargeCard");
        writePng(robot, Path.of("target/screenshots/dead-letters.png"));

        TabPane tabs = robot.lookup("#dlq-detail-tabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(1));
        ListView<PathStep> path = robot.lookup("#dlq-causal-path").queryListView();
        assertThat(path.getItems()).last().satisfies(s -> assertThat(s.failed()).isTrue());
        robot.clickOn("#dlq-dry-run-group");
        assertThat(robot.lookup("#dlq-dry-run-summary").queryAs(Label.class).getText())
                .isEqualTo("5 of 5 would now succeed (fixed-payment.js)");
        TableView<DryRunEntry> outcomes = robot.lookup("#dlq-outcomes").queryTableView();
        assertThat(outcomes.getItems()).allSatisfy(e -> assertThat(e.outcome()).isEqualTo(RetryOutcome.SUCCEEDED));
        assertThat(robot.lookup("#dlq-export").query().isDisabled()).isFalse();
        writePng(robot, Path.of("target/screenshots/dead-letters-dry-run.png"));

        robot.interact(() -> {
            tabs.getSelectionModel().select(2);
            groups.getSelectionModel().select(1);
        });
        robot.interact(() -> entries.getSelectionModel().select(0));
        robot.clickOn("#dlq-dry-run-entry");
        assertThat(outcomes.getItems()).singleElement()
                .satisfies(e -> assertThat(e.outcome()).isNotEqualTo(RetryOutcome.SUCCEEDED));
        robot.interact(() -> model.darkThemeProperty().set(true));
        writePng(robot, Path.of("target/screenshots/dead-letters-dark.png"));

        robot.clickOn("#dlq-link-event");
        assertThat(model.sectionProperty().get()).isEqualTo(Section.FLOWS);
    }

}
