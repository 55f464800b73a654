package eventlens.model.flow;

import java.time.Duration;
import java.time.Instant;

/**
 * Figures of a whole flow.
 *
 * @param events distinct events (duplicates counted once)
 * @param roots number of roots (orphans and cut cycles included)
 * @param maxDepth the deepest node's depth (0 when every event is a root)
 * @param maxFanOut the most direct effects of one event
 * @param start the earliest event time, or null
 * @param end the latest event time, or null
 * @param anomalies number of anomalies
 * @param failures number of failed events
 * @param criticalPathMicros total latency of the critical path
 * @param truncated true when the loader stopped at its limit and the flow is incomplete
 */
public record FlowStats(int events, int roots, int maxDepth, int maxFanOut, Instant start, Instant end,
        int anomalies, int failures, long criticalPathMicros, boolean truncated) {

    /** {@code end - start}, or zero when times are unknown. */
    public Duration duration() {
        return start == null || end == null ? Duration.ZERO : Duration.between(start, end);
    }
}
