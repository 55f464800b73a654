package eventlens.app.replay;

import eventlens.replay.EventSource;
import java.util.Arrays;

/** The log positions of the recorded events of a slice, in log order: the scrubber's scale. */
final class Slice {
    private final long[] positions;

    private Slice(long[] positions) {
        this.positions = positions;
    }

    static Slice of(EventSource source) {
        return new Slice(source.positions());
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
