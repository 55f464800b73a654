package eventlens.model.store;

import java.util.List;

/**
 * 64-bit fingerprints of the event ids a bulk load has stored, so that it can tell a new id from a repeated
 * one without probing the unique id index at every insert (decision 0051). A fingerprint never seen before
 * means a new id for sure; a fingerprint seen before means a repeated id or, rarely (about one chance in
 * 300,000 at ten million ids), another id with the same fingerprint: the load then builds the id index and
 * goes on the usual way, so an answer of this class is never taken as proof of a duplicate.
 *
 * <p>An open-addressing table of longs: 8 bytes an id at most 70 % full, up to {@link #MAX_SLOTS} slots
 * (128 MB, about 11.7 million ids); past that it says it is full and the load goes on the usual way.
 */
final class IdFingerprints {
    static final int MAX_SLOTS = 1 << 24;
    private static final double LOAD = 0.7;

    private long[] slots = new long[1 << 16];
    private int size;

    /**
     * Adds the fingerprints of a batch of ids when every one is new (none seen before and no two alike in
     * the batch) and there is room; otherwise adds none and returns false.
     */
    boolean addAllNew(List<String> ids) {
        if (!roomFor(ids.size())) {
            return false;
        }
        long[] batch = new long[ids.size()];
        for (int i = 0; i < batch.length; i++) {
            batch[i] = of(ids.get(i));
            if (contains(batch[i])) {
                return false;
            }
        }
        long[] sorted = batch.clone();
        java.util.Arrays.sort(sorted);
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] == sorted[i - 1]) {
                return false;
            }
        }
        for (long f : batch) {
            insert(f);
        }
        return true;
    }

    int size() {
        return size;
    }

    /** The fingerprint of an id: a 64-bit FNV-1a over its characters, then mixed (never 0, the empty slot). */
    static long of(String id) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < id.length(); i++) {
            h = (h ^ id.charAt(i)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h == 0 ? 1 : h;
    }

    private boolean roomFor(int more) {
        while (size + more > slots.length * LOAD) {
            if (slots.length >= MAX_SLOTS) {
                return false;
            }
            grow();
        }
        return true;
    }

    private boolean contains(long f) {
        int mask = slots.length - 1;
        for (int i = (int) f & mask; ; i = (i + 1) & mask) {
            if (slots[i] == f) {
                return true;
            }
            if (slots[i] == 0) {
                return false;
            }
        }
    }

    private void insert(long f) {
        int mask = slots.length - 1;
        int i = (int) f & mask;
        while (slots[i] != 0) {
            i = (i + 1) & mask;
        }
        slots[i] = f;
        size++;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        size = 0;
        for (long f : old) {
            if (f != 0) {
                insert(f);
            }
        }
    }
}
