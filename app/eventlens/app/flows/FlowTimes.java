package eventlens.app.flows;

import eventlens.model.flow.CausalGraph;
import eventlens.model.flow.FlowNode;
import java.time.Duration;
import java.time.Instant;

/**
 * The times the timeline draws, computed once per flow instead of on every paint: each event's time and
 * the latency to its first effect, in milliseconds from the flow's start ({@code NaN}: no time, no timed
 * effect). A paint of a 100,000-event flow then only does arithmetic on two arrays.
 */
final class FlowTimes {
    static final FlowTimes NONE = new FlowTimes(new double[0], new double[0], 0);

    private final double[] at;
    private final double[] firstEffect;
    private final double duration;

    private FlowTimes(double[] at, double[] firstEffect, double duration) {
        this.at = at;
        this.firstEffect = firstEffect;
        this.duration = duration;
    }

    static FlowTimes of(CausalGraph g) {
        Instant start = g.stats().start();
        if (start == null) {
            return NONE;
        }
        int n = g.size();
        double[] at = new double[n];
        double[] firstEffect = new double[n];
        for (FlowNode node : g.nodes()) {
            Instant t = node.event().time();
            at[node.index()] = t == null ? Double.NaN : millis(start, t);
            long first = Long.MAX_VALUE;
            for (int child : node.children()) {
                Long l = g.node(child).latencyMicros();
                if (l != null && l >= 0) {
                    first = Math.min(first, l);
                }
            }
            firstEffect[node.index()] = first == Long.MAX_VALUE ? Double.NaN : first / 1_000.0;
        }
        Instant end = g.stats().end();
        return new FlowTimes(at, firstEffect, end == null ? 0 : Math.max(0, millis(start, end)));
    }

    private static double millis(Instant from, Instant to) {
        Duration d = Duration.between(from, to);
        return d.getSeconds() * 1_000.0 + d.getNano() / 1_000_000.0;
    }

    int size() {
        return at.length;
    }

    /** Milliseconds from the flow's start to the event, NaN when it has no time. */
    double at(int node) {
        return at[node];
    }

    /** Milliseconds to the event's first effect, NaN when none has a (non-negative) latency. */
    double firstEffect(int node) {
        return firstEffect[node];
    }

    /** Milliseconds from the first to the last event. */
    double duration() {
        return duration;
    }
}
