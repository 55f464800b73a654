package eventlens.app.deadletters;

import eventlens.app.base.CssColours;
import java.util.ArrayList;
import java.util.List;
import javafx.css.CssMetaData;
import javafx.css.SimpleStyleableObjectProperty;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * A small bar sparkline of counts (failures per time bucket), redrawn when resized. Its colours come from
 * the stylesheet ({@code -el-bar-fill}, {@code -el-base-fill} on {@code .dlq-sparkline}), so the dark theme
 * redefines them with the rest.
 */
final class Sparkline extends Region {
    private static final CssMetaData<Sparkline, Paint> BAR_FILL = CssColours.colour("-el-bar-fill", Color.web("#cf222e"),
            s -> s.bar);
    private static final CssMetaData<Sparkline, Paint> BASE_FILL = CssColours.colour("-el-base-fill", Color.web("#8c959f", 0.5),
            s -> s.base);
    private static final List<CssMetaData<? extends Styleable, ?>> CSS;

    static {
        List<CssMetaData<? extends Styleable, ?>> all = new ArrayList<>(Region.getClassCssMetaData());
        all.add(BAR_FILL);
        all.add(BASE_FILL);
        CSS = List.copyOf(all);
    }

    private final StyleableObjectProperty<Paint> bar = new SimpleStyleableObjectProperty<>(BAR_FILL, this, "barFill",
            BAR_FILL.getInitialValue(null));
    private final StyleableObjectProperty<Paint> base = new SimpleStyleableObjectProperty<>(BASE_FILL, this, "baseFill",
            BASE_FILL.getInitialValue(null));
    private final Canvas canvas = new Canvas();
    private int[] values = new int[0];

    Sparkline() {
        getStyleClass().add(DeadLetterStyles.SPARKLINE);
        getChildren().add(canvas);
        setPrefSize(120, 18);
        setMinSize(40, 12);
        bar.addListener(o -> draw());
        base.addListener(o -> draw());
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return CSS;
    }

    /** The bars' colour as styled (for tests). */
    Paint barFill() {
        return bar.get();
    }

    void setValues(int[] newValues) {
        values = newValues == null ? new int[0] : newValues.clone();
        draw();
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private void draw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        if (values.length == 0 || w <= 0 || h <= 0) {
            return;
        }
        int max = 1;
        for (int v : values) {
            max = Math.max(max, v);
        }
        double step = w / values.length;
        g.setFill(base.get());
        g.fillRect(0, h - 1, w, 1);
        g.setFill(bar.get());
        for (int i = 0; i < values.length; i++) {
            if (values[i] > 0) {
                double bar = Math.max(2, (h - 2) * values[i] / max);
                g.fillRect(i * step + 0.5, h - 1 - bar, Math.max(1, step - 1), bar);
            }
        }
    }
}
