package eventlens.model.flow.shape;

import eventlens.model.flow.FlowText;
import java.util.Locale;

/** How shapes read in labels and texts: shares as percentages, edges with their latencies. */
public final class ShapeText {
    private ShapeText() {
    }

    /** A share as a percentage: {@code 92 %}, {@code 4.5 %}, {@code 0.02 %}; whole numbers from 10 % up. */
    public static String percent(double share) {
        double p = share * 100;
        if (p >= 10 || p == 0) {
            return Math.round(p) + " %";
        }
        return String.format(Locale.ROOT, p >= 1 ? "%.1f %%" : "%.2f %%", p);
    }

    /** An edge's latencies: {@code p50 14 ms · p95 30 ms}, or {@code no times} when none was known. */
    public static String latencies(FlowShape.Edge edge) {
        if (edge.p50Micros() == null) {
            return "no times";
        }
        return "p50 " + FlowText.duration(edge.p50Micros()) + " · p95 " + FlowText.duration(edge.p95Micros());
    }
}
