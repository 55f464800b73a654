package eventlens.app.flows;

import java.util.Arrays;

/**
 * What the timeline painter draws of a big flow: one shape per pixel bucket instead of one per event. A
 * bucket is a {@code long} key (lane, pixel column, look…); each keeps the widest extent offered to it and
 * the event that had it, which the painter draws (and labels) for the whole bucket. A 100,000-event flow
 * fitted into 1,000 pixels then draws a few thousand shapes, not 100,000 the renderer has to rasterise
 * (300 ms in the software pipeline). Open addressing without boxing; it grows at half full.
 */
final class PixelKeys {
    private long[] keys = new long[1024];
    private double[] extents = new double[1024];
    private int[] nodes = new int[1024];
    private boolean[] used = new boolean[1024];
    private int size;

    /** Offers an event to a bucket: it becomes the bucket's event when its extent is the widest so far. */
    void offer(long key, double extent, int node) {
        int i = slotFor(key);
        if (!used[i]) {
            used[i] = true;
            keys[i] = key;
            extents[i] = extent;
            nodes[i] = node;
            size++;
            if (size * 2 >= keys.length) {
                grow();
            }
        } else if (extent > extents[i]) {
            extents[i] = extent;
            nodes[i] = node;
        }
    }

    int size() {
        return size;
    }

    /** The keys of every bucket, ascending. */
    long[] sortedKeys() {
        long[] out = new long[size];
        int n = 0;
        for (int i = 0; i < keys.length; i++) {
            if (used[i]) {
                out[n++] = keys[i];
            }
        }
        Arrays.sort(out);
        return out;
    }

    /** The widest extent offered to a bucket (NaN when there is no such bucket). */
    double extent(long key) {
        int i = slotFor(key);
        return used[i] ? extents[i] : Double.NaN;
    }

    /** The event with the widest extent in a bucket (-1 when there is no such bucket). */
    int node(long key) {
        int i = slotFor(key);
        return used[i] ? nodes[i] : -1;
    }

    private int slotFor(long key) {
        int mask = keys.length - 1;
        long h = key * 0x9E3779B97F4A7C15L;
        int i = (int) (h ^ (h >>> 32)) & mask;
        while (used[i] && keys[i] != key) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private void grow() {
        long[] oldKeys = keys;
        double[] oldExtents = extents;
        int[] oldNodes = nodes;
        boolean[] oldUsed = used;
        int capacity = oldKeys.length * 2;
        keys = new long[capacity];
        extents = new double[capacity];
        nodes = new int[capacity];
        used = new boolean[capacity];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldUsed[i]) {
                int j = slotFor(oldKeys[i]);
                used[j] = true;
                keys[j] = oldKeys[i];
                extents[j] = oldExtents[i];
                nodes[j] = oldNodes[i];
            }
        }
    }
}
