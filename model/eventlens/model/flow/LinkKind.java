package eventlens.model.flow;

/**
 * How a cause → effect link of a flow was found, so that a view can say why two events are joined
 * (docs/decisions/0021-traceparent-joins-flows.md, 0026-temporal-runs-join-flows.md).
 */
public enum LinkKind {
    /** The effect's causation id names the cause, and the cause is a message or an event. */
    CAUSATION("causation id"),
    /** The effect's causation id names the cause, and the cause is a trace span: a child span, or a
     *  log record written inside the span. */
    PARENT_SPAN("parent span"),
    /** The effect carries a W3C {@code traceparent} naming the cause, a span ({@code traceId:spanId}). */
    TRACEPARENT("traceparent"),
    /** The effect is a child workflow run's start, and the cause the parent's event that initiated it. */
    CHILD_WORKFLOW("child workflow");

    private final String label;

    LinkKind(String label) {
        this.label = label;
    }

    /** How views name the link: "causation id", "parent span", "traceparent", "child workflow". */
    public String label() {
        return label;
    }
}
