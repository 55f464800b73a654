package eventlens.app.flows;

import static eventlens.app.flows.FlowTimelineSkin.AXIS;
import static eventlens.app.flows.FlowTimelineSkin.BAR;
import static eventlens.app.flows.FlowTimelineSkin.LANE;
import static eventlens.app.flows.FlowTimelineSkin.LANE_LABELS;

import eventlens.model.flow.CausalGraph;
import eventlens.model.flow.FlowNode;
import eventlens.model.flow.FlowText;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * One paint of the timeline: lanes, axis, connectors, bars and labels, skipping everything off-screen.
 * The work is bounded by the visible area, not by the flow: at most one bar per lane, pixel column and
 * kind, one connector per pixel span, and the axis ticks {@link TimeAxis} allows for the width.
 */
final class TimelinePainter {
    private final FlowTimelineSkin skin;
    private final GraphicsContext gc;
    private final LoadedFlow flow;
    private final CausalGraph g;
    private final FlowTimes times;
    private final double w;
    private final double h;
    private final Paint text;
    private final Paint grid;
    private final Paint accent;
    private final int selected;
    private final Text measure = new Text();
    private final Map<String, Double> widths = new HashMap<>();
    private int ticks;

    TimelinePainter(FlowTimelineSkin skin, GraphicsContext gc, LoadedFlow flow, double w, double h, Paint text,
                    Paint grid, Paint accent, int selected) {
        this.skin = skin;
        this.gc = gc;
        this.flow = flow;
        this.g = flow.graph();
        this.times = skin.times();
        this.w = w;
        this.h = h;
        this.text = text;
        this.grid = grid;
        this.accent = accent;
        this.selected = selected;
        measure.setFont(Font.font("SansSerif", 11));
    }

    private CrowdPainter crowd() {
        return new CrowdPainter(skin, gc, times, w, grid);
    }

    void paint(double ppm, double scrolled) {
        List<String> lanes = g.lanes();
        gc.setLineWidth(1);
        gc.setStroke(grid);
        for (int lane = firstVisibleLane(); lane < lanes.size(); lane++) {
            double y = skin.yOf(lane);
            if (y > h) {
                break;
            }
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

    /** Number of ticks the last paint drew on the axis, for tests. */
    int ticks() {
        return ticks;
    }

    private int firstVisibleLane() {
        return Math.max(0, (int) Math.floor((AXIS - skin.yOf(0)) / LANE) - 1);
    }

    private void axis(double ppm, double scrolled) {
        double step = TimeAxis.step(ppm);
        double[] at = TimeAxis.ticks(ppm, scrolled, w - LANE_LABELS);
        ticks = at.length;
        gc.setFill(text);
        gc.setStroke(grid);
        for (double ms : at) {
            double x = LANE_LABELS + ms * ppm - scrolled;
            gc.strokeLine(x + 0.5, AXIS - 6, x + 0.5, h);
            FlowTimelineSkin.centreText(gc, TimeAxis.label(ms, step), x, AXIS / 2 - 2);
        }
        gc.strokeLine(LANE_LABELS, AXIS - 0.5, w, AXIS - 0.5);
    }

    private void laneLabels(List<String> lanes) {
        gc.setFill(skinBackground());
        gc.fillRect(0, AXIS, LANE_LABELS - 4, h - AXIS);
        for (int lane = firstVisibleLane(); lane < lanes.size(); lane++) {
            double y = skin.yOf(lane);
            if (y > h) {
                break;
            }
            if (y + LANE < AXIS) {
                continue;
            }
            gc.setFill(LanePalette.stroke(lane));
            gc.fillRoundRect(8, y + LANE / 2 - 5, 10, 10, 3, 3);
            gc.setFill(text);
            gc.fillText(ellipsis(lanes.get(lane), LANE_LABELS - 34), 24, y + LANE / 2);
        }
    }

    private Paint skinBackground() {
        var bg = skin.getSkinnable().getBackground();
        return bg == null || bg.getFills().isEmpty() ? Color.TRANSPARENT : bg.getFills().get(0).getFill();
    }

    private boolean visible(double x0, double x1) {
        return x1 >= LANE_LABELS && x0 <= w;
    }

    private boolean laneVisible(int lane) {
        double y = skin.yOf(lane);
        return y + LANE >= AXIS && y <= h;
    }

    /** True when the vertical span between two lanes crosses the drawing area. */
    private boolean spanVisible(int laneA, int laneB) {
        double top = skin.yOf(Math.min(laneA, laneB));
        double bottom = skin.yOf(Math.max(laneA, laneB)) + LANE;
        return bottom >= AXIS && top <= h;
    }

    /**
     * A connector runs down from the cause's bar at its pixel column, then along the effect's lane to the
     * effect. All connectors from one column between the same two lanes share the vertical part, so only
     * the one reaching farthest is drawn (and labelled with its latency).
     */
    /** Above this many connector buckets, their union is drawn instead of each. */
    static final int EXACT_CONNECTORS = 600;

    private void connectors() {
        gc.setLineWidth(1);
        PixelKeys buckets = new PixelKeys();
        for (int i = 0, n = times.size(); i < n; i++) {
            int cause = times.cause(i);
            double at = times.at(i);
            if (cause < 0 || Double.isNaN(at)) {
                continue;
            }
            double causeAt = times.at(cause);
            int causeLane = times.lane(cause);
            int lane = times.lane(i);
            if (Double.isNaN(causeAt) || !spanVisible(causeLane, lane)) {
                continue;
            }
            double x0 = skin.xOfMillis(causeAt);
            double x1 = skin.xOfMillis(at);
            if (!visible(Math.min(x0, x1), Math.max(x0, x1))) {
                continue;
            }
            long key = (((long) (causeLane & 0xFFFF) * 65_536 + (lane & 0xFFFF)) * 8192 + clampPx(x0)) * 2
                    + (times.skew(i) ? 1 : 0);
            buckets.offer(key, Math.abs(x1 - x0), i);
        }
        if (buckets.size() <= EXACT_CONNECTORS) {
            for (long key : buckets.sortedKeys()) {
                connector(buckets.node(key), (key & 1) == 1);
            }
        } else {
            crowd().connectors(buckets).stream().limit(EXACT_CONNECTORS).forEach(i -> connector(i, true));
        }
        gc.setLineDashes(null);
    }


    private void connector(int i, boolean skew) {
        int causeLane = times.lane(times.cause(i));
        int lane = times.lane(i);
        double x0 = skin.xOfMillis(times.at(times.cause(i)));
        double x1 = skin.xOfMillis(times.at(i));
        double y0 = skin.barTop(causeLane) + BAR / 2;
        double y1 = skin.barTop(lane) + BAR / 2;
        gc.setStroke(skew ? Color.web(LanePalette.FAILED_STROKE) : grid);
        gc.setLineDashes(skew ? new double[] {4, 3} : null);
        gc.strokeLine(x0 + 1.5, y0 + (y1 > y0 ? BAR / 2 : -BAR / 2), x0 + 1.5, y1);
        gc.strokeLine(x0 + 1.5, y1, x1, y1);
        double span = Math.abs(x1 - x0);
        if (span > 40 && lane != causeLane) {
            String label = FlowText.latency(g.node(i).latencyMicros());
            if (span > width(label) + 10) {
                gc.setFill(skew ? Color.web(LanePalette.FAILED_STROKE) : text);
                FlowTimelineSkin.centreText(gc, label, (x0 + x1) / 2, y1 - 9);
            }
        }
    }

    /** A pixel column as 0..8191 so that it packs into a key; off-screen columns share the edge values. */
    private static int clampPx(double x) {
        return (int) Math.max(0, Math.min(8191, Math.floor(x) + 1));
    }

    /**
     * Bars starting in the same pixel column of a lane with the same look overlap: only the widest is drawn.
     * Drawn lane by lane from the left (so labels are placed left to right), the selected bar last.
     */
    private void bars() {
        double[] labelEnd = new double[g.lanes().size()];
        Arrays.fill(labelEnd, Double.NEGATIVE_INFINITY);
        PixelKeys buckets = new PixelKeys();
        for (int i = 0, n = times.size(); i < n; i++) {
            double at = times.at(i);
            int lane = times.lane(i);
            if (Double.isNaN(at) || !laneVisible(lane)) {
                continue;
            }
            double x = skin.xOfMillis(at);
            double bw = skin.widthOf(i);
            if (!visible(x, x + bw + 200)) {
                continue;
            }
            int look = i == selected ? 3 : times.replay(i) ? 2 : times.failed(i) ? 1 : 0;
            buckets.offer(((long) (lane & 0xFFFFF) * 16384 + clampPx(x)) * 4 + look, bw, i);
        }
        if (buckets.size() <= EXACT_CONNECTORS) {
            for (long key : buckets.sortedKeys()) {
                if (key % 4 != 3) {
                    int i = buckets.node(key);
                    bar(g.node(i), skin.xOfMillis(times.at(i)), buckets.extent(key), times.replay(i), times.failed(i),
                            labelEnd);
                }
            }
        } else {
            crowd().bars(buckets);
        }
        if (selected >= 0 && selected < times.size() && !Double.isNaN(times.at(selected)) && laneVisible(times.lane(selected))) {
            bar(g.node(selected), skin.xOfMillis(times.at(selected)), skin.widthOf(selected), times.replay(selected),
                    times.failed(selected), labelEnd);
        }
    }


    private void bar(FlowNode n, double x, double bw, boolean replay, boolean failed, double[] labelEnd) {
        double y = skin.barTop(n.lane());
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
        boolean roomInside = x + bw - Math.max(x, LANE_LABELS) > 20;
        boolean roomAbove = x > labelEnd[n.lane()] + 6 && x >= LANE_LABELS - 2;
        if (!roomInside && !roomAbove) {
            return;
        }
        String label = (replay ? LanePalette.REPLAY_MARK : "") + FlowMarkers.symbol(n) + n.type();
        double inside = Math.max(x, LANE_LABELS) + 6;
        if (roomInside && x + bw - inside > width(label) + 6) {
            // A long bar (a slow hop) carries its own label, so it is never crowded out.
            gc.setFill(failed ? Color.web(LanePalette.FAILED_TEXT) : Color.web(LanePalette.TEXT));
            gc.fillText(label, inside, y + BAR / 2);
        } else if (roomAbove) {
            gc.setFill(failed ? Color.web(LanePalette.FAILED_STROKE) : text);
            gc.fillText(label, x, y - 7);
            labelEnd[n.lane()] = x + width(label);
        }
    }

    private double width(String s) {
        return widths.computeIfAbsent(s, key -> {
            measure.setText(key);
            return measure.getLayoutBounds().getWidth();
        });
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
