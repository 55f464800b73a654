package eventlens.app.flows;

import eventlens.app.base.AfterFrames;
import eventlens.app.base.Styles;
import eventlens.app.base.WarmsUp;
import eventlens.app.events.EventDetailView;
import eventlens.app.table.ColumnsInTurn;
import java.io.File;
import java.util.List;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.Subscription;

/**
 * The flows view: the flow list on top ({@link FlowListViewModel}); below it the open flow
 * ({@link OpenFlowViewModel}) as a tree, a graph and a timeline that select together, and the detail pane
 * of the selected event.
 */
public final class FlowsView extends BorderPane implements WarmsUp {
    private final FlowListViewModel flows;
    private final OpenFlowViewModel open;
    private final TextField filter = new TextField();
    private final ToggleButton anomalies = new ToggleButton("With anomalies");
    private final ToggleButton failures = new ToggleButton("With failures");
    private final ToggleButton shapeToggle = new ToggleButton("Shape");
    private final ToggleButton timeToggle = new ToggleButton("Over time");
    private final ShapeViewModel shapes;
    private final ShapeView shape;
    private final FlowListTable list;
    private final FlowTree tree;
    /** The tree's first warm-up row is made a column at a time. */
    private final ColumnsInTurn treeColumns;
    private final FlowGraphView graph;
    private final FlowTimeline timeline = new FlowTimeline();
    private final EventDetailView detail;
    private Subscription subscriptions = Subscription.EMPTY;
    private boolean flowJustShown;

    public FlowsView(FlowListViewModel flows, OpenFlowViewModel open, ShapeViewModel shapes) {
        this.flows = flows;
        this.open = open;
        this.shapes = shapes;
        shape = new ShapeView(shapes);
        shape.setMinHeight(FlowListTable.minHeight());
        list = new FlowListTable(flows);
        tree = new FlowTree(open::select);
        treeColumns = new ColumnsInTurn(tree, tree.getColumns());
        graph = new FlowGraphView(open::select);
        detail = new EventDetailView(open.detail());
        setTop(filterBar());

        // Every pane has a small fixed minimum (the list: eight rows) and the drawings a constant preferred
        // size, so the view always fits its window and the dividers can be dragged; none of them is sized
        // by what it shows. The panes keep their proportions when the window is resized (the window opens
        // small and is sized after mapping, so fixed pane sizes would keep the first, tiny layout).
        tree.setMinSize(180, 90);
        graph.setMinSize(140, 90);
        SplitPane treeAndGraph = new SplitPane(tree, graph);
        proportional(treeAndGraph, 0.55);
        SplitPane drawings = new SplitPane(treeAndGraph, timeline);
        drawings.setOrientation(Orientation.VERTICAL);
        proportional(drawings, 0.55);
        drawings.setMinSize(0, 0);
        VBox.setVgrow(drawings, Priority.ALWAYS);
        VBox flowPane = new VBox(flowBar(), drawings);
        flowPane.setMinWidth(340);
        detail.setMinSize(240, 0);
        SplitPane flowAndDetail = new SplitPane(flowPane, detail);
        proportional(flowAndDetail, 0.68);
        list.setMinHeight(FlowListTable.minHeight());
        list.setMinWidth(0);
        SplitPane main = new SplitPane(list, flowAndDetail);
        main.setOrientation(Orientation.VERTICAL);
        proportional(main, 0.32);
        // The shape of a root type takes the list's place (ShapeView; decision 0041).
        observe(shapes.shownProperty().subscribe(on -> main.getItems().set(0, on ? shape : list)));
        setCenter(main);
        setMinSize(0, 0);

        timeline.selectedNodeProperty().addListener((obs, old, now) -> open.select(now.intValue()));
        observe(open.flowProperty().subscribe(flow -> {
            // The new tree is styled and laid out in the next pulse, the graph and the timeline in the pulse
            // after, and selecting the tree's row (which opens its ancestors and scrolls) in the third, so that
            // a big flow costs three short frames instead of one long one (140-190 ms on two cores, 0060).
            tree.show(flow);
            flowJustShown = true;
            if (flow == null) {
                graph.show(null);
                timeline.flowProperty().set(null);
            } else {
                AfterFrames.run(2, () -> {
                    if (open.flowProperty().get() == flow) {
                        graph.show(flow);
                        timeline.flowProperty().set(flow);
                    }
                });
            }
            AfterFrames.run(3, () -> {
                if (open.flowProperty().get() == flow) {
                    flowJustShown = false;
                    showSelected(open.selectedNodeProperty().get());
                }
            });
        }));
        observe(open.selectedNodeProperty().subscribe(node -> {
            if (!flowJustShown) {
                showSelected(node.intValue());
            }
        }));
    }

    /**
     * Sets the histogram of the listed flows' events over time, shown under the view while the "Over time"
     * toggle is on; off at first, since the open flow's tree, graph and timeline need the height at 1024×700
     * (decision 0046). Hiding it runs {@code hidden}
     * (which clears its brush: a hidden histogram must not keep narrowing the list).
     */
    public void setTimeHistogram(Node histogram, Runnable hidden) {
        observe(timeToggle.selectedProperty().subscribe(on -> {
            setBottom(on ? histogram : null);
            if (!on) {
                hidden.run();
            }
        }));
    }

    /** Whether the histogram of the listed flows' events shows under the view ("Over time"). */
    public javafx.beans.property.BooleanProperty overTimeProperty() {
        return timeToggle.selectedProperty();
    }

    /** Asks which flow to compare the open one with, offering the flow opened before it. */
    private java.util.Optional<String> askForOtherFlow() {
        javafx.scene.control.TextInputDialog ask = new javafx.scene.control.TextInputDialog(
                shapes.previousFlow() == null ? "" : shapes.previousFlow());
        ask.setTitle("Compare with another flow");
        ask.setHeaderText("Compare the open flow with which flow?");
        ask.setContentText("Correlation or event id:");
        if (getScene() != null) {
            ask.initOwner(getScene().getWindow());
        }
        return ask.showAndWait().map(String::strip).filter(id -> !id.isEmpty());
    }

    private void showSelected(int node) {
        tree.select(node);
        graph.select(node);
        timeline.selectedNodeProperty().set(node);
    }

    /**
     * Keeps a split pane's dividers at these fractions when the window is resized, until the user drags
     * one: SplitPane itself takes a shrinking window's height out of one pane down to its minimum (the
     * window opens small and is sized after mapping), which left the drawings squeezed.
     */
    private static void proportional(SplitPane pane, double... positions) {
        pane.setDividerPositions(positions);
        boolean[] dragged = {false};
        pane.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> {
            for (Node n = e.getPickResult().getIntersectedNode(); n != null && n != pane; n = n.getParent()) {
                if (n.getStyleClass().contains("split-pane-divider")) {
                    dragged[0] = true;
                }
            }
        });
        javafx.beans.InvalidationListener resized = obs -> {
            if (!dragged[0]) {
                pane.setDividerPositions(positions);
            }
        };
        pane.widthProperty().addListener(resized);
        pane.heightProperty().addListener(resized);
    }

    private Node filterBar() {
        filter.setId("flows-filter");
        filter.getStyleClass().add(Styles.FILTER_FIELD);
        filter.setPromptText("Filter flows: part of a correlation id, or type:order.* for the root type  (Enter)");
        filter.textProperty().bindBidirectional(flows.filterTextProperty());
        filter.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                flows.reload();
            }
        });
        anomalies.setId("flows-with-anomalies");
        anomalies.selectedProperty().bindBidirectional(flows.withAnomaliesProperty());
        failures.setId("flows-with-failures");
        failures.selectedProperty().bindBidirectional(flows.withFailuresProperty());
        Label summary = new Label();
        summary.getStyleClass().add(Styles.SUMMARY);
        summary.textProperty().bind(flows.summaryProperty());
        shapeToggle.setId("flows-shape");
        shapeToggle.setTooltip(new javafx.scene.control.Tooltip(
                "Every flow of a root type merged into one graph, with its variants"));
        shapeToggle.selectedProperty().bindBidirectional(shapes.shownProperty());
        timeToggle.setId("flows-over-time");
        timeToggle.setTooltip(new javafx.scene.control.Tooltip(
                "The listed flows' events over time, under the view; brush a range to list only the flows in it"));
        HBox bar = new HBox(8, filter, anomalies, failures, shapeToggle, timeToggle, summary);
        HBox.setHgrow(filter, Priority.ALWAYS);
        bar.getStyleClass().add(Styles.FILTER_BAR);
        return bar;
    }

    private Node flowBar() {
        Label title = new Label();
        title.setId("flow-summary");
        title.getStyleClass().add(Styles.FLOW_TITLE);
        title.textProperty().bind(open.flowSummaryProperty());
        javafx.scene.control.Tooltip full = new javafx.scene.control.Tooltip();
        full.textProperty().bind(open.flowSummaryProperty());
        title.setTooltip(full);
        Label message = new Label();
        message.getStyleClass().add(Styles.MUTED);
        message.textProperty().bind(open.messageProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button showInEvents = new Button("Show in events");
        showInEvents.setId("show-in-events");
        showInEvents.setOnAction(e -> open.showInEvents());
        javafx.scene.control.SplitMenuButton compare = new javafx.scene.control.SplitMenuButton();
        compare.setText("Compare");
        compare.setId("flow-compare-typical");
        compare.setTooltip(new javafx.scene.control.Tooltip(
                "Compare with typical: the steps this flow missed, the extra ones it took and its hops slower than p95, "
                        + "in the shape of its root type (▾: with another flow)"));
        compare.setOnAction(e -> shapes.compareOpenFlowWithTypical());
        MenuItem typical = new MenuItem("With the typical flow");
        typical.setOnAction(e -> shapes.compareOpenFlowWithTypical());
        MenuItem other = new MenuItem("With another flow…");
        other.setId("flow-compare-other");
        other.setOnAction(e -> askForOtherFlow().ifPresent(shapes::compareOpenFlowWith));
        compare.getItems().addAll(typical, other);
        MenuButton export = new MenuButton("Export");
        export.setId("flow-export");
        for (FlowExport format : FlowExport.values()) {
            MenuItem item = new MenuItem(format.title() + "…");
            item.setOnAction(e -> chooseFile(format.title(), format.extension())
                    .ifPresent(file -> open.export(format, file.toPath())));
            export.getItems().add(item);
        }
        MenuItem png = new MenuItem("PNG of the graph…");
        png.setOnAction(e -> chooseFile("PNG", "png").ifPresent(file -> open.exportPng(graphPixels(), file.toPath())));
        export.getItems().add(png);
        Button zoomIn = small("+", "Zoom in (wheel)", () -> {
            graph.zoom(0.8);
            timeline.zoom(1.25);
        });
        Button zoomOut = small("−", "Zoom out (wheel)", () -> {
            graph.zoom(1.25);
            timeline.zoom(0.8);
        });
        Button fit = small("Fit", "Show the whole flow", () -> {
            graph.fit();
            timeline.fit();
        });
        ToggleButton replay = new ToggleButton();
        replay.setId("flows-show-replay");
        replay.textProperty().bind(open.replayLabelProperty());
        replay.selectedProperty().bindBidirectional(open.showReplayProperty());
        replay.visibleProperty().bind(open.replayLabelProperty().isNotEmpty());
        replay.managedProperty().bind(replay.visibleProperty());
        title.setMinWidth(0);
        message.setMinWidth(0);
        for (Region r : new Region[] {replay, zoomOut, zoomIn, fit, compare, showInEvents, export}) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox bar = new HBox(8, title, message, spacer, replay, zoomOut, zoomIn, fit, compare, showInEvents, export);
        bar.getStyleClass().add(Styles.FLOW_BAR);
        bar.disableProperty().bind(open.flowProperty().isNull());
        return bar;
    }

    private static Button small(String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.setTooltip(new javafx.scene.control.Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }

    private java.util.Optional<File> chooseFile(String what, String extension) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export flow as " + what);
        LoadedFlow flow = open.flowProperty().get();
        chooser.setInitialFileName((flow == null ? "flow" : flow.title()).replaceAll("[^A-Za-z0-9._-]", "_")
                + "." + extension);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(what, "*." + extension));
        return java.util.Optional.ofNullable(chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow()));
    }

    /** The whole graph (not only the part in view), copied out on the FX thread for the PNG export. */
    FlowExport.Pixels graphPixels() {
        WritableImage image = graph.snapshotWhole();
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return new FlowExport.Pixels(w, h, argb);
    }

    FlowTree tree() {
        return tree;
    }

    FlowGraphView graph() {
        return graph;
    }

    FlowTimeline timeline() {
        return timeline;
    }

    /**
     * Fills the flow list, the tree and the graph with small made-up flows, off-screen, until
     * {@link #endWarmUp()}: the first real flow then reuses styled cells and their render peers instead of
     * making a screenful of them inside one frame (about 80 ms for the tree on the standard machine,
     * decision 0022; 90–140 ms for the list's first page), and GraphStream's renderer has run once (its
     * first drawing took 100–200 ms of the first flow's frame). For the window's warm-up, after a layout. The tree's
     * first row is made a column at a time ({@link ColumnsInTurn}), then it shows bigger flows, and the graph a small
     * one before the sample: in the window's first seconds, the tree's first showing took 44–152 ms of the FX thread
     * in one task, the graph's 38–124 ms (2026-12-03).
     */
    @Override
    public List<Runnable> warmUp() {
        LoadedFlow sample = FlowWarmUp.sample();
        List<Runnable> steps = new java.util.ArrayList<>();
        // Once a real flow is open the list's steps stop, and give back at once any column they hid.
        list.warmUp().forEach(step -> steps.add(() -> {
            if (open.flowProperty().get() == null) {
                step.run();
            } else {
                list.showEveryColumn();
            }
        }));
        steps.addAll(treeColumns.steps(() -> tree.show(FlowWarmUp.sample(1)), () -> open.flowProperty().get() == null));
        for (int size : new int[] {20, 40, FlowWarmUp.EVENTS}) {
            LoadedFlow part = size == FlowWarmUp.EVENTS ? sample : FlowWarmUp.sample(size);
            steps.add(unlessAFlowIsOpen(() -> {
                tree.show(part);
                tree.layout();
            }));
        }
        LoadedFlow small = FlowWarmUp.sample(3);
        steps.addAll(List.of(
                unlessAFlowIsOpen(() -> {
                    graph.show(small);
                    graph.layout();
                }),
                unlessAFlowIsOpen(() -> {
                    graph.show(sample);
                    graph.layout();
                }),
                unlessAFlowIsOpen(graph::drawNow)));
        return steps;
    }

    /** A step of the warm-up, skipped once a real flow is open (the warm-up's flow would replace it). */
    private Runnable unlessAFlowIsOpen(Runnable step) {
        return () -> {
            if (open.flowProperty().get() == null) {
                step.run();
            }
        };
    }

    /** Gives the list back to its view model and empties the tree and graph, unless a real flow is shown by now. */
    @Override
    public void endWarmUp() {
        list.endWarmUp();
        treeColumns.showAll();
        if (open.flowProperty().get() == null) {
            tree.show(null);
            graph.show(null);
        }
    }

    /** Laid out with the empty list and tree it gets back, it would drop the rows and cells its warm-up made. */
    @Override
    public boolean leavesWithItsWarmUp() {
        return true;
    }

    private void observe(Subscription subscription) {
        subscriptions = subscriptions.and(subscription);
    }

    /** Removes the listeners this view put on its long-lived view models and stops the graph's viewer. */
    public void dispose() {
        subscriptions.unsubscribe();
        list.dispose();
        graph.dispose();
        detail.dispose();
        filter.textProperty().unbindBidirectional(flows.filterTextProperty());
        anomalies.selectedProperty().unbindBidirectional(flows.withAnomaliesProperty());
        failures.selectedProperty().unbindBidirectional(flows.withFailuresProperty());
        shapeToggle.selectedProperty().unbindBidirectional(shapes.shownProperty());
        shape.dispose();
    }

    ShapeView shape() {
        return shape;
    }
}
