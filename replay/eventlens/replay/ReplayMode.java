package eventlens.replay;

/** Which recorded events a run delivers. */
public enum ReplayMode {
    /** Every recorded event of the slice, in log order (rebuilding a projection). */
    ALL,
    /**
     * Only the roots of the slice (no causation, or a cause outside the slice); handlers regenerate the
     * rest, which is compared with what was recorded ({@link Divergence}).
     */
    ROOTS
}
