package eventlens.model.state;

import eventlens.model.Event;
import eventlens.model.Json;
import eventlens.model.store.AggregateCursor;
import eventlens.model.store.AggregateStore;
import eventlens.model.store.Snapshot;
import eventlens.model.store.SnapshotStamp;
import eventlens.model.store.StoreException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Keeps the stored snapshots of aggregates valid, building them lazily: the first request for a state
 * of an aggregate with at least {@link #DEFAULT_EVERY} events folds its whole history once and stores a
 * snapshot about every {@code every} events.
 *
 * <p>A snapshot always ends a run of equal versions and follows a versioned event, so it is identified
 * by the version of its last event and holds every event with that version or lower; an aggregate
 * whose events have no version gets no snapshots (it is folded from its first event).
 *
 * <p>Validity: the snapshots of an aggregate and reducer carry a {@link SnapshotStamp}. While the
 * project's last position has not moved, they are valid (one lookup). When it has (an import since),
 * the aggregate's event count and last position are compared once with the stamp's: the same means
 * the import did not touch this aggregate; different means rebuild. A snapshot under another reducer
 * identity is never read, and building clears the aggregate's snapshots of other reducers.
 *
 * <p>Snapshots are a cache: when they cannot be written (a read-only file, a long import holding the
 * write lock) states are folded from the first event instead, and {@link #lastWriteFailure()} says why.
 */
public final class Snapshots {
    /** A snapshot about every this many events per aggregate. */
    public static final int DEFAULT_EVERY = 100;
    private static final int PAGE = 1000;
    private static final int WRITE_BATCH = 200;

    private final AggregateStore store;
    private final int every;
    private final boolean enabled;
    private volatile String lastWriteFailure;

    /** Snapshots every {@link #DEFAULT_EVERY} events. */
    public Snapshots(AggregateStore store) {
        this(store, DEFAULT_EVERY);
    }

    /** Snapshots every {@code every} events (at least 1). */
    public Snapshots(AggregateStore store, int every) {
        if (every < 1) {
            throw new IllegalArgumentException("every must be at least 1: " + every);
        }
        this.store = store;
        this.every = every;
        this.enabled = true;
    }

    private Snapshots(AggregateStore store, int every, boolean enabled) {
        this.store = store;
        this.every = every;
        this.enabled = enabled;
    }

    /** Never uses snapshots: every state is folded from the first event (for measurements and checks). */
    public static Snapshots disabled(AggregateStore store) {
        return new Snapshots(store, Integer.MAX_VALUE, false);
    }

    /**
     * Makes sure the aggregate's snapshots for this reducer are valid, building them when needed.
     *
     * @return true when snapshots can be used; false when the aggregate is too short to need them, is
     *         unknown, or they could not be written
     */
    public synchronized boolean ensure(String aggregateId, Reducer reducer) {
        if (!enabled) {
            return false;
        }
        String key = reducer.id().key();
        long log = store.logPosition();
        Optional<SnapshotStamp> stamp = store.stamp(aggregateId, key);
        if (stamp.isPresent() && stamp.get().logPosition() == log) {
            return true;
        }
        SnapshotStamp now = store.tally(aggregateId, log);
        if (now.events() < every) {
            return false;
        }
        try {
            if (stamp.isPresent() && stamp.get().events() == now.events()
                    && stamp.get().lastPosition() == now.lastPosition()) {
                store.writeStamp(aggregateId, key, now);
            } else {
                build(aggregateId, reducer, now);
            }
            return true;
        } catch (StoreException e) {
            lastWriteFailure = e.getMessage();
            return false;
        }
    }

    /** Why the last snapshot write failed (null when none did). */
    public String lastWriteFailure() {
        return lastWriteFailure;
    }

    private void build(String aggregateId, Reducer reducer, SnapshotStamp stamp) {
        String key = reducer.id().key();
        store.clearSnapshots(aggregateId);
        AggregateState state = AggregateState.initial(aggregateId, null);
        List<Snapshot> batch = new ArrayList<>();
        Pending pending = null;
        long since = 0;
        Instant maxTime = null;
        AggregateCursor cursor = AggregateCursor.START;
        while (true) {
            List<Event> page = store.events(aggregateId, cursor, PAGE);
            for (Event e : page) {
                if (pending != null && !java.util.Objects.equals(e.version(), pending.version)) {
                    batch.add(pending.snapshot(aggregateId, key));
                    pending = null;
                    since = 0;
                    if (batch.size() >= WRITE_BATCH) {
                        store.writeSnapshots(batch);
                        batch.clear();
                    }
                }
                state = state.next(e, reducer);
                since++;
                maxTime = later(maxTime, e.time());
                if (e.version() != null && since >= every) {
                    pending = new Pending(e.version(), e.position(), maxTime, state);
                }
            }
            if (page.size() < PAGE) {
                break;
            }
            cursor = AggregateCursor.after(page.get(page.size() - 1));
        }
        if (pending != null) {
            batch.add(pending.snapshot(aggregateId, key));
        }
        store.writeSnapshots(batch);
        store.writeStamp(aggregateId, key, stamp);
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    private record Pending(Long version, long position, Instant maxTime, AggregateState state) {
        Snapshot snapshot(String aggregateId, String key) {
            return new Snapshot(aggregateId, key, version, position, maxTime, Json.write(state.toJson()));
        }
    }
}
