package eventlens.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** Following a link to a flow and coming back with Alt+Left, headless on the samples. */
class BackForwardTest extends HeadlessWindowTest {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    /** The samples, the events view filtered by {@code type:payment.failed}, its first row selected. */
    private void openSamplesOnTheFirstPaymentFailure(FxRobot robot) {
        robot.interact(() -> {
            model.openTemporaryProject("Samples", () -> SampleLogs.extractTo(Files.createDirectory(dir.resolve("samples"))));
            model.sectionProperty().set(Section.EVENTS);
            model.events().filterTextProperty().set("type:payment.failed");
            model.events().applyFilter();
            model.events().select(0);
        });
    }

    @Test
    void showAFlowFromAFilteredEventThenAltLeftComesBackToTheEventsWithTheFilterAndAltRightReturns(FxRobot robot) {
        openSamplesOnTheFirstPaymentFailure(robot);
        String failed = model.events().selectedProperty().get().id();
        robot.interact(() -> model.events().showFlowOfSelected());
        assertThat(model.sectionProperty().get()).isEqualTo(Section.FLOWS);
        assertThat(model.openFlow().selected()).isPresent();

        robot.interact(() -> model.events().filterTextProperty().set("something else"));
        robot.clickOn("#navigator").press(KeyCode.ALT, KeyCode.LEFT).release(KeyCode.LEFT, KeyCode.ALT);
        assertThat(model.sectionProperty().get()).isEqualTo(Section.EVENTS);
        assertThat(model.events().filterTextProperty().get()).isEqualTo("type:payment.failed");
        assertThat(model.canGoForwardProperty().get()).isTrue();

        robot.interact(model::goForward);
        assertThat(model.sectionProperty().get()).isEqualTo(Section.FLOWS);
        assertThat(model.openFlow().selected().map(n -> n.event().id())).contains(failed);

        assertThat(model.here().section()).isEqualTo(Section.FLOWS);
        assertThat(model.here().id()).as("what Copy link names").isEqualTo(failed);
        assertThat(model.currentLink()).as("the samples' temporary project has no file to link to").isNull();
    }

    @Test
    void theIdsOfTheDetailPaneAreLinksToTheCauseItsEffectsAndTheAggregateAndAltLeftComesBack(FxRobot robot) {
        openSamplesOnTheFirstPaymentFailure(robot);
        var failed = model.events().selectedProperty().get();
        robot.clickOn("#detail-link-causation");
        assertThat(model.sectionProperty().get()).isEqualTo(Section.FLOWS);
        assertThat(model.openFlow().selected().map(n -> n.event().id())).as("the cause, selected in its flow")
                .contains(failed.causationId());

        robot.clickOn("#navigator").press(KeyCode.ALT, KeyCode.LEFT).release(KeyCode.LEFT, KeyCode.ALT);
        assertThat(model.sectionProperty().get()).isEqualTo(Section.EVENTS);
        assertThat(model.events().filterTextProperty().get()).isEqualTo("type:payment.failed");

        robot.interact(() -> model.events().select(0));
        robot.clickOn("#detail-link-effects");
        assertThat(model.events().filterTextProperty().get()).isEqualTo("cause:" + failed.id());
        robot.interact(model::goBack);
        assertThat(model.events().filterTextProperty().get()).isEqualTo("type:payment.failed");

        robot.interact(() -> {
            model.events().filterTextProperty().set("agg:acc-1001");
            model.events().applyFilter();
            model.events().select(0);
        });
        robot.clickOn("#detail-link-aggregate");
        assertThat(model.sectionProperty().get()).isEqualTo(Section.AGGREGATES);
        assertThat(model.aggregates().selectedProperty().get().aggregateId()).isEqualTo("acc-1001");
        robot.interact(model::goBack);
        assertThat(model.sectionProperty().get()).isEqualTo(Section.EVENTS);
    }
}
