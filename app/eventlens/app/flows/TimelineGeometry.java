package eventlens.app.flows;

import static eventlens.app.flows.FlowTimelineSkin.AXIS;
import static eventlens.app.flows.FlowTimelineSkin.BAR;
import static eventlens.app.flows.FlowTimelineSkin.LANE;
import static eventlens.app.flows.FlowTimelineSkin.LANE_LABELS;
import static eventlens.app.flows.FlowTimelineSkin.MIN_BAR;

/**
 * Where the timeline is looking: its zoom, its scroll offsets and its canvas size, as plain values, so
 * that the positions of a big flow's shapes can be worked out on a worker ({@link TimelineBuckets}) while
 * the FX thread goes on. Two equal geometries give the same picture.
 *
 * @param ppm pixels per millisecond
 * @param scrollX the horizontal scroll offset in pixels
 * @param scrollY the vertical scroll offset in pixels
 * @param width the canvas width
 * @param height the canvas height
 */
record TimelineGeometry(double ppm, double scrollX, double scrollY, double width, double height) {
    TimelineGeometry {
        ppm = Math.max(1e-15, ppm);
    }

    /** The x of a time, in milliseconds from the flow's start, in canvas pixels. */
    double xOfMillis(double ms) {
        return LANE_LABELS + ms * ppm - scrollX;
    }

    /** The top of a lane. */
    double yOf(int lane) {
        return AXIS + lane * LANE - scrollY;
    }

    /** The top of a lane's bars. */
    double barTop(int lane) {
        return yOf(lane) + LANE - BAR - 5;
    }

    /** A bar's width: the latency to the event's first effect, or a minimum. */
    double widthOf(FlowTimes times, int node) {
        double first = times.firstEffect(node);
        return Double.isNaN(first) ? MIN_BAR : Math.max(MIN_BAR, first * ppm);
    }

    /** True when a horizontal span of pixels crosses the drawing area. */
    boolean visible(double x0, double x1) {
        return x1 >= LANE_LABELS && x0 <= width;
    }

    /** True when a lane's row crosses the drawing area. */
    boolean laneVisible(int lane) {
        double y = yOf(lane);
        return y + LANE >= AXIS && y <= height;
    }

    /** True when the vertical span between two lanes crosses the drawing area. */
    boolean spanVisible(int laneA, int laneB) {
        double top = yOf(Math.min(laneA, laneB));
        double bottom = yOf(Math.max(laneA, laneB)) + LANE;
        return bottom >= AXIS && top <= height;
    }
}
