package eventlens.app.replay;

import eventlens.model.Event;
import eventlens.replay.EventSource;
import java.util.Arrays;
import java.util.Iterator;

/** The log positions of the recorded events of a slice, in log order: the scrubber's scale. */
final class Slice {
    private final long[] positions;

    private Slice(long[] positions) {
        this.positions = positions;
    }

    static Slice of(EventSource source) {
        long[] p = new long[1024];
        int n = 0;
        for (Iterator<Event> it = source.open(); it.hasNext(); ) {
            if (n == p.length) {
                p = Arrays.copyOf(p, n * 2);
            }
            p[n++] = it.next().position();
        }
        return new Slice(Arrays.copyOf(p, n));
    }

    int size() {
        return positions.length;
    }

    long positionAt(int index) {
        return positions[index];
    }

    /** The index of the last event at or before {@code position}; -1 when none. */
    int indexOf(long position) {
        int i = Arrays.binarySearch(positions, position);
        return i >= 0 ? i : -i - 2;
    }
}
