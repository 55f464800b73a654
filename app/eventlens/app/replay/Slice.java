package eventlens.app.replay;

import eventlens.model.query.EventQuery;
import eventlens.model.store.ProjectStore;
import eventlens.replay.EventSource;
import java.util.Arrays;

/**
 * The log positions of the recorded events of a slice, in log order: the scrubber's scale. The whole log
 * of a project is a range of positions and needs no array (ten million positions would be 80 MB, and
 * reading them 15 s); a filtered slice reads its positions once, not its events.
 */
final class Slice {
    /** The positions; null when the slice is the range {@code [first, first + size)}. */
    private final long[] positions;
    private final long first;
    private final int size;

    private Slice(long[] positions, long first, int size) {
        this.positions = positions;
        this.first = first;
        this.size = size;
    }

    static Slice of(long[] positions) {
        return new Slice(positions, 0, positions.length);
    }

    /** The slice of a project's events that {@code query} selects. */
    static Slice of(ProjectStore store, EventQuery query) {
        if (query.isAll()) {
            long[] span = store.positionSpan();
            return new Slice(null, span[0], span[1] == 0 ? 0 : Math.toIntExact(span[1] - span[0] + 1));
        }
        return of(EventSource.of(store, query).positions());
    }

    int size() {
        return size;
    }

    long positionAt(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index + " of " + size);
        }
        return positions == null ? first + index : positions[index];
    }

    /** The index of the last event at or before {@code position}; -1 when none. */
    int indexOf(long position) {
        if (positions == null) {
            return (int) Math.max(-1, Math.min(size - 1L, position - first));
        }
        int i = Arrays.binarySearch(positions, position);
        return i >= 0 ? i : -i - 2;
    }
}
