package eventlens.replay;

import eventlens.model.Event;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The last recorded events a run delivered that wait to be folded lazily, by aggregate, so that reading a
 * state right after its events (what handlers and the state pane do) needs no store query. What falls out
 * of the window is remembered only as "this aggregate had an event before the window" in a Bloom filter
 * of fixed size; {@link #covers} says when the window alone holds every event an aggregate still needs.
 *
 * <p>The index (each aggregate's chain through the window, and the filter) is kept from the first question
 * on: a run that never reads a state (a handler that does not ask for one, a run to the end) pays for a slot
 * in the ring per event and nothing more. Events that left the window before the index was kept are known
 * only by the key of the last of them, so an aggregate that must be folded from before it is read from the
 * store.
 */
final class RecentFolds {
    private static final int BLOOM_BITS = 1 << 25;
    private static final int HASHES = 3;
    private final int capacity;
    private final long[] keys;
    private final Event[] events;
    /** The slot of the aggregate's event before this one in the window; -1: none (or it has left). */
    private final int[] previous;
    /** Per aggregate in the window, the slot of its last event: the head of a chain through {@link #previous}. */
    private final Map<String, Integer> lastSlotOf = new HashMap<>();
    private int oldest;
    private int size;
    private long lastEvictedKey = Long.MIN_VALUE;
    private long[] evicted;
    private boolean indexed;
    /** The key of the last event that left the window before the index was kept. */
    private long lastUnindexedKey = Long.MIN_VALUE;

    RecentFolds(int capacity) {
        this.capacity = capacity;
        this.keys = new long[capacity];
        this.events = new Event[capacity];
        this.previous = new int[capacity];
    }

    /** A recorded event of an aggregate, delivered now with key {@code key}. */
    void add(long key, Event e) {
        if (size == capacity) {
            evictOldest();
        }
        int slot = (oldest + size) % capacity;
        keys[slot] = key;
        events[slot] = e;
        if (indexed) {
            index(slot);
        }
        size++;
    }

    private void index(int slot) {
        Integer before = lastSlotOf.put(events[slot].aggregateId(), slot);
        previous[slot] = before == null ? -1 : before;
    }

    /** Starts keeping the index, from the events in the window now. */
    private void startIndex() {
        if (!indexed) {
            indexed = true;
            for (int i = 0; i < size; i++) {
                index((oldest + i) % capacity);
            }
        }
    }

    /**
     * True when the window holds every event of {@code aggregateId} with a key after {@code afterKey}: nothing
     * left the window after that key, or nothing of that aggregate ever left it.
     */
    boolean covers(String aggregateId, long afterKey) {
        startIndex();
        return lastEvictedKey <= afterKey
                || afterKey >= lastUnindexedKey && (evicted == null || !mightHaveEvicted(aggregateId));
    }

    /** The events of the aggregate in the window with a key after {@code afterKey}, in delivery order. */
    List<EventSource.Keyed> eventsOf(String aggregateId, long afterKey) {
        startIndex();
        Integer last = lastSlotOf.get(aggregateId);
        if (last == null) {
            return List.of();
        }
        List<EventSource.Keyed> out = new ArrayList<>();
        // Back along the chain while the slot still holds an earlier event of the window: keys grow with
        // each delivery, so a slot reused since (or left behind by the window) breaks the chain.
        long oldestKey = keys[oldest];
        long newer = Long.MAX_VALUE;
        for (int slot = last; slot >= 0 && keys[slot] < newer && keys[slot] >= oldestKey && keys[slot] > afterKey;
                slot = previous[slot]) {
            out.add(new EventSource.Keyed(keys[slot], events[slot]));
            newer = keys[slot];
        }
        Collections.reverse(out);
        return out;
    }

    private void evictOldest() {
        int slot = oldest;
        lastEvictedKey = keys[slot];
        if (indexed) {
            forget(slot);
        } else {
            lastUnindexedKey = keys[slot];
        }
        events[slot] = null;
        oldest = (oldest + 1) % capacity;
        size--;
    }

    /** Takes the event in {@code slot}, about to leave the window, out of the index and into the filter. */
    private void forget(int slot) {
        String aggregateId = events[slot].aggregateId();
        lastSlotOf.remove(aggregateId, slot); // when it was the aggregate's only event left in the window
        if (evicted == null) {
            evicted = new long[BLOOM_BITS / 64];
        }
        int h1 = aggregateId.hashCode();
        int h2 = secondHash(aggregateId);
        for (int i = 0; i < HASHES; i++) {
            int h = (h1 + i * h2) & (BLOOM_BITS - 1);
            evicted[h >>> 6] |= 1L << h;
        }
    }

    private boolean mightHaveEvicted(String aggregateId) {
        int h1 = aggregateId.hashCode();
        int h2 = secondHash(aggregateId);
        for (int i = 0; i < HASHES; i++) {
            int h = (h1 + i * h2) & (BLOOM_BITS - 1);
            if ((evicted[h >>> 6] & 1L << h) == 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The second of two independent hashes, odd; bit {@code i} of a key is {@code h1 + i·h2}
     * (Kirsch–Mitzenmacher), worked out in place: this runs for every event once the window is full.
     */
    private static int secondHash(String s) {
        int h2 = 0x9E3779B9;
        for (int i = 0; i < s.length(); i++) {
            h2 = (h2 ^ s.charAt(i)) * 0x01000193;
        }
        return h2 | 1;
    }
}
