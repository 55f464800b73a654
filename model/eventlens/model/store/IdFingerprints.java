package eventlens.model.store;

import java.util.List;

/**
 * 64-bit fingerprints of the event ids a bulk load has stored, so that it can tell a new id from a repeated
 * one without probing the unique id index at every insert (decision 0051). A fingerprint never seen before
 * means a new id for sure; a fingerprint seen before means a repeated id or, rarely (about one chance in
 * 300,000 at ten million ids), another id with the same fingerprint: the load then builds the id index and
 * goes on the usual way, so an answer of this class is never taken as proof of a duplicate.
 *
 * <p>Each fingerprint keeps the position its id was stored at, so that an id can be looked up without the index
 * ({@link #position}): the fingerprints of a load are all different, so the one stored id that can be the id
 * asked for is the one at that position, and a read of that row says for sure (decision 0083).
 *
 * <p>An open-addressing table of longs and a parallel one of positions: 12 bytes an id at most 70 % full, up to
 * {@link #MAX_SLOTS} slots (192 MB, about 11.7 million ids); past that it says it is full and the load goes on
 * the usual way.
 */
final class IdFingerprints {
    static final int MAX_SLOTS = 1 << 24;
    private static final double LOAD = 0.7;

    private long[] slots = new long[1 << 16];
    /** The position of each slot's id, less {@link #base}: a load holds fewer than 2^31 ids. */
    private int[] positions = new int[1 << 16];
    /** The position before the first id of the load; -1 until its first batch. */
    private long base = -1;
    private int size;

    /**
     * Adds the fingerprints of a batch of ids stored at {@code firstPosition} and the positions after it, in order,
     * when every one is new (none seen before and no two alike in the batch) and there is room; otherwise adds none
     * and returns false.
     */
    boolean addAllNew(List<String> ids, long firstPosition) {
        if (base < 0) {
            base = firstPosition - 1;
        }
        if (!roomFor(ids.size())) {
            return false;
        }
        long[] batch = new long[ids.size()];
        for (int i = 0; i < batch.length; i++) {
            batch[i] = of(ids.get(i));
            if (slotOf(batch[i]) >= 0) {
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
        for (int i = 0; i < batch.length; i++) {
            insert(batch[i], (int) (firstPosition + i - base));
        }
        return true;
    }

    /**
     * The position of the stored id whose fingerprint is {@code id}'s, or 0 when none is: then {@code id} is not
     * stored. When there is one, it is {@code id} or, rarely, another id with the same fingerprint: the caller
     * compares the id stored there.
     */
    long position(String id) {
        int slot = slotOf(of(id));
        return slot < 0 ? 0 : base + positions[slot];
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

    /** The slot holding {@code f}, or -1. */
    private int slotOf(long f) {
        int mask = slots.length - 1;
        for (int i = (int) f & mask; ; i = (i + 1) & mask) {
            if (slots[i] == f) {
                return i;
            }
            if (slots[i] == 0) {
                return -1;
            }
        }
    }

    private void insert(long f, int position) {
        int mask = slots.length - 1;
        int i = (int) f & mask;
        while (slots[i] != 0) {
            i = (i + 1) & mask;
        }
        slots[i] = f;
        positions[i] = position;
        size++;
    }

    private void grow() {
        long[] old = slots;
        int[] oldPositions = positions;
        slots = new long[old.length * 2];
        positions = new int[old.length * 2];
        size = 0;
        for (int i = 0; i < old.length; i++) {
            if (old[i] != 0) {
                insert(old[i], oldPositions[i]);
            }
        }
    }
}
