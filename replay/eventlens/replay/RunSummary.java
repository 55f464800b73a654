package eventlens.replay;

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
 */
public record RunSummary(ReplayMode mode, long delivered, long published, long failed, long retried,
        long deadLettered, long divergences, long matched, long logLines, long warnings, boolean finished) {
}
