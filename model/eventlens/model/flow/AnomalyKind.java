package eventlens.model.flow;

/**
 * What can be wrong with a flow. Failures (a failed event, a dead letter) are not anomalies of the
 * flow's shape: they are counted apart (see {@link FailureTypes} and {@link FlowNode#failed()}).
 */
public enum AnomalyKind {
    /** The event names a cause that is not in the flow; it is shown as a root. */
    ORPHAN("orphan"),
    /** Causation links that loop; the loop is cut at its earliest event, which becomes a root. */
    CYCLE("cycle"),
    /** One event id delivered more than once with the same content; shown once with its count. */
    DUPLICATE("duplicate"),
    /** One event id delivered more than once with different contents. */
    CONFLICTING_DUPLICATE("conflicting duplicate"),
    /** An effect stamped before its cause; shown as recorded, never corrected. */
    CLOCK_SKEW("clock skew"),
    /** An event with at least {@link CausalGraph#EXPLOSIVE_FAN_OUT} direct effects. */
    EXPLOSIVE_FAN_OUT("explosive fan-out"),
    /** The first event of a chain at depth {@link CausalGraph#TOO_DEEP}. */
    TOO_DEEP("too deep");

    private final String label;

    AnomalyKind(String label) {
        this.label = label;
    }

    /** A short lower-case label for texts and exports. */
    public String label() {
        return label;
    }
}
