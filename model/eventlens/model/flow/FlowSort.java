package eventlens.model.flow;

/** Orders of the flow list; each breaks ties by correlation id (the store's {@code FlowsTable.Column} of the same name). */
public enum FlowSort {
    /** Earliest event time (flows without times last). */
    START,
    /** Correlation id. */
    CORRELATION,
    /** Type of the root. */
    ROOT_TYPE,
    /** Number of events. */
    EVENTS,
    /** Latest minus earliest time. */
    DURATION,
    /** Deepest chain. */
    DEPTH,
    /** Number of anomalies. */
    ANOMALIES,
    /** Number of failed events. */
    FAILURES
}
