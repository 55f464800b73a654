package eventlens.app.flows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The horizontal spans of the labels one paint of the timeline printed above each lane's bars, so that a
 * connector's latency, printed in the same row, leaves out what would cross one (a Temporal history's first event
 * and the latency of the hop that follows it in its lane printed over each other). A paint prints a few dozen
 * labels a lane at most, bounded by the width: a scan is enough.
 */
final class LabelSpans {
    private final Map<Integer, List<double[]>> byLane = new HashMap<>();

    void add(int lane, double from, double to) {
        byLane.computeIfAbsent(lane, l -> new ArrayList<>()).add(new double[] {from, to});
    }

    /** Where the label last added to {@code lane} ends; -∞ when it has none. */
    double end(int lane) {
        List<double[]> spans = byLane.get(lane);
        return spans == null ? Double.NEGATIVE_INFINITY : spans.get(spans.size() - 1)[1];
    }

    /** Whether {@code [from, to]} comes within {@code gap} pixels of a label of {@code lane}. */
    boolean crosses(int lane, double from, double to, double gap) {
        for (double[] s : byLane.getOrDefault(lane, List.of())) {
            if (from < s[1] + gap && to > s[0] - gap) {
                return true;
            }
        }
        return false;
    }
}
