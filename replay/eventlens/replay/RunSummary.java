package eventlens.replay;

import java.util.List;

/**
 * The counts of a run so far.
 *
 * @param mode          all or roots
 * @param delivered     steps (first deliveries and retries)
 * @param published     events published by handlers
 * @param failed        failed handler attempts
 * @param retried       retries scheduled
 * @param deadLettered  deliveries given up on
 * @param divergences   roots mode: missing + unexpected
 * @param matched       roots mode: recorded children regenerated
 * @param logLines      console lines
 * @param warnings      idempotency warnings
 * @param finished      true when nothing is left to deliver
 * @param upcasts       per upcaster of the script, in registration order: the events it changed
 * @param idle          the script's handlers no delivery has reached so far, in registration order
 */
public record RunSummary(ReplayMode mode, long delivered, long published, long failed, long retried,
        long deadLettered, long divergences, long matched, long logLines, long warnings, boolean finished,
        List<UpcastCount> upcasts, List<IdleHandler> idle) {
    public RunSummary {
        upcasts = List.copyOf(upcasts);
        idle = List.copyOf(idle);
    }

    /** A summary of a run whose script has no upcasters and no idle handlers. */
    public RunSummary(ReplayMode mode, long delivered, long published, long failed, long retried,
            long deadLettered, long divergences, long matched, long logLines, long warnings, boolean finished) {
        this(mode, delivered, published, failed, retried, deadLettered, divergences, matched, logLines, warnings,
                finished, List.of(), List.of());
    }

    /** Events changed by all upcasters together (an event changed by two counts twice). */
    public long upcasted() {
        return upcasts.stream().mapToLong(UpcastCount::events).sum();
    }
}
