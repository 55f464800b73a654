package eventlens.model.store;

import java.time.Instant;

/**
 * A stored fold of the first events of an aggregate's history (in fold order, see
 * {@link AggregateCursor}), so that a state can be built from here instead of from the first event.
 *
 * @param aggregateId the aggregate
 * @param reducer     the identity of the reducer that built it
 * @param version     the version of the last event folded in; a snapshot always ends a run of equal
 *                    versions, so it holds every event with this version or lower
 * @param position    the position of the last event folded in
 * @param maxTime     the latest event time among the events folded in (null when none had a time)
 * @param state       the state as JSON text (the state package defines its shape)
 */
public record Snapshot(String aggregateId, String reducer, long version, long position, Instant maxTime, String state) {

    /** The cursor to continue folding from. */
    public AggregateCursor cursor() {
        return new AggregateCursor(version, position);
    }
}
