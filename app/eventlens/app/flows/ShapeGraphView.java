package eventlens.app.flows;

import eventlens.model.flow.FlowText;
import eventlens.model.flow.shape.FlowComparison;
import eventlens.model.flow.shape.FlowShape;
import eventlens.model.flow.shape.ShapeLayout;
import eventlens.model.flow.shape.ShapeText;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.QuadCurve;

/**
 * A flow shape drawn as plain JavaFX nodes at the places of {@link ShapeLayout}: a box per step (type and
 * reach), an arrow per edge labelled with its count and p95 (p50 and flows in the tooltip), an edge going
 * up or sideways (a retry, a loop) bent to the side. A click on an edge hands it to {@code onEdge}. The
 * picked variant's edges, and a comparison's missed, extra and slow steps, are marked by style classes.
 * Nothing animates: it is drawn once per change, in a scroll pane sized by the view.
 */
final class ShapeGraphView extends ScrollPane {
    static final String STEP = "shape-step";
    static final String EDGE = "shape-edge";
    static final String EDGE_LABEL = "shape-edge-label";
    static final String IN_VARIANT = "shape-in-variant";
    static final String MISSED = "shape-missed";
    static final String EXTRA = "shape-extra";
    static final String SLOW = "shape-slow";
    static final String TAKEN = "shape-taken";
    private static final double BOX_WIDTH = 180;
    private static final double BOX_HEIGHT = 40;
    private static final double MARGIN = 30;
    private static final double MIN_SCALE = 0.5;

    private final Pane canvas = new Pane();
    private final Consumer<FlowShape.Edge> onEdge;
    private final Map<String, Label> steps = new HashMap<>();

    ShapeGraphView(Consumer<FlowShape.Edge> onEdge) {
        this.onEdge = onEdge;
        setId("shape-graph");
        getStyleClass().add("shape-graph");
        canvas.getStyleClass().add("shape-canvas");
        // The canvas is scaled down to fit the viewport (not below MIN_SCALE); the group around it makes the
        // scroll pane see the scaled size.
        setContent(new Group(canvas));
        viewportBoundsProperty().addListener((obs, old, now) -> fit());
        setPannable(true);
        setMinSize(0, 0);
        setPrefSize(320, 200);
    }

    /** Draws a shape (null: nothing), the variant's edges and the comparison marked when given. */
    void show(FlowShape shape, FlowShape.Variant variant, FlowComparison comparison) {
        canvas.getChildren().clear();
        steps.clear();
        if (shape == null) {
            return;
        }
        ShapeLayout layout = ShapeLayout.of(shape);
        double minX = layout.positions().values().stream().mapToDouble(p -> p[0]).min().orElse(0);
        Set<String> variantEdges = new HashSet<>();
        if (variant != null) {
            variant.links().forEach(l -> variantEdges.add(l.from() + "\u0001" + l.to()));
        }
        Set<String> slow = new HashSet<>();
        Set<String> taken = new HashSet<>();
        if (comparison != null) {
            comparison.slow().forEach(s -> slow.add(s.hop().from() + "\u0001" + s.hop().to()));
            comparison.flow().hops().forEach(h -> taken.add(h.from() + "\u0001" + h.to()));
        }
        Group edges = new Group();
        Group labels = new Group();
        for (FlowShape.Edge e : shape.edges()) {
            double[] a = layout.of(e.from());
            double[] b = layout.of(e.to());
            if (a == null || b == null) {
                continue;
            }
            String key = e.from() + "\u0001" + e.to();
            drawEdge(edges, labels, e, x(a, minX), a[1] + MARGIN, x(b, minX), b[1] + MARGIN,
                    variantEdges.contains(key) ? IN_VARIANT : null, slow.contains(key) ? SLOW
                            : taken.contains(key) ? TAKEN : null);
        }
        canvas.getChildren().addAll(edges);
        for (FlowShape.Step s : shape.steps()) {
            double[] p = layout.of(s.type());
            Label box = new Label(s.type() + "\n" + ShapeText.percent(s.reach()) + " of flows");
            box.getStyleClass().add(STEP);
            box.setTooltip(new Tooltip(s.type() + ": reached by " + s.flows() + " of " + shape.flows() + " flows"));
            box.setPrefSize(BOX_WIDTH, BOX_HEIGHT);
            box.setMaxSize(BOX_WIDTH, BOX_HEIGHT);
            box.resizeRelocate(x(p, minX) - BOX_WIDTH / 2, p[1] + MARGIN - BOX_HEIGHT / 2, BOX_WIDTH, BOX_HEIGHT);
            if (comparison != null) {
                String mark = comparison.missed().stream().anyMatch(m -> m.type().equals(s.type())) ? MISSED
                        : comparison.extra().stream().anyMatch(x -> x.type().equals(s.type())) ? EXTRA
                        : comparison.flow().steps().contains(s.type()) ? TAKEN : null;
                if (mark != null) {
                    box.getStyleClass().add(mark);
                }
            }
            steps.put(s.type(), box);
            canvas.getChildren().add(box);
        }
        canvas.getChildren().add(labels);
        double width = layout.positions().values().stream().mapToDouble(p -> p[0]).max().orElse(0) - minX;
        canvas.setPrefSize(width + BOX_WIDTH + 2 * MARGIN + 60, Math.max(0, layout.layers() - 1) * ShapeLayout.LAYER_GAP
                + BOX_HEIGHT + 2 * MARGIN);
        canvas.autosize();
        fit();
        setHvalue(0.5); // the root is in the middle
        setVvalue(0);
    }

    /** Scales the drawing to the viewport, between MIN_SCALE and 1. */
    private void fit() {
        double w = canvas.prefWidth(-1);
        double h = canvas.prefHeight(-1);
        var viewport = getViewportBounds();
        if (w <= 0 || h <= 0 || viewport.getWidth() <= 0) {
            return;
        }
        double scale = Math.max(MIN_SCALE, Math.min(1, Math.min(viewport.getWidth() / w, viewport.getHeight() / h)));
        canvas.setScaleX(scale);
        canvas.setScaleY(scale);
    }

    private static double x(double[] p, double minX) {
        return p[0] - minX + MARGIN + BOX_WIDTH / 2;
    }

    private void drawEdge(Group edges, Group labels, FlowShape.Edge e, double x1, double y1, double x2, double y2,
            String variantMark, String flowMark) {
        boolean down = y2 > y1;
        double sx = x1;
        double sy = down ? y1 + BOX_HEIGHT / 2 : y1;
        double ex = x2;
        double ey = down ? y2 - BOX_HEIGHT / 2 : y2;
        double cx;
        double cy;
        javafx.scene.shape.Shape line;
        if (down && y2 - y1 <= ShapeLayout.LAYER_GAP + 1) {
            line = new Line(sx, sy, ex, ey);
            cx = (sx + ex) / 2;
            cy = (sy + ey) / 2;
        } else {
            // Up, sideways or skipping layers: bend to the right of both boxes.
            sx = x1 + BOX_WIDTH / 2;
            ex = x2 + BOX_WIDTH / 2;
            double bend = Math.max(sx, ex) + 40 + Math.abs(y2 - y1) / 4;
            line = new QuadCurve(sx, sy, bend, (sy + ey) / 2, ex, ey);
            cx = (sx + ex) / 4 + bend / 2;
            cy = (sy + ey) / 2;
        }
        double angle = Math.atan2(ey - (line instanceof QuadCurve q ? q.getControlY() : sy),
                ex - (line instanceof QuadCurve q2 ? q2.getControlX() : sx));
        Polygon arrow = new Polygon(ex, ey, ex - 9 * Math.cos(angle - 0.4), ey - 9 * Math.sin(angle - 0.4),
                ex - 9 * Math.cos(angle + 0.4), ey - 9 * Math.sin(angle + 0.4));
        line.getStyleClass().add(EDGE);
        arrow.getStyleClass().addAll(EDGE, "shape-arrow");
        for (String mark : new String[] {variantMark, flowMark, e.allInferred() ? "shape-inferred" : null}) {
            if (mark != null) {
                line.getStyleClass().add(mark);
                arrow.getStyleClass().add(mark);
            }
        }
        Label label = new Label(e.hops() + (e.p95Micros() == null ? "" : " · p95 " + FlowText.duration(e.p95Micros())));
        label.getStyleClass().add(EDGE_LABEL);
        if (flowMark != null) {
            label.getStyleClass().add(flowMark);
        }
        label.setTooltip(new Tooltip(e.from() + " → " + e.to() + "\n" + e.hops() + " hops in " + e.flows() + " flows\n"
                + ShapeText.latencies(e) + (e.inferred() > 0 ? "\n" + e.inferred() + " joined by time order" : "")
                + "\nClick to list its flows"));
        label.relocate(cx + 4, cy - 9);
        for (javafx.scene.Node n : new javafx.scene.Node[] {line, arrow, label}) {
            n.setOnMouseClicked(ev -> onEdge.accept(e));
        }
        line.setPickOnBounds(false);
        edges.getChildren().addAll(line, arrow);
        labels.getChildren().add(label);
    }

    /** The drawn box of a step, for tests. */
    Label step(String type) {
        return steps.get(type);
    }
}
