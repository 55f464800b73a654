package eventlens.replay;

/**
 * A difference between what handlers regenerated (roots mode) and what was recorded under the same
 * cause. Matching rule: under a cause, the k-th recorded child of type T matches the k-th published
 * child of type T (recorded children in log order, published ones in publishing order); the rest are
 * missing (recorded only) or unexpected (published only). Descendants of a missing or unexpected
 * event are not compared further.
 *
 * @param kind        missing or unexpected
 * @param delivery    the step at which it was found
 * @param causeId     the recorded id of the cause
 * @param type        the child's type
 * @param recordedId  the recorded child (missing), or null
 * @param publishedId the published child (unexpected), or null
 */
public record Divergence(Kind kind, long delivery, String causeId, String type, String recordedId, String publishedId) {
    /** Which side lacks the event. */
    public enum Kind {
        /** Recorded under the cause, not regenerated. */
        MISSING,
        /** Regenerated under the cause, not recorded. */
        UNEXPECTED
    }
}
