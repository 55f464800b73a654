package eventlens.app.flows;

import eventlens.app.base.Styles;
import eventlens.model.flow.shape.FlowShape;
import eventlens.model.flow.shape.ShapeText;
import javafx.beans.InvalidationListener;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The shape of a root type ({@link ShapeViewModel}), shown in the flows view in place of the flow list: a
 * root-type picker, the merged graph, the variants ranked by share, the flows of the picked variant or edge
 * (a click opens one below), and the open flow's comparison with the typical flow.
 */
final class ShapeView extends BorderPane {
    private final ShapeViewModel model;
    private final ComboBox<String> rootType = new ComboBox<>();
    private final ShapeGraphView graph;
    private final ListView<FlowShape.Variant> variants = new ListView<>();
    private final ListView<String> flows = new ListView<>();
    private final ListView<String> comparison = new ListView<>();
    private final InvalidationListener redraw = obs -> draw();

    ShapeView(ShapeViewModel model) {
        this.model = model;
        setId("shape-view");
        graph = new ShapeGraphView(model::selectEdge);
        rootType.setId("shape-root-type");
        rootType.setItems(model.rootTypes());
        rootType.setPromptText("Root type");
        rootType.setOnAction(e -> model.show(rootType.getValue()));
        Label status = new Label();
        status.getStyleClass().add(Styles.MUTED);
        status.textProperty().bind(model.statusProperty());
        status.setMinWidth(0);
        Button clear = new Button("Clear comparison");
        clear.setId("shape-clear-comparison");
        clear.setOnAction(e -> model.clearComparison());
        clear.visibleProperty().bind(model.comparisonProperty().isNotNull());
        clear.managedProperty().bind(clear.visibleProperty());
        HBox bar = new HBox(8, new Label("Shape of"), rootType, status, clear);
        HBox.setHgrow(status, Priority.ALWAYS);
        bar.getStyleClass().add(Styles.FILTER_BAR);
        setTop(bar);

        variants.setId("shape-variants");
        variants.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(FlowShape.Variant v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : "#" + v.rank() + "  " + ShapeText.percent(v.share()) + "  "
                        + v.path());
                setTooltip(empty || v == null ? null : new javafx.scene.control.Tooltip(v.flows() + " flows: "
                        + String.join("\n→ ", v.steps())));
            }
        });
        variants.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            model.selectVariant(now);
            draw();
        });
        flows.setId("shape-flows");
        flows.setItems(model.selectionFlows());
        flows.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> model.openFlow(now));
        comparison.setId("shape-comparison");
        comparison.setItems(model.comparisonLines());
        Label flowsTitle = new Label();
        flowsTitle.textProperty().bind(model.selectionTitleProperty());
        flowsTitle.setMinWidth(0);
        VBox.setVgrow(variants, Priority.ALWAYS);
        VBox.setVgrow(flows, Priority.ALWAYS);
        VBox side = new VBox(4, new Label("Variants (share of flows)"), variants, flowsTitle, flows, comparison);
        comparison.visibleProperty().bind(model.comparisonProperty().isNotNull());
        comparison.managedProperty().bind(comparison.visibleProperty());
        comparison.setPrefHeight(110);
        for (ListView<?> l : new ListView<?>[] {variants, flows, comparison}) {
            l.setMinSize(0, 40);
            l.setPrefHeight(80);
        }
        side.setMinWidth(200);
        SplitPane split = new SplitPane(graph, side);
        split.setDividerPositions(0.6);
        setCenter(split);
        setMinSize(0, 0);
        model.shapeProperty().addListener(redraw);
        model.comparisonProperty().addListener(redraw);
        draw();
    }

    private void draw() {
        FlowShape shape = model.shapeProperty().get();
        if (shape != null && !shape.variants().equals(variants.getItems())) {
            variants.getItems().setAll(shape.variants());
            rootType.setValue(shape.rootType());
        } else if (shape == null) {
            variants.getItems().clear();
        }
        graph.show(shape, variants.getSelectionModel().getSelectedItem(), model.comparisonProperty().get());
    }

    ShapeGraphView graph() {
        return graph;
    }

    ListView<FlowShape.Variant> variants() {
        return variants;
    }

    /** Removes the listeners this view put on its long-lived view model. */
    void dispose() {
        model.shapeProperty().removeListener(redraw);
        model.comparisonProperty().removeListener(redraw);
        rootType.setItems(null);
        flows.setItems(null);
        comparison.setItems(null);
        comparison.visibleProperty().unbind();
    }
}
