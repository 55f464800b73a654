package eventlens.app.flows;

import static eventlens.app.flows.FlowTimelineSkin.BAR;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Paint;

/**
 * The timeline of a flow with more connectors or bars than pixels (decision 0022): their union, per
 * pixel column and lane, instead of each — what {@link TimelinePainter} draws past
 * {@link TimelinePainter#EXACT_CONNECTORS} buckets. Zooming in brings back every shape and its label.
 */
final class CrowdPainter {
    private static final double MIN_BAND = 3;
    private final TimelineGeometry view;
    private final GraphicsContext gc;
    private final FlowTimes times;
    private final double w;
    private final Paint grid;
    private final LanePalette lanes;

    CrowdPainter(TimelineGeometry view, GraphicsContext gc, FlowTimes times, Paint grid, LanePalette lanes) {
        this.view = view;
        this.gc = gc;
        this.times = times;
        this.w = view.width();
        this.grid = grid;
        this.lanes = lanes;
    }

    /**
     * Too many connectors to draw one by one (a big flow fitted into the window): their union instead, one
     * vertical line per pixel column and one horizontal line per run of covered columns per lane, without
     * latency labels. Thousands of long overlapping anti-aliased lines took the software renderer 300 ms.
     * Returns the skewed connectors (an anomaly), which the caller draws one by one, red and dashed.
     */
    List<Integer> connectors(PixelKeys buckets) {
        int cols = (int) Math.ceil(w) + 2;
        double[] top = new double[cols];
        double[] bottom = new double[cols];
        Arrays.fill(top, Double.POSITIVE_INFINITY);
        Arrays.fill(bottom, Double.NEGATIVE_INFINITY);
        Map<Integer, int[]> runs = new HashMap<>();
        List<Integer> skewed = new ArrayList<>();
        for (long key : buckets.sortedKeys()) {
            int i = buckets.node(key);
            if ((key & 1) == 1) {
                skewed.add(i); // an anomaly: drawn on its own, red and dashed, whatever the crowd
                continue;
            }
            int causeLane = times.lane(times.cause(i));
            int lane = times.lane(i);
            double x0 = view.xOfMillis(times.at(times.cause(i)));
            double x1 = view.xOfMillis(times.at(i));
            double y0 = view.barTop(causeLane) + BAR / 2;
            double y1 = view.barTop(lane) + BAR / 2;
            double from = y0 + (y1 > y0 ? BAR / 2 : -BAR / 2);
            int col = column(x0, cols);
            top[col] = Math.min(top[col], Math.min(from, y1));
            bottom[col] = Math.max(bottom[col], Math.max(from, y1));
            int[] diff = runs.computeIfAbsent(lane, l -> new int[cols + 1]);
            diff[column(Math.min(x0, x1), cols)]++;
            diff[column(Math.max(x0, x1), cols) + 1]--;
        }
        gc.setStroke(grid);
        gc.setLineDashes(null);
        for (int col = 0; col < cols; col++) {
            if (top[col] <= bottom[col]) {
                gc.strokeLine(col + 0.5, top[col], col + 0.5, bottom[col]);
            }
        }
        for (Map.Entry<Integer, int[]> lane : runs.entrySet()) {
            double y = view.barTop(lane.getKey()) + BAR / 2;
            forEachRun(lane.getValue(), cols, (start, end) -> gc.strokeLine(start + 0.5, y, end - 0.5, y));
        }
        return skewed;
    }

    /**
     * Too many bars to draw one by one: per lane and look, the runs of pixel columns they cover, each as one
     * band (failed and replayed drawn over the plain ones), without labels; zooming in shows the bars.
     */
    void bars(PixelKeys buckets) {
        int cols = (int) Math.ceil(w) + 2;
        Map<Long, int[]> covered = new HashMap<>();
        for (long key : buckets.sortedKeys()) {
            int look = (int) (key % 4);
            if (look == 3) {
                continue;
            }
            int i = buckets.node(key);
            double x = view.xOfMillis(times.at(i));
            int[] diff = covered.computeIfAbsent((long) times.lane(i) * 4 + look, k -> new int[cols + 1]);
            diff[column(x, cols)]++;
            diff[column(x + buckets.extent(key), cols) + 1]--;
        }
        for (int look = 0; look < 3; look++) {
            for (Map.Entry<Long, int[]> band : covered.entrySet()) {
                if (band.getKey() % 4 != look) {
                    continue;
                }
                int lane = (int) (band.getKey() / 4);
                double y = view.barTop(lane);
                gc.setFill(look == 2 ? lanes.replayFill() : look == 1 ? lanes.failedFill()
                        : lanes.fill(lane));
                gc.setStroke(look == 2 ? lanes.replayStroke() : look == 1
                        ? lanes.failedStroke() : lanes.stroke(lane));
                forEachRun(band.getValue(), cols, (start, end) -> {
                    double bw = Math.max(MIN_BAND, end - start);
                    gc.fillRoundRect(start, y, bw, BAR, 4, 4);
                    gc.strokeRoundRect(start, y, bw, BAR, 4, 4);
                });
            }
        }
    }

    /** A run of pixel columns {@code [start, end)}. */
    private interface Run {
        void accept(int start, int end);
    }

    /** The runs of columns a difference array covers (+1 where a span starts, -1 after it ends). */
    private static void forEachRun(int[] diff, int cols, Run run) {
        int depth = 0;
        int start = -1;
        for (int col = 0; col <= cols; col++) {
            depth += col < cols ? diff[col] : 0;
            boolean on = col < cols && depth > 0;
            if (on && start < 0) {
                start = col;
            } else if (!on && start >= 0) {
                run.accept(start, col);
                start = -1;
            }
        }
    }

    private static int column(double x, int cols) {
        return (int) Math.max(0, Math.min(cols - 1, Math.floor(x)));
    }
}
