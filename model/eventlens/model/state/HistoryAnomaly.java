package eventlens.model.state;

/**
 * Something wrong in an aggregate's history, reported rather than thrown.
 *
 * @param kind     what
 * @param position the position of the event concerned (0 for the aggregate as a whole)
 * @param eventId  its id (null for the aggregate as a whole)
 * @param version  its version (null when it has none)
 * @param detail   a sentence for people
 */
public record HistoryAnomaly(Kind kind, long position, String eventId, Long version, String detail) {
    /** The kinds of anomaly, see {@link Anomalies} for the rules. */
    public enum Kind {
        /** One or more versions missing between two consecutive versions. */
        VERSION_GAP,
        /** Two events with the same version: an optimistic concurrency violation. */
        DUPLICATE_VERSION,
        /** An event with a higher version imported before, or timed before, the previous version. */
        OUT_OF_ORDER,
        /** An event after the aggregate was deleted or closed. */
        AFTER_DELETION,
        /** An event without a version in an aggregate whose other events have one. */
        MISSING_VERSION,
        /** No event of the aggregate has a version: it is folded in import order. */
        UNVERSIONED
    }
}
