package eventlens.app.flows;

import eventlens.model.flow.CausalGraph;
import eventlens.model.flow.FlowNode;
import eventlens.model.flow.FlowText;
import java.time.Instant;
import javafx.geometry.Orientation;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.SkinBase;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/** Draws {@link FlowTimeline} on a canvas the size of the viewport: only what is visible is drawn. */
final class FlowTimelineSkin extends SkinBase<FlowTimeline> {
    static final double LANE_LABELS = 130;
    static final double AXIS = 26;
    static final double LANE = 32;
    static final double BAR = 12;
    static final double MIN_BAR = 6;
    private static final double[] STEPS_MS = {0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50,
            100, 200, 500, 1_000, 2_000, 5_000, 10_000, 30_000, 60_000, 120_000, 300_000, 600_000, 1_800_000, 3_600_000};

    private final Canvas canvas = new Canvas();
    private final ScrollBar horizontal = new ScrollBar();
    private final ScrollBar vertical = new ScrollBar();
    private final Font font = Font.font("SansSerif", 11);

    FlowTimelineSkin(FlowTimeline control) {
        super(control);
        vertical.setOrientation(Orientation.VERTICAL);
        getChildren().addAll(canvas, horizontal, vertical);
        registerChangeListener(control.flowProperty(), o -> {
            horizontal.setValue(0);
            vertical.setValue(0);
            control.fit();
            control.requestLayout();
            paint();
        });
        registerChangeListener(control.selectedNodeProperty(), o -> {
            ensureVisible(control.selectedNodeProperty().get());
            paint();
        });
        registerChangeListener(control.pixelsPerMilliProperty(), o -> {
            control.requestLayout();
            paint();
        });
        for (var colour : control.colourProperties()) {
            registerChangeListener(colour, o -> paint());
        }
        registerChangeListener(horizontal.valueProperty(), o -> paint());
        registerChangeListener(vertical.valueProperty(), o -> paint());
        canvas.setOnMouseClicked(e -> {
            int hit = nodeAt(e.getX(), e.getY());
            if (hit >= 0) {
                control.selectedNodeProperty().set(hit);
            }
        });
        canvas.setOnScroll(e -> {
            if (e.isControlDown() || e.isShortcutDown()) {
                zoomAround(e.getX(), e.getDeltaY() > 0 ? 1.25 : 0.8);
            } else if (e.isShiftDown() || Math.abs(e.getDeltaX()) > Math.abs(e.getDeltaY()) || vertical.getMax() <= 0) {
                double d = e.isShiftDown() ? e.getDeltaY() : (e.getDeltaX() != 0 ? e.getDeltaX() : e.getDeltaY());
                horizontal.setValue(clamp(horizontal.getValue() - d, 0, horizontal.getMax()));
            } else {
                vertical.setValue(clamp(vertical.getValue() - e.getDeltaY(), 0, vertical.getMax()));
            }
            e.consume();
        });
    }

    /** Scrolls so that the bar of an event is in view. */
    private void ensureVisible(int node) {
        LoadedFlow flow = getSkinnable().flowProperty().get();
        if (flow == null || node < 0 || node >= flow.graph().size() || flow.graph().stats().start() == null) {
            return;
        }
        FlowNode n = flow.graph().node(node);
        double top = n.lane() * LANE;
        double viewH = Math.max(1, canvas.getHeight() - AXIS);
        if (top < vertical.getValue() || top + LANE > vertical.getValue() + viewH) {
            vertical.setValue(clamp(top - viewH / 2 + LANE / 2, 0, vertical.getMax()));
        }
        if (n.event().time() != null) {
            double x = micros(flow.graph().stats().start(), n.event().time()) / 1_000.0 * ppm();
            double viewW = Math.max(1, canvas.getWidth() - LANE_LABELS);
            if (x < horizontal.getValue() || x > horizontal.getValue() + viewW - 40) {
                horizontal.setValue(clamp(x - viewW / 3, 0, horizontal.getMax()));
            }
        }
    }

    private void zoomAround(double x, double factor) {
        FlowTimeline c = getSkinnable();
        double ppm = c.pixelsPerMilliProperty().get();
        if (ppm <= 0) {
            return;
        }
        double ms = (x - LANE_LABELS + horizontal.getValue()) / ppm;
        c.zoom(factor);
        double now = c.pixelsPerMilliProperty().get();
        layoutScrollBars(canvas.getWidth(), canvas.getHeight());
        horizontal.setValue(clamp(ms * now - (x - LANE_LABELS), 0, horizontal.getMax()));
    }

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        double bar = 14;
        canvas.setWidth(Math.max(0, w - bar));
        canvas.setHeight(Math.max(0, h - bar));
        canvas.relocate(x, y);
        horizontal.resizeRelocate(x, y + h - bar, w - bar, bar);
        vertical.resizeRelocate(x + w - bar, y, bar, h - bar);
        FlowTimeline c = getSkinnable();
        LoadedFlow flow = c.flowProperty().get();
        if (flow != null && c.pixelsPerMilliProperty().get() <= 0 && canvas.getWidth() > LANE_LABELS + 60) {
            double ms = Math.max(1e-3, durationMicros(flow.graph()) / 1_000.0);
            c.pixelsPerMilliProperty().set((canvas.getWidth() - LANE_LABELS - 150) / ms);
        }
        layoutScrollBars(canvas.getWidth(), canvas.getHeight());
        paint();
    }

    private void layoutScrollBars(double w, double h) {
        LoadedFlow flow = getSkinnable().flowProperty().get();
        double contentW = flow == null ? 0 : durationMicros(flow.graph()) / 1_000.0 * ppm() + 150;
        double viewW = Math.max(1, w - LANE_LABELS);
        horizontal.setMax(Math.max(0, contentW - viewW));
        horizontal.setVisibleAmount(viewW);
        horizontal.setBlockIncrement(viewW * 0.8);
        horizontal.setUnitIncrement(40);
        double contentH = flow == null ? 0 : flow.graph().lanes().size() * LANE;
        double viewH = Math.max(1, h - AXIS);
        vertical.setMax(Math.max(0, contentH - viewH));
        vertical.setVisibleAmount(viewH);
        vertical.setUnitIncrement(LANE);
    }

    private double ppm() {
        return Math.max(1e-9, getSkinnable().pixelsPerMilliProperty().get());
    }

    private static long durationMicros(CausalGraph g) {
        var s = g.stats();
        return s.start() == null || s.end() == null ? 0 : micros(s.start(), s.end());
    }

    private static long micros(Instant from, Instant to) {
        return java.time.Duration.between(from, to).toNanos() / 1_000;
    }

    double xOf(CausalGraph g, Instant t) {
        return LANE_LABELS + micros(g.stats().start(), t) / 1_000.0 * ppm() - horizontal.getValue();
    }

    /** Top of the bars of a lane. */
    double barTop(int lane) {
        return yOf(lane) + LANE - BAR - 5;
    }

    double yOf(int lane) {
        return AXIS + lane * LANE - vertical.getValue();
    }

    /** Bar width: the latency to the event's first effect, or a minimum. */
    double widthOf(CausalGraph g, FlowNode n) {
        long first = Long.MAX_VALUE;
        for (int child : n.children()) {
            Long l = g.node(child).latencyMicros();
            if (l != null && l >= 0) {
                first = Math.min(first, l);
            }
        }
        return first == Long.MAX_VALUE ? MIN_BAR : Math.max(MIN_BAR, first / 1_000.0 * ppm());
    }

    private int nodeAt(double x, double y) {
        LoadedFlow flow = getSkinnable().flowProperty().get();
        if (flow == null || flow.graph().stats().start() == null) {
            return -1;
        }
        CausalGraph g = flow.graph();
        for (FlowNode n : g.nodes()) {
            if (n.event().time() == null) {
                continue;
            }
            double bx = xOf(g, n.event().time());
            double by = barTop(n.lane());
            if (x >= bx - 2 && x <= bx + widthOf(g, n) + 2 && y >= by - 14 && y <= by + BAR + 2) {
                return n.index();
            }
        }
        return -1;
    }

    private void paint() {
        GraphicsContext gc = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        gc.clearRect(0, 0, w, h);
        FlowTimeline c = getSkinnable();
        LoadedFlow flow = c.flowProperty().get();
        gc.setFont(font);
        gc.setTextBaseline(VPos.CENTER);
        if (flow == null || flow.graph().stats().start() == null) {
            gc.setFill(c.gridColor());
            gc.fillText(flow == null ? "Select a flow to see its timeline." : "No event of this flow has a time.", 16, 20);
            return;
        }
        new TimelinePainter(this, gc, flow, w, h, c.textFill(), c.gridColor(), c.accentColor(),
                c.selectedNodeProperty().get()).paint(ppm(), horizontal.getValue());
    }

    /** Tick spacing of the axis: the smallest step at least 90 pixels wide. */
    static double tickMillis(double ppm) {
        for (double step : STEPS_MS) {
            if (step * ppm >= 90) {
                return step;
            }
        }
        return STEPS_MS[STEPS_MS.length - 1];
    }

    static String tickLabel(double ms) {
        return ms == 0 ? "0" : "+" + FlowText.duration(Math.round(ms * 1_000));
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }

    static void centreText(GraphicsContext gc, String text, double x, double y) {
        gc.setTextAlign(TextAlignment.CENTER);
        gc.fillText(text, x, y);
        gc.setTextAlign(TextAlignment.LEFT);
    }

    static Color failedFill() {
        return Color.web(LanePalette.FAILED_FILL);
    }
}
