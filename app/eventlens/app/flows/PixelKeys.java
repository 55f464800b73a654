package eventlens.app.flows;

/**
 * A set of {@code long} keys without boxing, for the timeline painter's "already drawn on these pixels"
 * checks: a {@code HashSet<Long>} of a 100,000-event flow cost a third of a paint. Open addressing with
 * linear probing; it grows at half full.
 */
final class PixelKeys {
    private long[] keys = new long[1024];
    private boolean[] used = new boolean[1024];
    private int size;

    /** Adds the key; false when it was already there. */
    boolean add(long key) {
        if (size * 2 >= keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int i = slot(key, mask);
        while (used[i]) {
            if (keys[i] == key) {
                return false;
            }
            i = (i + 1) & mask;
        }
        used[i] = true;
        keys[i] = key;
        size++;
        return true;
    }

    int size() {
        return size;
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    private void grow() {
        long[] oldKeys = keys;
        boolean[] oldUsed = used;
        keys = new long[oldKeys.length * 2];
        used = new boolean[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldUsed[i]) {
                add(oldKeys[i]);
            }
        }
    }
}
