package eventlens.app.flows;

import eventlens.model.flow.CausalGraph;
import eventlens.model.flow.FlowNode;
import java.time.Duration;
import java.time.Instant;
import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.SkinBase;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Draws {@link FlowTimeline} on a canvas the size of the viewport: only what is visible is drawn, and the
 * rest is reached with the scroll bars. The control's own sizes are small constants: what it draws (a
 * canvas sized to the control, scroll bars along its edges) must never feed back into its preferred or
 * minimum size, or every layout pass would grow it by a scroll bar's width (issue 9).
 */
final class FlowTimelineSkin extends SkinBase<FlowTimeline> {
    static final double LANE_LABELS = 130;
    static final double AXIS = 26;
    static final double LANE = 32;
    static final double BAR = 12;
    static final double MIN_BAR = 6;
    static final double PREF_WIDTH = 400;
    static final double PREF_HEIGHT = 160;
    static final double MIN_WIDTH = 200;
    static final double MIN_HEIGHT = 90;
    /** Room left after the last event when the flow is fitted, for its label. */
    private static final double TAIL = 150;
    private static final double SCROLL_BAR = 14;

    private final Canvas canvas = new Canvas();
    private final ScrollBar horizontal = new ScrollBar();
    private final ScrollBar vertical = new ScrollBar();
    /** The stylesheet's lane colours, resolved (decision 0032). */
    private final PaletteNode palette = new PaletteNode();
    private final Font font = Font.font("SansSerif", 11);
    /** Flows with more events than this have their shapes placed on a worker (decision 0022). */
    static final int ASYNC_FROM = 20_000;

    private FlowTimes times = FlowTimes.NONE;
    private TimelineBuckets buckets;
    private TimelineGeometry wanted;
    private boolean computing;
    private int ticksPainted;
    private int latenciesPainted;
    private boolean paintPending;

    FlowTimelineSkin(FlowTimeline control) {
        super(control);
        vertical.setOrientation(Orientation.VERTICAL);
        canvas.setManaged(false);
        getChildren().addAll(canvas, horizontal, vertical, palette);
        times = timesOf(control.flowProperty().get());
        registerChangeListener(control.flowProperty(), o -> {
            times = timesOf(control.flowProperty().get());
            horizontal.setValue(0);
            vertical.setValue(0);
            control.fit();
            fitIfPending();
            repaint();
        });
        registerChangeListener(control.selectedNodeProperty(), o -> {
            ensureVisible(control.selectedNodeProperty().get());
            repaint();
        });
        registerChangeListener(control.pixelsPerMilliProperty(), o -> {
            fitIfPending();
            layoutScrollBars();
            repaint();
        });
        for (var colour : control.colourProperties()) {
            registerChangeListener(colour, o -> repaint());
        }
        registerChangeListener(palette.paletteProperty(), o -> repaint());
        registerChangeListener(horizontal.valueProperty(), o -> repaint());
        registerChangeListener(vertical.valueProperty(), o -> repaint());
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

    private static FlowTimes timesOf(LoadedFlow flow) {
        return flow == null ? FlowTimes.NONE : flow.times();
    }

    @Override
    protected double computeMinWidth(double height, double top, double right, double bottom, double left) {
        return MIN_WIDTH;
    }

    @Override
    protected double computeMinHeight(double width, double top, double right, double bottom, double left) {
        return MIN_HEIGHT;
    }

    @Override
    protected double computePrefWidth(double height, double top, double right, double bottom, double left) {
        return PREF_WIDTH;
    }

    @Override
    protected double computePrefHeight(double width, double top, double right, double bottom, double left) {
        return PREF_HEIGHT;
    }

    /** Scrolls so that the bar of an event is in view. */
    private void ensureVisible(int node) {
        LoadedFlow flow = getSkinnable().flowProperty().get();
        if (flow == null || node < 0 || node >= times.size()) {
            return;
        }
        FlowNode n = flow.graph().node(node);
        double top = n.lane() * LANE;
        double viewH = Math.max(1, canvas.getHeight() - AXIS);
        if (top < vertical.getValue() || top + LANE > vertical.getValue() + viewH) {
            vertical.setValue(clamp(top - viewH / 2 + LANE / 2, 0, vertical.getMax()));
        }
        if (!Double.isNaN(times.at(node))) {
            double x = times.at(node) * ppm();
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
        horizontal.setValue(clamp(ms * now - (x - LANE_LABELS), 0, horizontal.getMax()));
    }

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        double cw = Math.max(0, Math.floor(w - SCROLL_BAR));
        double ch = Math.max(0, Math.floor(h - SCROLL_BAR));
        boolean resized = canvas.getWidth() != cw || canvas.getHeight() != ch;
        if (resized) {
            canvas.setWidth(cw);
            canvas.setHeight(ch);
        }
        canvas.relocate(x, y);
        horizontal.resizeRelocate(x, y + h - SCROLL_BAR, Math.max(0, w - SCROLL_BAR), SCROLL_BAR);
        vertical.resizeRelocate(x + w - SCROLL_BAR, y, SCROLL_BAR, Math.max(0, h - SCROLL_BAR));
        fitIfPending();
        layoutScrollBars();
        if (resized || paintPending) {
            paint();
        }
    }

    /**
     * Paints once before the next frame, however many changes asked for it: opening a flow sets the flow
     * and then selects its first event, and each used to paint all of a 100,000-event flow at once.
     */
    private void repaint() {
        if (!paintPending) {
            paintPending = true;
            Platform.runLater(() -> {
                if (paintPending) {
                    paint();
                }
            });
        }
    }

    /** Zoom 0 means "fit": once the canvas has a width, the zoom that shows the whole flow is set. */
    private void fitIfPending() {
        FlowTimeline c = getSkinnable();
        if (c.flowProperty().get() != null && c.pixelsPerMilliProperty().get() <= 0
                && canvas.getWidth() > LANE_LABELS + 60) {
            double room = Math.max(60, canvas.getWidth() - LANE_LABELS - TAIL);
            c.pixelsPerMilliProperty().set(room / Math.max(1e-3, times.duration()));
        }
    }

    private void layoutScrollBars() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        LoadedFlow flow = getSkinnable().flowProperty().get();
        double contentW = flow == null ? 0 : times.duration() * ppm() + TAIL;
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

    double ppm() {
        return Math.max(1e-15, getSkinnable().pixelsPerMilliProperty().get());
    }

    FlowTimes times() {
        return times;
    }

    double scrolled() {
        return horizontal.getValue();
    }

    /** The x of a time in canvas pixels. */
    double xOf(CausalGraph g, Instant t) {
        Duration d = Duration.between(g.stats().start(), t);
        return xOfMillis(d.getSeconds() * 1_000.0 + d.getNano() / 1_000_000.0);
    }

    double xOfMillis(double ms) {
        return geometry().xOfMillis(ms);
    }

    private int nodeAt(double x, double y) {
        if (getSkinnable().flowProperty().get() == null || times.size() == 0) {
            return -1;
        }
        TimelineGeometry view = geometry();
        for (int i = 0, n = times.size(); i < n; i++) {
            double at = times.at(i);
            if (Double.isNaN(at)) {
                continue;
            }
            double bx = view.xOfMillis(at);
            double by = view.barTop(times.lane(i));
            if (x >= bx - 2 && x <= bx + view.widthOf(times, i) + 2 && y >= by - 14 && y <= by + BAR + 2) {
                return i;
            }
        }
        return -1;
    }

    /** The zoom, scroll offsets and canvas size a paint would draw with now. */
    TimelineGeometry geometry() {
        return new TimelineGeometry(ppm(), horizontal.getValue(), vertical.getValue(), canvas.getWidth(),
                canvas.getHeight());
    }

    private void paint() {
        paintPending = false;
        GraphicsContext gc = canvas.getGraphicsContext2D();
        TimelineGeometry view = geometry();
        FlowTimeline c = getSkinnable();
        LoadedFlow flow = c.flowProperty().get();
        if (flow != null && times.size() > ASYNC_FROM && view.width() > 0 && view.height() > 0) {
            if (buckets == null || !buckets.isFor(times, view)) {
                // The canvas keeps its last picture until the worker has placed this one's shapes.
                bucketsLater(times, view);
                return;
            }
        } else if (flow != null && times.size() > 0) {
            buckets = TimelineBuckets.of(times, view);
        }
        gc.clearRect(0, 0, view.width(), view.height());
        ticksPainted = 0;
        latenciesPainted = 0;
        if (view.width() <= 0 || view.height() <= 0) {
            return;
        }
        gc.setFont(font);
        gc.setTextBaseline(VPos.CENTER);
        if (flow == null || times.size() == 0) {
            gc.setFill(c.gridColor());
            gc.fillText(flow == null ? "Select a flow to see its timeline." : "No event of this flow has a time.", 16, 20);
            return;
        }
        TimelinePainter painter = new TimelinePainter(buckets, gc, flow,
                new TimelinePainter.Colours(c.textFill(), c.gridColor(), c.accentColor(), background(),
                        palette.paletteProperty().get()),
                c.selectedNodeProperty().get());
        painter.paint();
        ticksPainted = painter.ticks();
        latenciesPainted = painter.latenciesShown();
    }

    /**
     * Works out a big flow's buckets on the control's executor, one request at a time: a request made
     * while one runs waits for it, and only the newest geometry is then worked out.
     */
    private void bucketsLater(FlowTimes forTimes, TimelineGeometry view) {
        wanted = view;
        if (computing) {
            return;
        }
        computing = true;
        getSkinnable().bucketExecutor().execute(() -> {
            TimelineBuckets done = TimelineBuckets.of(forTimes, view);
            Platform.runLater(() -> {
                computing = false;
                if (forTimes == times) {
                    buckets = done;
                }
                if (!view.equals(wanted) || forTimes != times) {
                    repaint();
                } else {
                    paint();
                }
            });
        });
    }

    private Paint background() {
        var bg = getSkinnable().getBackground();
        return bg == null || bg.getFills().isEmpty() ? Color.TRANSPARENT : bg.getFills().get(0).getFill();
    }

    /** Number of axis ticks the last paint drew, for tests. */
    int ticksPainted() {
        return ticksPainted;
    }

    /** Number of connector latencies the last paint printed, for tests. */
    int latenciesPainted() {
        return latenciesPainted;
    }

    /** The canvas, for tests. */
    Canvas canvas() {
        return canvas;
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }

    static void centreText(GraphicsContext gc, String text, double x, double y) {
        gc.setTextAlign(TextAlignment.CENTER);
        gc.fillText(text, x, y);
        gc.setTextAlign(TextAlignment.LEFT);
    }
}
