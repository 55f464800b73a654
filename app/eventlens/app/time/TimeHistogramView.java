package eventlens.app.time;

import eventlens.model.time.Histogram;
import eventlens.model.time.StackBy;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.util.StringConverter;

/**
 * A histogram of events over time under a view: its controls (split by type or source, compress idle
 * gaps, zoom to the brush, the whole span, clear the brush), the bars, a legend, and a line that says
 * what range is shown or what bar is under the pointer.
 */
public final class TimeHistogramView extends VBox {
    private final TimeHistogramViewModel model;
    private final HistogramCanvas bars;
    private final HBox legend = new HBox(10);
    private final Label line = new Label();
    private List<String> legendSeries = List.of();

    /** @param id this node's id, and with "-bars" its bars' (for tests and styles) */
    public TimeHistogramView(TimeHistogramViewModel model, String id) {
        this.model = model;
        getStyleClass().add("time-histogram");
        setId(id);
        bars = new HistogramCanvas(model);
        bars.setId(id + "-bars");

        ChoiceBox<StackBy> stack = new ChoiceBox<>();
        stack.getItems().setAll(StackBy.values());
        stack.valueProperty().bindBidirectional(model.stackByProperty());
        stack.setConverter(new StringConverter<>() {
            @Override
            public String toString(StackBy by) {
                return by == null ? "" : by == StackBy.TYPE ? "By type" : "By source";
            }

            @Override
            public StackBy fromString(String text) {
                return StackBy.TYPE;
            }
        });
        CheckBox gaps = new CheckBox("Compress idle gaps");
        gaps.selectedProperty().bindBidirectional(model.compressGapsProperty());
        Button zoom = new Button("Zoom to brush");
        zoom.setId("histogram-zoom-to-brush");
        zoom.disableProperty().bind(model.brushProperty().isNull());
        zoom.setOnAction(e -> model.zoomToBrush());
        Button whole = new Button("Whole span");
        whole.setOnAction(e -> model.showWhole());
        Button clear = new Button("Clear brush");
        clear.setId("histogram-clear-brush");
        clear.disableProperty().bind(model.brushProperty().isNull());
        clear.setOnAction(e -> model.brushProperty().set(null));
        Label title = new Label();
        title.textProperty().bind(model.titleProperty());
        title.getStyleClass().add("time-histogram-title");
        Tooltip.install(bars, new Tooltip("Drag to brush a range (the view above shows only what falls in it), click to move the "
                + "time cursor, double-click to clear the brush; wheel to zoom, shift+wheel or right-drag to pan."));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox controls = new HBox(8, title, spacer, stack, gaps, zoom, whole, clear);
        // The buttons keep their labels; the title gives way (a narrow view must never be pushed wider).
        for (javafx.scene.control.Control c : List.of(stack, gaps, zoom, whole, clear)) {
            c.setMinWidth(Region.USE_PREF_SIZE);
        }
        title.setMinWidth(0);
        controls.getStyleClass().add("time-histogram-controls");
        controls.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        legend.setMinWidth(0);
        legend.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        line.getStyleClass().add("time-histogram-line");
        line.setMinWidth(0);
        javafx.beans.property.StringProperty hovered = new javafx.beans.property.SimpleStringProperty("");
        bars.onHover(hovered::set);
        line.textProperty().bind(Bindings.when(hovered.isEmpty()).then(model.statusProperty()).otherwise(hovered));
        model.histogramProperty().subscribe(this::showLegend);
        HBox below = new HBox(16, legend, line);
        HBox.setHgrow(legend, Priority.ALWAYS);
        below.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        getChildren().addAll(controls, bars, below);
        setMinHeight(0);
    }

    /** The bars (for tests). */
    HistogramCanvas bars() {
        return bars;
    }

    private void showLegend(Histogram h) {
        List<String> series = h == null ? List.of() : h.series();
        if (series.equals(legendSeries)) {
            return;
        }
        legendSeries = series;
        legend.getChildren().clear();
        for (int s = 0; s < series.size(); s++) {
            Rectangle swatch = new Rectangle(9, 9, HistogramCanvas.colourOf(series, s));
            Label item = new Label(series.get(s), swatch);
            item.getStyleClass().add("time-histogram-legend");
            item.setMinWidth(0);
            legend.getChildren().add(item);
        }
    }
}
