package eventlens.model.flow;

/**
 * How a cause → effect link of a flow was found, so that a view can say why two events are joined
 * (docs/decisions/0021-traceparent-joins-flows.md).
 */
public enum LinkKind {
    /** The effect's causation id names the cause, and the cause is a message or an event. */
    CAUSATION,
    /** The effect's causation id names the cause, and the cause is a trace span: a child span, or a
     *  log record written inside the span. */
    PARENT_SPAN,
    /** The effect carries a W3C {@code traceparent} naming the cause, a span ({@code traceId:spanId}). */
    TRACEPARENT
}
