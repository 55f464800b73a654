package eventlens.app.flows;

import eventlens.model.flow.CausalGraph;
import eventlens.model.flow.FlowNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * What the timeline draws of each event, computed once per flow (on a worker) instead of on every paint:
 * its time and the latency to its first effect in milliseconds from the flow's start ({@code NaN}: no
 * time, no timed effect), its lane, its cause, and whether it failed, was published by a replay or
 * arrived before its cause (skew). A paint of a 100,000-event flow then only reads primitive arrays.
 */
final class FlowTimes {
    static final FlowTimes NONE = new FlowTimes(new double[0], new double[0], new int[0], new int[0], new byte[0], 0);
    private static final byte FAILED = 1;
    private static final byte REPLAY = 2;
    private static final byte SKEW = 4;

    private final double[] at;
    private final double[] firstEffect;
    private final int[] lane;
    private final int[] cause;
    private final byte[] flags;
    private final double duration;

    private FlowTimes(double[] at, double[] firstEffect, int[] lane, int[] cause, byte[] flags, double duration) {
        this.at = at;
        this.firstEffect = firstEffect;
        this.lane = lane;
        this.cause = cause;
        this.flags = flags;
        this.duration = duration;
    }

    static FlowTimes of(CausalGraph g) {
        return of(g, Set.of());
    }

    /** {@code replayed}: ids of the events a replay run published (drawn as replayed, never as failed). */
    static FlowTimes of(CausalGraph g, Set<String> replayed) {
        Instant start = g.stats().start();
        if (start == null) {
            return NONE;
        }
        int n = g.size();
        double[] at = new double[n];
        double[] firstEffect = new double[n];
        int[] lane = new int[n];
        int[] cause = new int[n];
        byte[] flags = new byte[n];
        for (FlowNode node : g.nodes()) {
            int i = node.index();
            lane[i] = node.lane();
            cause[i] = node.isRoot() ? -1 : node.parent();
            boolean replay = !replayed.isEmpty() && replayed.contains(node.id());
            Long latency = node.latencyMicros();
            flags[i] = (byte) ((replay ? REPLAY : !replay && node.failed() ? FAILED : 0)
                    | (latency != null && latency < 0 ? SKEW : 0));
            Instant t = node.event().time();
            at[i] = t == null ? Double.NaN : millis(start, t);
            long first = Long.MAX_VALUE;
            for (int child : node.children()) {
                Long l = g.node(child).latencyMicros();
                if (l != null && l >= 0) {
                    first = Math.min(first, l);
                }
            }
            long span = spanMicros(node.event().metadata());
            // A span's bar is its own duration; an event's, the wait until its first effect.
            firstEffect[node.index()] = span >= 0 ? span / 1_000.0 : first == Long.MAX_VALUE ? Double.NaN : first / 1_000.0;
        }
        Instant end = g.stats().end();
        return new FlowTimes(at, firstEffect, lane, cause, flags, end == null ? 0 : Math.max(0, millis(start, end)));
    }

    /** {@code span.durationMicros} of a trace span's metadata, -1 when it has none. */
    static long spanMicros(String metadata) {
        if (metadata == null || !metadata.contains("\"durationMicros\"")) {
            return -1;
        }
        var d = eventlens.model.Json.parseOrMissing(metadata).path("span").path("durationMicros");
        return d.canConvertToLong() && d.asLong() >= 0 ? d.asLong() : -1;
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

    /** The length of the event's bar in milliseconds: a trace span's duration, else the wait until its first effect (NaN: neither). */
    double firstEffect(int node) {
        return firstEffect[node];
    }

    int lane(int node) {
        return lane[node];
    }

    /** The event's cause in the flow, -1 for a root. */
    int cause(int node) {
        return cause[node];
    }

    /** Failed (a failure type or a dead letter) and not published by a replay. */
    boolean failed(int node) {
        return (flags[node] & FAILED) != 0;
    }

    boolean replay(int node) {
        return (flags[node] & REPLAY) != 0;
    }

    /** Recorded before its cause (negative latency). */
    boolean skew(int node) {
        return (flags[node] & SKEW) != 0;
    }

    /** Milliseconds from the first to the last event. */
    double duration() {
        return duration;
    }
}
