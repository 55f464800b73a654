package eventlens.model.store;

/**
 * What the project's log looked like when the snapshots of one aggregate and reducer were built.
 * The snapshots are valid while the aggregate has the same number of events and the same last
 * position: imports only append, so any new event of the aggregate changes one of them.
 *
 * @param logPosition  the project's highest position at the time: while it has not moved, nothing
 *                     can have changed and the check costs one lookup
 * @param events       the aggregate's event count at the time
 * @param lastPosition the aggregate's highest position at the time
 */
public record SnapshotStamp(long logPosition, long events, long lastPosition) {
}
