package eventlens.app.time;

import eventlens.app.base.CssColours;
import eventlens.model.time.Histogram;
import eventlens.model.time.Micros;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.css.CssMetaData;
import javafx.css.SimpleStyleableObjectProperty;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * The bars of a {@link TimeHistogramViewModel}: stacked by series, failures in the danger colour from
 * the bottom of each bar, the brush as a shaded band, the time cursor as a line, compressed gaps as
 * dashed columns. Drag to brush, click to move the time cursor, double-click to clear the brush, wheel
 * to zoom around the pointer, drag with the secondary button (or shift+wheel) to pan. Drawn only when
 * something changed: idle, it does nothing.
 */
final class HistogramCanvas extends Region {
    /** Series colours (Tableau 10 without its red and grey, which mean failures and "(other)" here). */
    static final List<Color> SERIES = List.of(Color.web("#4e79a7"), Color.web("#f28e2b"), Color.web("#59a14f"),
            Color.web("#76b7b2"), Color.web("#edc948"), Color.web("#b07aa1"), Color.web("#9c755f"));
    static final Color OTHER = Color.web("#bab0ac");
    private static final CssMetaData<HistogramCanvas, Paint> FAILURE = CssColours.colour("-el-failure-fill",
            Color.web("#cf222e"), c -> c.failure);
    private static final CssMetaData<HistogramCanvas, Paint> CURSOR = CssColours.colour("-el-cursor-fill",
            Color.web("#0969da"), c -> c.cursor);
    private static final CssMetaData<HistogramCanvas, Paint> GAP = CssColours.colour("-el-gap-fill",
            Color.web("#8c959f"), c -> c.gap);
    private static final List<CssMetaData<? extends Styleable, ?>> CSS;
    /** A press and release closer than this many pixels is a click, not a brush. */
    private static final double CLICK_SLOP = 3;

    static {
        List<CssMetaData<? extends Styleable, ?>> all = new ArrayList<>(Region.getClassCssMetaData());
        all.addAll(List.of(FAILURE, CURSOR, GAP));
        CSS = List.copyOf(all);
    }

    private final StyleableObjectProperty<Paint> failure = new SimpleStyleableObjectProperty<>(FAILURE, this,
            "failureFill", FAILURE.getInitialValue(null));
    private final StyleableObjectProperty<Paint> cursor = new SimpleStyleableObjectProperty<>(CURSOR, this,
            "cursorFill", CURSOR.getInitialValue(null));
    private final StyleableObjectProperty<Paint> gap = new SimpleStyleableObjectProperty<>(GAP, this, "gapFill",
            GAP.getInitialValue(null));
    private final TimeHistogramViewModel model;
    private final Canvas canvas = new Canvas();
    private HistogramColumns columns;
    private double pressX = Double.NaN;
    private double dragX = Double.NaN;
    private MouseButton pressed;
    private Consumer<String> hover = text -> {
    };

    HistogramCanvas(TimeHistogramViewModel model) {
        this.model = model;
        getStyleClass().add("time-histogram-bars");
        getChildren().add(canvas);
        setMinHeight(40);
        setPrefHeight(72);
        for (var p : List.of(failure, cursor, gap)) {
            p.addListener(o -> draw());
        }
        model.histogramProperty().addListener(o -> rebuild());
        model.compressGapsProperty().addListener(o -> rebuild());
        model.brushProperty().addListener(o -> draw());
        model.cursorProperty().addListener(o -> draw());
        setOnMousePressed(this::pressed);
        setOnMouseDragged(this::dragged);
        setOnMouseReleased(this::released);
        setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                model.brushProperty().set(null);
            }
        });
        setOnMouseMoved(e -> hover.accept(describe(e.getX())));
        setOnMouseExited(e -> hover.accept(""));
        setOnScroll(this::scrolled);
    }

    /** Where the text about the bar under the pointer goes ("" when the pointer leaves). */
    void onHover(Consumer<String> action) {
        hover = action;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return CSS;
    }

    /** The columns drawn (for tests); null before the first counts. */
    HistogramColumns columns() {
        return columns;
    }

    private void rebuild() {
        Histogram h = model.histogramProperty().get();
        columns = h == null ? null : new HistogramColumns(h, model.compressGapsProperty().get());
        draw();
    }

    @Override
    protected void layoutChildren() {
        if (canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight()) {
            canvas.setWidth(getWidth());
            canvas.setHeight(getHeight());
            draw();
        }
    }

    private void draw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        Histogram histogram = model.histogramProperty().get();
        if (columns == null || histogram == null || w <= 0 || h <= 0) {
            return;
        }
        double step = w / columns.size();
        double peak = Math.max(1, histogram.peak());
        for (int c = 0; c < columns.size(); c++) {
            double x = c * step;
            if (columns.isGap(c)) {
                g.setStroke(gap.get());
                g.setLineDashes(2, 3);
                g.strokeLine(x + step / 2, 2, x + step / 2, h);
                g.setLineDashes();
                continue;
            }
            int b = columns.bucket(c);
            double y = h;
            for (int s = 0; s < histogram.series().size(); s++) {
                long n = histogram.count(s, b);
                if (n > 0) {
                    double bar = Math.max(1, (h - 2) * n / peak);
                    g.setFill(colourOf(histogram.series(), s));
                    g.fillRect(x, y - bar, Math.max(1, step - (step > 3 ? 1 : 0)), bar);
                    y -= bar;
                }
            }
            long failed = histogram.failures(b);
            if (failed > 0) {
                double bar = Math.max(1, (h - 2) * failed / peak);
                g.setFill(failure.get());
                g.fillRect(x, h - bar, Math.max(1, step - (step > 3 ? 1 : 0)), bar);
            }
        }
        drawBrush(g, w, h);
        Instant at = model.cursorProperty().get();
        double cx = at == null ? Double.NaN : columns.xOf(Micros.of(at), w);
        if (!Double.isNaN(cx)) {
            g.setStroke(cursor.get());
            g.setLineWidth(2);
            g.strokeLine(cx, 0, cx, h);
            g.setLineWidth(1);
        }
    }

    private void drawBrush(GraphicsContext g, double w, double h) {
        double from;
        double to;
        if (pressed == MouseButton.PRIMARY && !Double.isNaN(dragX)) {
            from = Math.min(pressX, dragX);
            to = Math.max(pressX, dragX);
        } else {
            TimeRange b = model.brushProperty().get();
            if (b == null) {
                return;
            }
            from = edge(b.fromMicros(), w, 0);
            to = edge(b.toMicros(), w, w);
        }
        Color shade = cursor.get() instanceof Color c ? c : Color.DODGERBLUE;
        g.setFill(shade.deriveColor(0, 1, 1, 0.18));
        g.fillRect(from, 0, Math.max(1, to - from), h);
        g.setStroke(shade);
        g.strokeRect(from + 0.5, 0.5, Math.max(1, to - from - 1), h - 1);
    }

    /** The x of a brush edge; {@code outside} when the time is off the shown columns. */
    private double edge(long micros, double w, double outside) {
        double x = columns.xOf(micros, w);
        if (!Double.isNaN(x)) {
            return x;
        }
        return micros < columns.startMicros(0) ? 0 : micros >= columns.endMicros(columns.size() - 1) ? w : outside;
    }

    static Color colourOf(List<String> series, int s) {
        return series.get(s).equals(Histogram.OTHER) ? OTHER : SERIES.get(s % SERIES.size());
    }

    private void pressed(MouseEvent e) {
        pressed = e.getButton();
        pressX = e.getX();
        dragX = Double.NaN;
    }

    private void dragged(MouseEvent e) {
        dragX = e.getX();
        if (pressed == MouseButton.PRIMARY) {
            draw();
        }
    }

    private void released(MouseEvent e) {
        MouseButton button = pressed;
        pressed = null;
        double w = getWidth();
        if (columns == null || w <= 0) {
            return;
        }
        boolean click = Double.isNaN(dragX) || Math.abs(e.getX() - pressX) < CLICK_SLOP;
        if (button == MouseButton.PRIMARY && click && e.getClickCount() < 2) {
            model.moveCursor(columns.timeAt(e.getX(), w));
        } else if (button == MouseButton.PRIMARY && !click) {
            int a = columns.columnAt(Math.min(pressX, e.getX()), w);
            int b = columns.columnAt(Math.max(pressX, e.getX()), w);
            model.brushProperty().set(new TimeRange(columns.startMicros(a), columns.endMicros(b)));
        } else if (button == MouseButton.SECONDARY && !click) {
            TimeRange shown = model.shownProperty().get();
            if (shown != null) {
                model.pan(-Math.round((e.getX() - pressX) / w * shown.length()));
            }
        }
        dragX = Double.NaN;
        draw();
    }

    private void scrolled(ScrollEvent e) {
        TimeRange shown = model.shownProperty().get();
        double w = getWidth();
        if (columns == null || shown == null || w <= 0) {
            return;
        }
        double delta = e.isShiftDown() ? (e.getDeltaX() != 0 ? e.getDeltaX() : e.getDeltaY()) : e.getDeltaY();
        if (delta == 0) {
            return;
        }
        if (e.isShiftDown()) {
            model.pan(-Math.round(Math.signum(delta) * shown.length() / 10.0));
        } else {
            model.zoom(delta > 0 ? 0.8 : 1.25, columns.timeAt(e.getX(), w));
        }
        e.consume();
    }

    private String describe(double x) {
        Histogram h = model.histogramProperty().get();
        double w = getWidth();
        if (columns == null || h == null || w <= 0) {
            return "";
        }
        int c = columns.columnAt(x, w);
        String when = TimeRange.FORMAT.format(Micros.instant(columns.startMicros(c))) + " – "
                + TimeRange.FORMAT.format(Micros.instant(columns.endMicros(c)));
        if (columns.isGap(c)) {
            return when + ": no events";
        }
        int b = columns.bucket(c);
        StringBuilder text = new StringBuilder(when).append(": ").append(String.format("%,d", h.total(b))).append(" events");
        String sep = " (";
        for (int s = 0; s < h.series().size(); s++) {
            if (h.count(s, b) > 0) {
                text.append(sep).append(h.series().get(s)).append(' ').append(String.format("%,d", h.count(s, b)));
                sep = ", ";
            }
        }
        if (!sep.equals(" (")) {
            text.append(')');
        }
        if (h.failures(b) > 0) {
            text.append(", ").append(String.format("%,d", h.failures(b))).append(" failed");
        }
        return text.toString();
    }
}
