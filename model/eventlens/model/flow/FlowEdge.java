package eventlens.model.flow;

/**
 * A link drawn in the flow, from a cause to its effect.
 *
 * <p>A tree edge ({@link CausalGraph#edges()}) joins a node to its parent; a secondary link
 * ({@link CausalGraph#links()}) joins an event that already has a parent to a second cause — a
 * message with a business cause of its own that also names a span in its {@code traceparent}.
 *
 * @param cause node index of the cause
 * @param effect node index of the effect
 * @param latencyMicros effect time minus cause time in microseconds (negative under clock skew), or
 *     null when either time is unknown
 * @param kind how the link was found
 */
public record FlowEdge(int cause, int effect, Long latencyMicros, LinkKind kind) {
    /** True when the effect is stamped before its cause. */
    public boolean skewed() {
        return latencyMicros != null && latencyMicros < 0;
    }
}
