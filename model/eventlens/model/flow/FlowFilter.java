package eventlens.model.flow;

import java.time.Instant;

/**
 * Which flows the flow list shows; every given condition must hold.
 *
 * @param correlation correlation id, {@code *} and {@code ?} wildcards allowed (null: any)
 * @param rootType root type, wildcards allowed (null: any)
 * @param withAnomalies only flows with at least one anomaly
 * @param withFailures only flows with at least one failed event
 * @param from with {@code to}: only flows whose span, first to last event, meets {@code [from, to)} (null: any time)
 * @param to the end of that range, excluded
 */
public record FlowFilter(String correlation, String rootType, boolean withAnomalies, boolean withFailures,
        Instant from, Instant to) {
    /** Every flow. */
    public static final FlowFilter ALL = new FlowFilter(null, null, false, false);

    /** A filter at any time. */
    public FlowFilter(String correlation, String rootType, boolean withAnomalies, boolean withFailures) {
        this(correlation, rootType, withAnomalies, withFailures, null, null);
    }

    /** This filter, restricted to flows with anomalies. */
    public FlowFilter anomalous() {
        return new FlowFilter(correlation, rootType, true, withFailures, from, to);
    }

    /** This filter, restricted to flows with failures. */
    public FlowFilter failed() {
        return new FlowFilter(correlation, rootType, withAnomalies, true, from, to);
    }

    /** This filter, restricted to flows that meet {@code [from, to)} (both null: at any time). */
    public FlowFilter during(Instant from, Instant to) {
        return new FlowFilter(correlation, rootType, withAnomalies, withFailures, from, to);
    }
}
