package eventlens.model.flow;

/** Orders of the flow list; each breaks ties by correlation id. */
public enum FlowSort {
    /** Earliest event time (flows without times last). */
    START("start_us"),
    /** Correlation id. */
    CORRELATION("correlation_id"),
    /** Type of the root. */
    ROOT_TYPE("root_type"),
    /** Number of events. */
    EVENTS("events"),
    /** Latest minus earliest time. */
    DURATION("duration_us"),
    /** Deepest chain. */
    DEPTH("depth"),
    /** Number of anomalies. */
    ANOMALIES("anomalies"),
    /** Number of failed events. */
    FAILURES("failures");

    private final String column;

    FlowSort(String column) {
        this.column = column;
    }

    /** The column of the {@code flows} table this order sorts on. */
    String column() {
        return column;
    }
}
