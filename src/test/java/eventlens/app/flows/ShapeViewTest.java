package eventlens.app.flows;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.app.SampleLogs;
import eventlens.app.Section;
import java.nio.file.Files;
import javafx.scene.control.ButtonBase;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The shape in the flows view, headless: the toggle swaps it for the list; Compare marks the steps. */
class ShapeViewTest extends eventlens.app.HeadlessWindowTest {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void compareWithTypicalShowsTheShapeWithMissedAndExtraStepsMarked(FxRobot robot) {
        robot.interact(() -> model.openTemporaryProject("Samples",
                () -> SampleLogs.extractTo(Files.createDirectory(dir.resolve("samples")))));
        robot.interact(() -> model.sectionProperty().set(Section.FLOWS));
        robot.interact(() -> model.openFlow().open(OpenFlowViewModelTest.ORDER_1017));
        FlowsView view = robot.lookup(n -> n instanceof FlowsView).queryAs(FlowsView.class);
        assertThat(view.shape().getScene()).isNull();
        robot.interact(() -> robot.lookup("#flow-compare-typical").queryAs(ButtonBase.class).fire());

        assertThat(view.shape().getScene()).isNotNull();
        assertThat(robot.lookup("#flows-table").tryQuery()).isEmpty();
        ShapeGraphView graph = view.shape().graph();
        assertThat(graph.step("order.created").getStyleClass()).contains(ShapeGraphView.TAKEN);
        assertThat(graph.step("payment.processed").getStyleClass()).contains(ShapeGraphView.MISSED);
        assertThat(graph.step("payment.failed").getStyleClass()).contains(ShapeGraphView.EXTRA);
        assertThat(graph.step("order.flagged").getStyleClass()).doesNotContain(ShapeGraphView.TAKEN,
                ShapeGraphView.MISSED, ShapeGraphView.EXTRA);
        assertThat(view.shape().variants().getItems()).hasSize(7);

        robot.interact(() -> view.shape().variants().getSelectionModel().select(1));
        assertThat(model.flowShape().selectionFlows()).hasSize(5);

        robot.interact(() -> model.flowShape().shownProperty().set(false));
        assertThat(view.shape().getScene()).isNull();
        assertThat(robot.lookup("#flows-table").tryQuery()).isPresent();
    }
}
