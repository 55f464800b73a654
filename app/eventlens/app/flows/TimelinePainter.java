package eventlens.app.flows;

import static eventlens.app.flows.FlowTimelineSkin.AXIS;
import static eventlens.app.flows.FlowTimelineSkin.BAR;
import static eventlens.app.flows.FlowTimelineSkin.LANE;
import static eventlens.app.flows.FlowTimelineSkin.LANE_LABELS;

import eventlens.model.flow.CausalGraph;
import eventlens.model.flow.FlowNode;
import eventlens.model.flow.FlowText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * One paint of the timeline: lanes, axis, connectors, bars and labels, skipping everything off-screen.
 * The work is bounded by the visible area, not by the flow: at most one bar per lane, pixel column and
 * kind, one connector per pixel span, and the axis ticks {@link TimeAxis} allows for the width.
 */
final class TimelinePainter {
    private final TimelineBuckets buckets;
    private final TimelineGeometry view;
    private final GraphicsContext gc;
    private final CausalGraph g;
    private final FlowTimes times;
    private final double w;
    private final double h;
    private final Paint text;
    private final Paint grid;
    private final Paint accent;
    private final Paint background;
    private final LanePalette palette;
    private final int selected;
    private final Text measure = new Text();
    private final Map<String, Double> widths = new HashMap<>();
    private final LabelSpans barLabels = new LabelSpans();
    private final List<Latency> latencies = new ArrayList<>();
    private int ticks;
    private int latenciesShown;

    TimelinePainter(TimelineBuckets buckets, GraphicsContext gc, LoadedFlow flow, Colours colours, int selected) {
        this.buckets = buckets;
        this.view = buckets.view();
        this.gc = gc;
        this.g = flow.graph();
        this.times = flow.times();
        this.w = view.width();
        this.h = view.height();
        this.text = colours.text();
        this.grid = colours.grid();
        this.accent = colours.accent();
        this.background = colours.background();
        this.palette = colours.lanes();
        this.selected = selected;
        measure.setFont(Font.font("SansSerif", 11));
    }

    /**
     * The colours of a paint: text, grid lines, the selection's accent, the lane labels' background and the
     * stylesheet's lane palette.
     */
    record Colours(Paint text, Paint grid, Paint accent, Paint background, LanePalette lanes) {
    }

    private CrowdPainter crowd() {
        return new CrowdPainter(view, gc, times, grid, palette);
    }

    void paint() {
        double ppm = view.ppm();
        double scrolled = view.scrollX();
        List<String> lanes = g.lanes();
        gc.setLineWidth(1);
        gc.setStroke(grid);
        for (int lane = firstVisibleLane(); lane < lanes.size(); lane++) {
            double y = view.yOf(lane);
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
        latencies();
        gc.restore();
        laneLabels(lanes);
    }

    /** Number of ticks the last paint drew on the axis, for tests. */
    int ticks() {
        return ticks;
    }

    /** Number of connector latencies the last paint printed, for tests. */
    int latenciesShown() {
        return latenciesShown;
    }

    private int firstVisibleLane() {
        return Math.max(0, (int) Math.floor((AXIS - view.yOf(0)) / LANE) - 1);
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
        gc.setFill(background);
        gc.fillRect(0, AXIS, LANE_LABELS - 4, h - AXIS);
        for (int lane = firstVisibleLane(); lane < lanes.size(); lane++) {
            double y = view.yOf(lane);
            if (y > h) {
                break;
            }
            if (y + LANE < AXIS) {
                continue;
            }
            gc.setFill(palette.stroke(lane));
            gc.fillRoundRect(8, y + LANE / 2 - 5, 10, 10, 3, 3);
            gc.setFill(text);
            gc.fillText(ellipsis(lanes.get(lane), LANE_LABELS - 34), 24, y + LANE / 2);
        }
    }

    /** Above this many connector buckets, their union is drawn instead of each. */
    static final int EXACT_CONNECTORS = 600;

    /**
     * A connector runs down from the cause's bar at its pixel column, then along the effect's lane to the
     * effect. All connectors from one column between the same two lanes share the vertical part, so only
     * the one reaching farthest is drawn (and labelled with its latency).
     */
    private void connectors() {
        gc.setLineWidth(1);
        PixelKeys keys = buckets.connectors();
        if (keys.size() <= EXACT_CONNECTORS) {
            for (long key : keys.sortedKeys()) {
                connector(keys.node(key), (key & 1) == 1);
            }
        } else {
            crowd().connectors(keys).stream().limit(EXACT_CONNECTORS).forEach(i -> connector(i, true));
        }
        gc.setLineDashes(null);
    }

    private void connector(int i, boolean skew) {
        int causeLane = times.lane(times.cause(i));
        int lane = times.lane(i);
        double x0 = view.xOfMillis(times.at(times.cause(i)));
        double x1 = view.xOfMillis(times.at(i));
        double y0 = view.barTop(causeLane) + BAR / 2;
        double y1 = view.barTop(lane) + BAR / 2;
        gc.setStroke(skew ? palette.failedStroke() : grid);
        gc.setLineDashes(skew ? new double[] {4, 3} : null);
        gc.strokeLine(x0 + 1.5, y0 + (y1 > y0 ? BAR / 2 : -BAR / 2), x0 + 1.5, y1);
        gc.strokeLine(x0 + 1.5, y1, x1, y1);
        double span = Math.abs(x1 - x0);
        if (span > 40 && lane != causeLane) {
            String label = FlowText.latency(g.node(i).latencyMicros());
            if (span > width(label) + 10) {
                latencies.add(new Latency(label, (x0 + x1) / 2, y1 - 9, lane, skew));
            }
        }
    }

    /** A connector's latency, printed after the bars' labels where it crosses none of them. */
    private record Latency(String label, double x, double y, int lane, boolean skew) {
    }

    private void latencies() {
        latenciesShown = 0;
        for (Latency l : latencies) {
            double half = width(l.label()) / 2;
            if (!barLabels.crosses(l.lane(), l.x() - half, l.x() + half, 4)) {
                gc.setFill(l.skew() ? palette.failedStroke() : text);
                FlowTimelineSkin.centreText(gc, l.label(), l.x(), l.y());
                latenciesShown++;
            }
        }
    }

    /**
     * One bar per bucket (the widest of those starting in a pixel column of a lane with one look), drawn
     * lane by lane from the left so that labels are placed left to right, and the selected bar last.
     */
    private void bars() {
        PixelKeys keys = buckets.bars();
        if (keys.size() <= EXACT_CONNECTORS) {
            for (long key : keys.sortedKeys()) {
                int i = keys.node(key);
                bar(g.node(i), view.xOfMillis(times.at(i)), keys.extent(key), times.replay(i), times.failed(i));
            }
        } else {
            crowd().bars(keys);
        }
        if (selected >= 0 && selected < times.size() && !Double.isNaN(times.at(selected))
                && view.laneVisible(times.lane(selected))) {
            bar(g.node(selected), view.xOfMillis(times.at(selected)), view.widthOf(times, selected),
                    times.replay(selected), times.failed(selected));
        }
    }

    private void bar(FlowNode n, double x, double bw, boolean replay, boolean failed) {
        double y = view.barTop(n.lane());
        gc.setFill(replay ? palette.replayFill()
                : failed ? palette.failedFill() : palette.fill(n.lane()));
        gc.fillRoundRect(x, y, bw, BAR, 4, 4);
        gc.setStroke(n.index() == selected ? accent : replay ? palette.replayStroke()
                : failed ? palette.failedStroke() : palette.stroke(n.lane()));
        gc.setLineWidth(n.index() == selected ? 3 : failed || replay ? 2 : 1);
        gc.setLineDashes(replay ? new double[] {4, 3} : null);
        gc.strokeRoundRect(x, y, bw, BAR, 4, 4);
        gc.setLineDashes(null);
        gc.setLineWidth(1);
        boolean roomInside = x + bw - Math.max(x, LANE_LABELS) > 20;
        boolean roomAbove = x > barLabels.end(n.lane()) + 6 && x >= LANE_LABELS - 2;
        if (!roomInside && !roomAbove) {
            return;
        }
        String label = (replay ? LanePalette.REPLAY_MARK : "") + FlowMarkers.symbol(n) + n.type();
        double inside = Math.max(x, LANE_LABELS) + 6;
        if (roomInside && x + bw - inside > width(label) + 6) {
            // A long bar (a slow hop) carries its own label, so it is never crowded out.
            gc.setFill(failed ? palette.failedText() : palette.text());
            gc.fillText(label, inside, y + BAR / 2);
        } else if (roomAbove) {
            gc.setFill(failed ? palette.failedStroke() : text);
            gc.fillText(label, x, y - 7);
            barLabels.add(n.lane(), x, x + width(label));
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
