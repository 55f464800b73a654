package eventlens.model.flow;

/**
 * Which flows the flow list shows; every given condition must hold.
 *
 * @param correlation correlation id, {@code *} and {@code ?} wildcards allowed (null: any)
 * @param rootType root type, wildcards allowed (null: any)
 * @param withAnomalies only flows with at least one anomaly
 * @param withFailures only flows with at least one failed event
 */
public record FlowFilter(String correlation, String rootType, boolean withAnomalies, boolean withFailures) {
    /** Every flow. */
    public static final FlowFilter ALL = new FlowFilter(null, null, false, false);

    /** This filter, restricted to flows with anomalies. */
    public FlowFilter anomalous() {
        return new FlowFilter(correlation, rootType, true, withFailures);
    }

    /** This filter, restricted to flows with failures. */
    public FlowFilter failed() {
        return new FlowFilter(correlation, rootType, withAnomalies, true);
    }
}
