package eventlens.app.flows;

/**
 * The shapes one paint of the timeline draws, bucketed per pixel ({@link PixelKeys}): connectors keyed by
 * cause lane, lane, pixel column and skew; bars keyed by lane, pixel column and look (0 plain, 1 failed,
 * 2 replayed). Working them out reads every event of the flow, so for a big flow it runs on a worker
 * and the FX thread only draws the few thousand buckets (decision 0022). Pure: the same times and
 * geometry give the same buckets; read-only once built.
 */
final class TimelineBuckets {
    private final FlowTimes times;
    private final TimelineGeometry view;
    private final PixelKeys connectors = new PixelKeys();
    private final PixelKeys bars = new PixelKeys();

    private TimelineBuckets(FlowTimes times, TimelineGeometry view) {
        this.times = times;
        this.view = view;
    }

    /** The buckets of the events of {@code times} seen through {@code view}. */
    static TimelineBuckets of(FlowTimes times, TimelineGeometry view) {
        TimelineBuckets b = new TimelineBuckets(times, view);
        b.fillConnectors();
        b.fillBars();
        return b;
    }

    /** True when these buckets were worked out for these times and this geometry. */
    boolean isFor(FlowTimes times, TimelineGeometry view) {
        return this.times == times && this.view.equals(view);
    }

    TimelineGeometry view() {
        return view;
    }

    PixelKeys connectors() {
        return connectors;
    }

    PixelKeys bars() {
        return bars;
    }

    private void fillConnectors() {
        for (int i = 0, n = times.size(); i < n; i++) {
            int cause = times.cause(i);
            double at = times.at(i);
            if (cause < 0 || Double.isNaN(at)) {
                continue;
            }
            double causeAt = times.at(cause);
            int causeLane = times.lane(cause);
            int lane = times.lane(i);
            if (Double.isNaN(causeAt) || !view.spanVisible(causeLane, lane)) {
                continue;
            }
            double x0 = view.xOfMillis(causeAt);
            double x1 = view.xOfMillis(at);
            if (!view.visible(Math.min(x0, x1), Math.max(x0, x1))) {
                continue;
            }
            long key = (((long) (causeLane & 0xFFFF) * 65_536 + (lane & 0xFFFF)) * 8192 + clampPx(x0)) * 2
                    + (times.skew(i) ? 1 : 0);
            connectors.offer(key, Math.abs(x1 - x0), i);
        }
    }

    /** Bars starting in the same pixel column of a lane with the same look overlap: the widest stands for all. */
    private void fillBars() {
        for (int i = 0, n = times.size(); i < n; i++) {
            double at = times.at(i);
            int lane = times.lane(i);
            if (Double.isNaN(at) || !view.laneVisible(lane)) {
                continue;
            }
            double x = view.xOfMillis(at);
            double bw = view.widthOf(times, i);
            if (!view.visible(x, x + bw + 200)) {
                continue;
            }
            int look = times.replay(i) ? 2 : times.failed(i) ? 1 : 0;
            bars.offer(((long) (lane & 0xFFFFF) * 16384 + clampPx(x)) * 4 + look, bw, i);
        }
    }

    /** A pixel column as 0..8191 so that it packs into a key; off-screen columns share the edge values. */
    private static int clampPx(double x) {
        return (int) Math.max(0, Math.min(8191, Math.floor(x) + 1));
    }
}
