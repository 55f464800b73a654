package eventlens.app.flows;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.app.SampleLogs;
import eventlens.app.Section;
import eventlens.model.flow.FlowNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import eventlens.model.Event;
import eventlens.model.flow.CausalGraph;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeTableCell;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The flows view driven headless on the samples: the three views agree on the selected event. */
class FlowsViewTest extends eventlens.app.HeadlessWindowTest {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void treeGraphAndTimelineShowTheSameSelectedEventOfOrder1017(FxRobot robot) throws Exception {
        robot.interact(() -> model.openTemporaryProject("Samples",
                () -> SampleLogs.extractTo(Files.createDirectory(dir.resolve("samples")))));
        robot.interact(() -> model.sectionProperty().set(Section.FLOWS));
        OpenFlowViewModel flows = model.openFlow();
        robot.interact(() -> {
            model.flowList().filterTextProperty().set(OpenFlowViewModelTest.ORDER_1017);
            model.flowList().reload();
        });
        TableView<?> list = robot.lookup("#flows-table").queryTableView();
        assertThat(list.getItems()).hasSize(1);
        robot.interact(() -> list.getSelectionModel().select(0));
        LoadedFlow flow = flows.flowProperty().get();
        assertThat(flow.title()).isEqualTo(OpenFlowViewModelTest.ORDER_1017);
        FlowNode failed = flow.graph().nodes().stream().filter(n -> "payment.failed".equals(n.type()))
                .findFirst().orElseThrow();

        Node cell = robot.lookup(".tree-table-cell").match(n -> n instanceof TreeTableCell<?, ?> c
                && "payment.failed".equals(c.getText())).query();
        robot.clickOn(cell);
        WaitForAsyncUtils.waitForFxEvents();

        FlowsView view = robot.lookup(n -> n instanceof FlowsView).queryAs(FlowsView.class);
        assertThat(flows.selectedNodeProperty().get()).isEqualTo(failed.index());
        assertThat(view.tree().getSelectionModel().getSelectedItem().getValue().node()).isEqualTo(failed.index());
        assertThat(view.timeline().selectedNodeProperty().get()).isEqualTo(failed.index());
        String drawn = view.graph().drawnIdOf(failed.index());
        assertThat(view.graph().classOf(drawn)).startsWith("failed");
        assertThat(view.graph().isSelected(drawn)).isTrue();
        assertThat(flows.detail().titleProperty().get()).isEqualTo("payment.failed");

        robot.interact(() -> view.graph().drawNow());
        writePng(WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null)).get(),
                Path.of("target/screenshots/flows.png"));
        writePng(WaitForAsyncUtils.asyncFx(() -> view.timeline().snapshot(null, null)).get(),
                Path.of("target/screenshots/flows-timeline.png"));
        writePng(WaitForAsyncUtils.asyncFx(() -> view.graph().drawing().snapshot(null, null)).get(),
                Path.of("target/screenshots/flows-graph.png"));
        // The graph and the timeline paint with the stylesheet's looked-up colours (-el-failed-fill, -el-bg, ...).
        assertThat(view.graph().stylesheet()).contains("graph { fill-color: #ffffff;")
                .contains("node.lane0 { fill-color: #dbeafe; stroke-color: #3b82f6; }")
                .contains("edge { fill-color: #8c959f;");
        // The timeline draws the failed event's bar in the failure colour.
        FlowTimelineSkin skin = (FlowTimelineSkin) view.timeline().getSkin();
        double x = skin.xOf(flow.graph(), failed.event().time()) + 3;
        double y = skin.geometry().barTop(failed.lane()) + FlowTimelineSkin.BAR / 2;
        WritableImage timeline = WaitForAsyncUtils.asyncFx(() -> view.timeline().snapshot(null, null)).get();
        assertThat(timeline.getPixelReader().getColor((int) x, (int) y))
                .isEqualTo(Color.web("#ffebe9"));

        robot.interact(() -> {
            model.darkThemeProperty().set(true);
            view.graph().drawNow();
        });
        writePng(WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null)).get(),
                Path.of("target/screenshots/flows-dark.png"));
        // The dark theme redefines the graph's looked-up colours; the lanes keep theirs.
        assertThat(view.graph().stylesheet()).contains("graph { fill-color: #22272e;")
                .contains("edge { fill-color: #768390;").contains("text-color: #adbac7;")
                .contains("node.lane0 { fill-color: #dbeafe;");
    }

    @Test
    void thePngOfTheGraphIsTheWholeFlowWhateverTheZoomAndTheZoomIsKept(FxRobot robot) throws Exception {
        robot.interact(() -> model.openTemporaryProject("Samples",
                () -> SampleLogs.extractTo(Files.createDirectory(dir.resolve("samples")))));
        robot.interact(() -> model.sectionProperty().set(Section.FLOWS));
        robot.interact(() -> {
            model.flowList().filterTextProperty().set(OpenFlowViewModelTest.ORDER_1017);
            model.flowList().reload();
        });
        TableView<?> list = robot.lookup("#flows-table").queryTableView();
        robot.interact(() -> list.getSelectionModel().select(0));
        FlowsView view = robot.lookup(n -> n instanceof FlowsView).queryAs(FlowsView.class);
        FlowExport.Pixels whole = WaitForAsyncUtils.asyncFx(view::graphPixels).get();
        robot.interact(() -> view.graph().zoom(0.1));
        double zoomed = WaitForAsyncUtils.asyncFx(() -> view.graph().viewPercent()).get();
        FlowExport.Pixels again = WaitForAsyncUtils.asyncFx(view::graphPixels).get();

        assertThat(again.argb()).as("zoomed in tenfold, the PNG still shows the whole flow").isEqualTo(whole.argb());
        assertThat(WaitForAsyncUtils.asyncFx(() -> view.graph().viewPercent()).get()).isEqualTo(zoomed);
    }

    @Test
    void theViewFitsA1024By700WindowAndStopsGrowingOnceAFlowIsShown(FxRobot robot) {
        double[] original = {stage.getWidth(), stage.getHeight()};
        try {
            fitsA1024By700Window(robot);
        } finally {
            robot.interact(() -> {
                stage.setWidth(original[0]);
                stage.setHeight(original[1]);
            });
        }
    }

    private void fitsA1024By700Window(FxRobot robot) {
        robot.interact(() -> {
            stage.setWidth(1_024);
            stage.setHeight(700);
            model.openTemporaryProject("Samples", () -> SampleLogs.extractTo(Files.createDirectory(dir.resolve("samples"))));
            model.sectionProperty().set(Section.FLOWS);
        });
        TableView<?> list = robot.lookup("#flows-table").queryTableView();
        FlowsView view = robot.lookup(n -> n instanceof FlowsView).queryAs(FlowsView.class);
        robot.interact(() -> list.getSelectionModel().select(2));
        assertThat(model.openFlow().flowProperty().get()).isNotNull();
        double[][] sizes = new double[2][];
        robot.interact(() -> {
            javafx.scene.Parent root = stage.getScene().getRoot();
            root.layout();
            sizes[0] = new double[] {view.getWidth(), view.getHeight(), view.timeline().getWidth(), view.graph().getWidth()};
            for (int pass = 0; pass < 5; pass++) {
                root.requestLayout();
                root.layout();
            }
            sizes[1] = new double[] {view.getWidth(), view.getHeight(), view.timeline().getWidth(), view.graph().getWidth()};
        });

        assertThat(sizes[1]).containsExactly(sizes[0]);
        javafx.geometry.Bounds shown = view.localToScene(view.getLayoutBounds());
        assertThat(shown.getMaxX()).isLessThanOrEqualTo(stage.getScene().getWidth() + 0.5);
        assertThat(shown.getMaxY()).isLessThanOrEqualTo(stage.getScene().getHeight() + 0.5);
        assertThat(list.getHeight()).isGreaterThanOrEqualTo(FlowListTable.minHeight());
        assertThat(view.tree().getHeight()).isGreaterThan(80);
        assertThat(view.timeline().getHeight()).isGreaterThan(80);
    }

    @Test
    void theWarmUpCreatesTreeRowsDrawsTheGraphOnceAndLeavesNothingShown(FxRobot robot) {
        robot.interact(() -> model.sectionProperty().set(Section.FLOWS));
        FlowsView view = robot.lookup(n -> n instanceof FlowsView).queryAs(FlowsView.class);
        int[] rows = new int[2];
        TableView<?> list = robot.lookup("#flows-table").queryTableView();
        Object before = list.getItems();
        robot.interact(() -> {
            view.warmUp().forEach(Runnable::run);
            rows[0] = view.tree().lookupAll(".tree-table-row-cell").size();
            rows[1] = list.lookupAll(".table-row-cell").size();
            view.endWarmUp();
        });
        assertThat(rows[1]).as("styled flow list rows kept for the first page").isGreaterThan(5);
        assertThat(list.getItems()).as("the list is its view model's again").isSameAs(before);
        assertThat(list.itemsProperty().isBound()).isTrue();
        assertThat(rows[0]).as("styled rows kept for the first flow").isGreaterThan(5);
        assertThat(view.tree().getRoot().getChildren()).isEmpty();
        assertThat(view.tree().getSelectionModel().getSelectedItem()).isNull();
        assertThat(view.graph().drawing()).as("the graph is back to its message, nothing drawn is kept")
                .isInstanceOf(javafx.scene.control.Label.class);
        assertThat(list.getColumns()).as("the columns hidden while its first row was made").allMatch(c -> c.isVisible());
        assertThat(view.tree().getColumns()).allMatch(c -> c.isVisible());
    }

    @Test
    void aWarmUpEndedHalfwayLeavesEveryColumnShown(FxRobot robot) {
        robot.interact(() -> model.sectionProperty().set(Section.FLOWS));
        FlowsView view = robot.lookup(n -> n instanceof FlowsView).queryAs(FlowsView.class);
        TableView<?> list = robot.lookup("#flows-table").queryTableView();
        // Ended once while the list's first row is made, once while the tree's is.
        for (TableControl halfway : List.of(TableControl.of(list), TableControl.of(view.tree()))) {
            robot.interact(() -> {
                java.util.Iterator<Runnable> steps = view.warmUp().iterator();
                while (steps.hasNext() && halfway.allShown()) {
                    steps.next().run();
                }
            });
            assertThat(halfway.allShown()).as("halfway through, columns are hidden").isFalse();
            robot.interact(view::endWarmUp);
            assertThat(list.getColumns()).allMatch(c -> c.isVisible());
            assertThat(view.tree().getColumns()).allMatch(c -> c.isVisible());
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aFlowOpenedWhileTheListsColumnsAreHiddenShowsThemAtTheNextStep(FxRobot robot) {
        FlowsView view = flowsOfTheSamples(robot);
        TableView<?> list = robot.lookup("#flows-table").queryTableView();
        java.util.List<Runnable> steps = new ArrayList<>();
        robot.interact(() -> {
            list.itemsProperty().unbind(); // an empty list, as at the window's start
            ((TableView<Object>) list).setItems(javafx.collections.FXCollections.observableArrayList());
            steps.addAll(view.warmUp());
            steps.get(0).run(); // takes the list
            steps.get(1).run(); // hides its columns
        });
        assertThat(TableControl.of(list).allShown()).isFalse();
        robot.interact(() -> model.showFlow("evt-be1f07dcbefe")); // the first event of the bank-accounts sample
        assertThat(model.openFlow().flowProperty().get()).isNotNull();
        robot.interact(() -> steps.get(2).run());
        assertThat(TableControl.of(list).allShown()).as("given back before the warm-up's end").isTrue();
        robot.interact(view::endWarmUp);
    }

    /** Opens the bundled samples and shows the Flows view. */
    private FlowsView flowsOfTheSamples(FxRobot robot) {
        robot.interact(() -> model.openTemporaryProject("Samples",
                () -> SampleLogs.extractTo(Files.createDirectory(dir.resolve("samples")))));
        robot.interact(() -> model.sectionProperty().set(Section.FLOWS));
        return robot.lookup(n -> n instanceof FlowsView).queryAs(FlowsView.class);
    }

    /** The columns of a table or a tree table. */
    private record TableControl(List<? extends javafx.scene.control.TableColumnBase<?, ?>> columns) {
        static TableControl of(TableView<?> t) {
            return new TableControl(t.getColumns());
        }

        static TableControl of(javafx.scene.control.TreeTableView<?> t) {
            return new TableControl(t.getColumns());
        }

        boolean allShown() {
            return columns.stream().allMatch(c -> c.isVisible());
        }
    }

    @Test
    void aFlowOpenedBetweenTheWarmUpsStepsIsNotReplacedByItsMadeUpFlow(FxRobot robot) {
        FlowsView view = flowsOfTheSamples(robot);
        TableView<?> list = robot.lookup("#flows-table").queryTableView();
        java.util.List<Runnable> steps = new ArrayList<>();
        robot.interact(() -> {
            steps.addAll(view.warmUp());
            steps.get(0).run();
        });
        robot.interact(() -> {
            view.endWarmUp(); // the list is its view model's again, as a real flow is picked
            list.getSelectionModel().select(0);
        });
        LoadedFlow real = model.openFlow().flowProperty().get();
        assertThat(real).isNotNull();
        robot.interact(() -> steps.subList(1, steps.size()).forEach(Runnable::run));
        robot.interact(() -> view.tree().layout());
        assertThat(robot.lookup(".tree-table-cell").match(n -> n instanceof TreeTableCell<?, ?> c
                && "warm.up".equals(c.getText())).queryAll()).as("no row of the made-up flow").isEmpty();
        assertThat(robot.lookup(".tree-table-row-cell").match(n -> n instanceof javafx.scene.control.TreeTableRow<?> r
                && r.getItem() != null).queryAll()).as("the rows of the flow the user opened").isNotEmpty();
        assertThat(model.openFlow().flowProperty().get()).isSameAs(real);
        assertThat(list.getItems()).as("the list's later warm-up steps leave the real list alone")
                .noneMatch(row -> String.valueOf(row).contains("warm-up"));
    }

    @Test
    void aFlowAboveTheNodeBudgetIsNotDrawnButSaysSo(FxRobot robot) {
        List<Event> chain = new ArrayList<>();
        for (int i = 0; i <= OpenFlowViewModel.NODE_BUDGET; i++) {
            chain.add(new Event(i + 1, "e" + i, "step", "s" + (i % 3), Instant.EPOCH.plusMillis(i), null, null, null,
                    "big", i == 0 ? null : "e" + (i - 1), null, null, "{}", null));
        }
        LoadedFlow big = LoadedFlow.of("big", CausalGraph.build(chain));
        FlowGraphView graph = new FlowGraphView(node -> { });
        robot.interact(() -> graph.show(big));
        assertThat(graph.drawing()).isInstanceOf(javafx.scene.control.Label.class);
        assertThat(((javafx.scene.control.Label) graph.drawing()).getText())
                .startsWith("Too large to draw (2001 events").endsWith("use the tree.");
        robot.interact(graph::dispose);
    }

    @Test
    void selectingInAFlowTooLargeToDrawAfterADrawnOneHighlightsNothing(FxRobot robot) {
        List<Event> chain = new ArrayList<>();
        for (int i = 0; i <= OpenFlowViewModel.NODE_BUDGET; i++) {
            chain.add(new Event(i + 1, "e" + i, "step", "s" + (i % 3), Instant.EPOCH.plusMillis(i), null, null, null,
                    "big", i == 0 ? null : "e" + (i - 1), null, null, "{}", null));
        }
        LoadedFlow small = LoadedFlow.of("small", CausalGraph.build(chain.subList(0, 5)));
        LoadedFlow big = LoadedFlow.of("big", CausalGraph.build(chain));
        FlowGraphView graph = new FlowGraphView(node -> { });
        Throwable[] thrown = new Throwable[1];
        robot.interact(() -> {
            try {
                graph.show(small);
                graph.select(2);
                graph.show(big);
                graph.select(3);
            } catch (RuntimeException e) {
                thrown[0] = e;
            }
        });
        assertThat(thrown[0]).as("the benchmark's 100,000-event flow threw a NullPointerException here").isNull();
        assertThat(graph.drawing()).isInstanceOf(javafx.scene.control.Label.class);
        robot.interact(graph::dispose);
    }

    @Test
    void anOrphanIsLinkedToAGreyMissingPlaceholder(FxRobot robot) throws Exception {
        Instant t0 = Instant.parse("2024-01-15T10:00:00Z");
        List<Event> events = List.of(
                new Event(1, "a", "order.placed", "orders", t0, null, null, null, "c", null, null, null, "{}", null),
                new Event(2, "b", "order.paid", "payments", t0.plusMillis(40), null, null, null, "c", "a", null, null,
                        "{}", null),
                new Event(3, "x", "stock.reserved", "stock", t0.plusMillis(10), null, null, null, "c", "gone-7", null,
                        null, "{}", null),
                new Event(4, "y", "stock.late", "stock", t0.plusMillis(5), null, null, null, "c", "x", null, null,
                        "{}", null));
        LoadedFlow flow = LoadedFlow.of("c", CausalGraph.build(events));
        FlowGraphView graph = new FlowGraphView(node -> { });
        robot.interact(() -> {
            graph.setPrefSize(700, 320);
            stage.setScene(new javafx.scene.Scene(graph, 700, 320));
            graph.show(flow);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(graph.classOf("m:gone-7")).isEqualTo("missing");
        robot.interact(graph::drawNow);
        writePng(WaitForAsyncUtils.asyncFx(() -> graph.snapshot(null, null)).get(),
                Path.of("target/screenshots/flows-orphan.png"));
        robot.interact(graph::dispose);
    }

    @Test
    void aMessageAlsoSentInsideASpanGetsADashedSecondLink(FxRobot robot) {
        String trace = "4bf92f3577b34da6a3ce929d0e0e4736";
        String span = trace + ":00f067aa0ba902b7";
        Instant t0 = Instant.parse("2024-01-15T10:00:00Z");
        List<Event> events = List.of(
                new Event(1, span, "placeorder", "orders", t0, null, null, null, trace, null, null,
                        "{\"span\":{\"durationMicros\":5000}}", "{}", null),
                new Event(2, "a", "order.placed", "orders", t0.plusMillis(1), null, null, null, "c", null, null, null,
                        "{}", null),
                new Event(3, "b", "payment.requested", "payments", t0.plusMillis(2), null, null, null, "c", "a", null,
                        "{\"traceparent\":\"00-" + trace + "-00f067aa0ba902b7-01\"}", "{}", null));
        CausalGraph g = CausalGraph.build(events);
        assertThat(g.links()).singleElement().satisfies(l -> assertThat(l.kind()).isEqualTo(eventlens.model.flow.LinkKind.TRACEPARENT));
        FlowGraphView graph = new FlowGraphView(node -> { });
        robot.interact(() -> graph.show(LoadedFlow.of("c", g)));
        assertThat(graph.edgesOfClass("link")).isEqualTo(1);
        robot.interact(graph::dispose);
    }
}
