package eventlens.app.deadletters;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/** A small bar sparkline of counts (failures per time bucket), redrawn when resized. */
final class Sparkline extends Region {
    private static final Color BAR = Color.web("#d1495b");
    private static final Color BASE = Color.web("#8c959f", 0.5);
    private final Canvas canvas = new Canvas();
    private int[] values = new int[0];

    Sparkline() {
        getStyleClass().add(DeadLetterStyles.SPARKLINE);
        getChildren().add(canvas);
        setPrefSize(120, 18);
        setMinSize(40, 12);
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
        g.setFill(BASE);
        g.fillRect(0, h - 1, w, 1);
        g.setFill(BAR);
        for (int i = 0; i < values.length; i++) {
            if (values[i] > 0) {
                double bar = Math.max(2, (h - 2) * values[i] / max);
                g.fillRect(i * step + 0.5, h - 1 - bar, Math.max(1, step - 1), bar);
            }
        }
    }
}
