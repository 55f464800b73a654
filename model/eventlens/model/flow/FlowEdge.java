package eventlens.model.flow;

/**
 * A causation link drawn in the flow, from a cause to its direct effect.
 *
 * @param cause node index of the cause
 * @param effect node index of the effect
 * @param latencyMicros effect time minus cause time in microseconds (negative under clock skew), or
 *     null when either time is unknown
 */
public record FlowEdge(int cause, int effect, Long latencyMicros) {
    /** True when the effect is stamped before its cause. */
    public boolean skewed() {
        return latencyMicros != null && latencyMicros < 0;
    }
}
