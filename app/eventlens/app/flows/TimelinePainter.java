package eventlens.app.flows;

import static eventlens.app.flows.FlowTimelineSkin.AXIS;
import static eventlens.app.flows.FlowTimelineSkin.BAR;
import static eventlens.app.flows.FlowTimelineSkin.LANE;
import static eventlens.app.flows.FlowTimelineSkin.LANE_LABELS;

import eventlens.model.flow.CausalGraph;
import eventlens.model.flow.FlowNode;
import eventlens.model.flow.FlowText;
import java.util.Arrays;
import java.util.List;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/** One paint of the timeline: lanes, axis, connectors, bars and labels, skipping everything off-screen. */
final class TimelinePainter {
    private final FlowTimelineSkin skin;
    private final GraphicsContext gc;
    private final LoadedFlow flow;
    private final CausalGraph g;
    private final double w;
    private final double h;
    private final Paint text;
    private final Paint grid;
    private final Paint accent;
    private final int selected;
    private final Text measure = new Text();

    TimelinePainter(FlowTimelineSkin skin, GraphicsContext gc, LoadedFlow flow, double w, double h, Paint text,
                    Paint grid, Paint accent, int selected) {
        this.skin = skin;
        this.gc = gc;
        this.flow = flow;
        this.g = flow.graph();
        this.w = w;
        this.h = h;
        this.text = text;
        this.grid = grid;
        this.accent = accent;
        this.selected = selected;
        measure.setFont(Font.font("SansSerif", 11));
    }

    void paint(double ppm, double scrolled) {
        List<String> lanes = g.lanes();
        gc.setLineWidth(1);
        for (int lane = 0; lane < lanes.size(); lane++) {
            double y = skin.yOf(lane);
            if (y + LANE < AXIS || y > h) {
                continue;
            }
            gc.setStroke(grid);
            gc.strokeLine(0, y + LANE - 0.5, w, y + LANE - 0.5);
        }
        axis(ppm, scrolled);
        gc.save();
        gc.beginPath();
        gc.rect(LANE_LABELS, AXIS, w - LANE_LABELS, h - AXIS);
        gc.clip();
        connectors();
        bars();
        gc.restore();
        laneLabels(lanes);
    }

    private void axis(double ppm, double scrolled) {
        double step = FlowTimelineSkin.tickMillis(ppm);
        double firstMs = Math.floor(scrolled / ppm / step) * step;
        gc.setFill(text);
        gc.setStroke(grid);
        for (double ms = firstMs; ; ms += step) {
            double x = LANE_LABELS + ms * ppm - scrolled;
            if (x > w) {
                break;
            }
            if (x < LANE_LABELS) {
                continue;
            }
            gc.strokeLine(x + 0.5, AXIS - 6, x + 0.5, h);
            FlowTimelineSkin.centreText(gc, FlowTimelineSkin.tickLabel(ms), x, AXIS / 2 - 2);
        }
        gc.strokeLine(LANE_LABELS, AXIS - 0.5, w, AXIS - 0.5);
    }

    private void laneLabels(List<String> lanes) {
        gc.setFill(skinBackground());
        gc.fillRect(0, AXIS, LANE_LABELS - 4, h - AXIS);
        for (int lane = 0; lane < lanes.size(); lane++) {
            double y = skin.yOf(lane);
            if (y + LANE < AXIS || y > h) {
                continue;
            }
            gc.setFill(LanePalette.stroke(lane));
            gc.fillRoundRect(8, y + LANE / 2 - 5, 10, 10, 3, 3);
            gc.setFill(text);
            gc.fillText(ellipsis(lanes.get(lane), LANE_LABELS - 34), 24, y + LANE / 2);
        }
    }

    private Paint skinBackground() {
        Paint bg = skin.getSkinnable().getBackground() == null || skin.getSkinnable().getBackground().getFills().isEmpty()
                ? Color.TRANSPARENT : skin.getSkinnable().getBackground().getFills().get(0).getFill();
        return bg;
    }

    private boolean visible(double x0, double x1) {
        return x1 >= LANE_LABELS && x0 <= w;
    }

    private double barTop(int lane) {
        return skin.barTop(lane);
    }

    private void connectors() {
        gc.setLineWidth(1);
        for (FlowNode n : g.nodes()) {
            if (n.isRoot() || n.event().time() == null) {
                continue;
            }
            FlowNode cause = g.node(n.parent());
            if (cause.event().time() == null) {
                continue;
            }
            double x0 = skin.xOf(g, cause.event().time());
            double x1 = skin.xOf(g, n.event().time());
            if (!visible(Math.min(x0, x1), Math.max(x0, x1))) {
                continue;
            }
            double y0 = barTop(cause.lane()) + BAR / 2;
            double y1 = barTop(n.lane()) + BAR / 2;
            boolean skew = n.latencyMicros() != null && n.latencyMicros() < 0;
            gc.setStroke(skew ? Color.web(LanePalette.FAILED_STROKE) : grid);
            gc.setLineDashes(skew ? new double[] {4, 3} : null);
            gc.strokeLine(x0 + 1.5, y0 + (y1 > y0 ? BAR / 2 : -BAR / 2), x0 + 1.5, y1);
            gc.strokeLine(x0 + 1.5, y1, x1, y1);
            String label = FlowText.latency(n.latencyMicros());
            double span = Math.abs(x1 - x0);
            if (span > width(label) + 10 && n.lane() != cause.lane()) {
                gc.setFill(skew ? Color.web(LanePalette.FAILED_STROKE) : text);
                FlowTimelineSkin.centreText(gc, label, (x0 + x1) / 2, y1 - 9);
            }
        }
        gc.setLineDashes(null);
    }

    private void bars() {
        double[] labelEnd = new double[g.lanes().size()];
        Arrays.fill(labelEnd, Double.NEGATIVE_INFINITY);
        for (FlowNode n : g.nodes()) {
            if (n.event().time() == null) {
                continue;
            }
            double x = skin.xOf(g, n.event().time());
            double bw = skin.widthOf(g, n);
            if (!visible(x, x + bw + 200)) {
                continue;
            }
            double y = barTop(n.lane());
            boolean replay = flow.isReplay(n.index());
            boolean failed = !replay && n.failed();
            gc.setFill(replay ? Color.web(LanePalette.REPLAY_FILL)
                    : failed ? FlowTimelineSkin.failedFill() : LanePalette.fill(n.lane()));
            gc.fillRoundRect(x, y, bw, BAR, 4, 4);
            gc.setStroke(n.index() == selected ? accent : replay ? Color.web(LanePalette.REPLAY_STROKE)
                    : failed ? Color.web(LanePalette.FAILED_STROKE) : LanePalette.stroke(n.lane()));
            gc.setLineWidth(n.index() == selected ? 3 : failed || replay ? 2 : 1);
            gc.setLineDashes(replay ? new double[] {4, 3} : null);
            gc.strokeRoundRect(x, y, bw, BAR, 4, 4);
            gc.setLineDashes(null);
            gc.setLineWidth(1);
            String label = (replay ? LanePalette.REPLAY_MARK : "") + FlowMarkers.symbol(n) + n.type();
            double inside = Math.max(x, LANE_LABELS) + 6;
            if (x + bw - inside > width(label) + 6) {
                // A long bar (a slow hop) carries its own label, so it is never crowded out.
                gc.setFill(failed ? Color.web(LanePalette.FAILED_TEXT) : Color.web(LanePalette.TEXT));
                gc.fillText(label, inside, y + BAR / 2);
            } else if (x > labelEnd[n.lane()] + 6 && x >= LANE_LABELS - 2) {
                gc.setFill(failed ? Color.web(LanePalette.FAILED_STROKE) : text);
                gc.fillText(label, x, y - 7);
                labelEnd[n.lane()] = x + width(label);
            }
        }
    }

    private double width(String s) {
        measure.setText(s);
        return measure.getLayoutBounds().getWidth();
    }

    private String ellipsis(String s, double max) {
        if (width(s) <= max) {
            return s;
        }
        String t = s;
        while (t.length() > 1 && width(t + "…") > max) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "…";
    }
}
