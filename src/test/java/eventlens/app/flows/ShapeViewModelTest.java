package eventlens.app.flows;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.app.MainViewModel;
import eventlens.app.SampleLogs;
import eventlens.app.imports.LogImporter;
import eventlens.app.work.SameThreadWork;
import eventlens.model.flow.shape.FlowShape;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shape of order.created in the flows view, on the bundled samples, without a window. */
class ShapeViewModelTest {
    @TempDir
    Path dir;
    private MainViewModel main;
    private ShapeViewModel shapes;

    @BeforeEach
    void openSamples() {
        main = new MainViewModel(new SameThreadWork(), LogImporter.standard());
        main.openTemporaryProject("Samples", () -> SampleLogs.extractTo(Files.createDirectory(dir.resolve("samples"))));
        shapes = main.flowShape();
    }

    @AfterEach
    void close() {
        main.close();
    }

    @Test
    void showingTheShapeListsRootTypesAndMergesTheOpenFlowsRootType() {
        main.openFlow().open(OpenFlowViewModelTest.ORDER_1017);
        shapes.shownProperty().set(true);
        assertThat(shapes.rootTypes()).contains("order.created");
        FlowShape shape = shapes.shapeProperty().get();
        assertThat(shape.rootType()).isEqualTo("order.created");
        assertThat(shape.flows()).isEqualTo(50);
        assertThat(shapes.statusProperty().get()).startsWith("50 flows, ").contains("variants");
    }

    @Test
    void pickingAVariantOrAnEdgeListsItsFlowsAndAClickOpensOne() {
        shapes.shownProperty().set(true);
        shapes.show("order.created");
        FlowShape shape = shapes.shapeProperty().get();
        FlowShape.Variant failed = shape.variants().stream()
                .filter(v -> v.steps().contains("payment.failed")).findFirst().orElseThrow();
        shapes.selectVariant(failed);
        assertThat(shapes.selectionFlows()).hasSize(5).contains(OpenFlowViewModelTest.ORDER_1017);
        assertThat(shapes.selectionTitleProperty().get()).startsWith("Variant #" + failed.rank()).contains("5 flows");

        shapes.selectEdge(shape.edge("order.created", "inventory.out_of_stock").orElseThrow());
        assertThat(shapes.selectionFlows()).hasSize(2);
        shapes.openFlow(shapes.selectionFlows().get(0));
        assertThat(main.openFlow().flowProperty().get().title()).isEqualTo(shapes.selectionFlows().get(0));
    }

    @Test
    void comparingAFailedOrderWithTheTypicalOneListsMissedAndExtraSteps() {
        main.openFlow().open(OpenFlowViewModelTest.ORDER_1017);
        shapes.compareOpenFlowWithTypical();
        assertThat(shapes.shownProperty().get()).isTrue();
        assertThat(shapes.comparisonProperty().get().missed()).extracting(m -> m.type())
                .contains("payment.processed", "shipment.created");
        assertThat(shapes.comparisonLines()).anyMatch(l -> l.startsWith("Missed: payment.processed (reached by 80 %)"))
                .anyMatch(l -> l.startsWith("Extra: payment.failed (reached by 10 %)"));
        assertThat(shapes.comparisonLines().get(0)).startsWith("Flow " + OpenFlowViewModelTest.ORDER_1017);

        shapes.clearComparison();
        assertThat(shapes.comparisonLines()).isEmpty();
        main.openFlow().open("evt-f3aa9f7d1c0f");
        shapes.compareOpenFlowWithTypical();
        assertThat(shapes.comparisonProperty().get().missed()).isEmpty();
    }

    @Test
    void comparingWithAnotherFlowUsesItsStepsAndTheFlowOpenedBeforeIsOffered() {
        String typical = "evt-f3aa9f7d1c0f";
        main.openFlow().open(typical);
        main.openFlow().open(OpenFlowViewModelTest.ORDER_1017);
        assertThat(shapes.previousFlow()).isEqualTo(typical);

        shapes.compareOpenFlowWith(shapes.previousFlow());
        assertThat(shapes.shownProperty().get()).isTrue();
        var c = shapes.comparisonProperty().get();
        assertThat(c.reference()).isEqualTo(typical);
        assertThat(c.missed()).extracting(m -> m.type()).contains("payment.processed");
        assertThat(c.extra()).extracting(x -> x.type()).contains("payment.failed");
        assertThat(shapes.comparisonLines().get(0)).contains("vs flow " + typical);

        shapes.compareOpenFlowWith("no-such-flow");
        assertThat(shapes.statusProperty().get()).isEqualTo("No flow or event has the id 'no-such-flow'.");
        assertThat(shapes.comparisonProperty().get()).as("the last comparison stays").isSameAs(c);
    }

    @Test
    void anotherProjectClearsTheShape() {
        shapes.shownProperty().set(true);
        assertThat(shapes.shapeProperty().get()).isNotNull();
        shapes.setStore(null);
        assertThat(shapes.shapeProperty().get()).isNull();
        assertThat(shapes.rootTypes()).isEmpty();
    }
}
