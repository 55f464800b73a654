package eventlens.app;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.app.deadletters.GroupRow;
import eventlens.app.links.IdLink;
import eventlens.cli.Main;
import eventlens.model.DeadLetter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The ids of the Dead letters view and the dead-letter links of the detail panes, headless: a link goes to its
 * view with the id selected, and Alt+Left comes back to the entry that was shown.
 */
class LinkedIdsTest extends HeadlessWindowTest {
    static final String FAILED = "evt-e6424db67758";

    @Start
    void start(Stage stage) {
        open(stage);
    }

    private void openSamples(FxRobot robot) {
        robot.interact(() -> model.openTemporaryProject("Samples",
                () -> SampleLogs.extractTo(Files.createDirectory(dir.resolve("samples")))));
    }

    private void altLeft(FxRobot robot) {
        robot.clickOn("#navigator").press(KeyCode.ALT, KeyCode.LEFT).release(KeyCode.LEFT, KeyCode.ALT);
    }

    private DeadLetter shownDeadLetter() {
        return model.deadLetters().detail().selectedProperty().get();
    }

    /** The dead letter the entries table has selected, and the group the groups table has: what the user sees. */
    private void assertTheTablesShow(FxRobot robot, DeadLetter d) {
        TableView<GroupRow> groups = robot.lookup("#dlq-groups").queryTableView();
        TableView<DeadLetter> entries = robot.lookup("#dlq-entries").queryTableView();
        assertThat(groups.getSelectionModel().getSelectedItem().group().fingerprint()).isEqualTo(d.fingerprint());
        assertThat(entries.getSelectionModel().getSelectedItem()).isEqualTo(d);
    }

    @Test
    void theDeadLetterOfAnEventIsALinkToItInTheDeadLettersViewAndAltLeftComesBack(FxRobot robot) {
        openSamples(robot);
        robot.interact(() -> {
            model.sectionProperty().set(Section.EVENTS);
            model.events().filterTextProperty().set("id:" + FAILED);
            model.events().applyFilter();
            model.events().select(0);
        });
        robot.clickOn("#detail-link-dead-letter");
        assertThat(model.sectionProperty().get()).isEqualTo(Section.DEAD_LETTERS);
        DeadLetter followed = shownDeadLetter();
        assertThat(followed.eventId()).isEqualTo(FAILED);
        assertThat(followed.handler()).isEqualTo("payment-service.chargeCard");
        assertTheTablesShow(robot, followed);

        altLeft(robot);
        assertThat(model.sectionProperty().get()).isEqualTo(Section.EVENTS);
        assertThat(model.events().filterTextProperty().get()).isEqualTo("id:" + FAILED);

        // Another entry is shown meanwhile: going forward brings back the one the link led to.
        DeadLetter other = model.deadLetters().entries().get(3);
        robot.interact(() -> model.deadLetters().reveal(other.key()));
        assertThat(shownDeadLetter()).isEqualTo(other);
        robot.interact(model::goForward);
        assertThat(model.sectionProperty().get()).isEqualTo(Section.DEAD_LETTERS);
        assertThat(shownDeadLetter()).isEqualTo(followed);
        assertTheTablesShow(robot, followed);
        assertThat(model.here().id()).as("what Copy link and bookmarks name").isEqualTo(FAILED);
    }

    @Test
    void theIdsOfADeadLetterAreLinksAndAltLeftReturnsToTheSameEntry(FxRobot robot) {
        openSamples(robot);
        robot.interact(() -> {
            model.sectionProperty().set(Section.DEAD_LETTERS);
            model.deadLetters().selectGroup(model.deadLetters().groups().get(0));
        });
        DeadLetter first = model.deadLetters().entries().get(0);
        DeadLetter second = model.deadLetters().entries().get(1);
        robot.interact(() -> model.deadLetters().reveal(first.key()));
        assertThat(first.eventId()).isEqualTo(FAILED);

        robot.clickOn("#dlq-link-aggregate");
        assertThat(model.sectionProperty().get()).isEqualTo(Section.AGGREGATES);
        assertThat(model.aggregates().selectedProperty().get().aggregateId()).isEqualTo("order-1007");
        robot.interact(() -> model.deadLetters().reveal(second.key()));
        altLeft(robot);
        assertThat(model.sectionProperty().get()).isEqualTo(Section.DEAD_LETTERS);
        assertThat(shownDeadLetter()).as("the entry the place was left on").isEqualTo(first);
        assertTheTablesShow(robot, first);

        robot.clickOn("#dlq-link-correlation");
        assertThat(model.sectionProperty().get()).isEqualTo(Section.FLOWS);
        assertThat(model.openFlow().flowProperty().get().title()).contains(model.deadLetters().detail().contextProperty().get().correlationId());
        robot.interact(model::goBack);

        // Each step of the causal path is a link to it in its flow.
        TabPane tabs = robot.lookup("#dlq-detail-tabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(1));
        String root = model.deadLetters().detail().path().get(0).event().id();
        robot.clickOn(robot.lookup("#dlq-causal-path .detail-link").<javafx.scene.control.Hyperlink>match(
                l -> l.getText().equals(root)).queryAs(javafx.scene.control.Hyperlink.class));
        assertThat(model.sectionProperty().get()).isEqualTo(Section.FLOWS);
        assertThat(model.openFlow().selected().map(n -> n.event().id())).contains(root);
        altLeft(robot);
        assertThat(model.sectionProperty().get()).isEqualTo(Section.DEAD_LETTERS);
        assertThat(shownDeadLetter()).isEqualTo(first);
    }

    @Test
    void guiSelectInTheDeadLettersViewSelectsTheEventsDeadLetter(FxRobot robot) {
        Path project = dir.resolve("orders.eventlens");
        StringWriter log = new StringWriter();
        assertThat(Main.run(new String[] {"import", project.toString(), "samples/orders.jsonl",
            "samples/orders-dead-letters.jsonl"}, new PrintWriter(log), new PrintWriter(log))).as(log.toString()).isZero();
        List<String> told = new ArrayList<>();
        robot.interact(() -> model.openProject(project));
        StartSelection selection = StartSelection.classify(project, FAILED); // on a worker, as the window does
        robot.interact(() -> selection.showIn(model, Section.DEAD_LETTERS, told::add));
        assertThat(told).isEmpty();
        assertThat(model.sectionProperty().get()).isEqualTo(Section.DEAD_LETTERS);
        assertThat(shownDeadLetter().eventId()).isEqualTo(FAILED);
        assertTheTablesShow(robot, shownDeadLetter());
        assertThat(model.currentLink().toString()).endsWith("view=deadletters&select=" + FAILED);
    }

    @Test
    void aDeadLetterLinkIsSaidToBeUnknownWhenItsEntryIsGone(FxRobot robot) {
        openSamples(robot);
        robot.interact(() -> model.follow(IdLink.deadLetter(987_654)));
        assertThat(model.sectionProperty().get()).isEqualTo(Section.DEAD_LETTERS);
        assertThat(model.deadLetters().summaryProperty().get()).isEqualTo("No dead letter #987654 in this project.");
        assertThat(shownDeadLetter()).isNull();
    }
}
