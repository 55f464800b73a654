package eventlens.app.table;

/**
 * Which rows of a long list a table holds at a time (decision 0048). JavaFX's {@code VirtualFlow} walks its
 * per-row size cache up to the row it shows, so a table over ten million rows stalls for a second when it
 * jumps to the end; a table over a window of at most {@code capacity} rows stays fast. This is the mapping
 * between an index of the whole list and a row of the window, and when the window moves: it is re-centred
 * on the rows in view once they come within a quarter of the window of one of its edges (an edge that is
 * not the list's), or when a jump lands outside it. A list no longer than the capacity is one window.
 */
public final class RowWindow {
    private final long count;
    private final int size;
    private long start;

    /** A window over {@code count} rows holding at most {@code capacity} of them, starting at the first. */
    public RowWindow(long count, int capacity) {
        if (capacity < 4) {
            throw new IllegalArgumentException("a window holds at least 4 rows, not " + capacity);
        }
        this.count = Math.max(0, count);
        this.size = (int) Math.min(this.count, capacity);
    }

    /** Rows of the whole list. */
    public long count() {
        return count;
    }

    /** Rows the window holds: the table's item count. */
    public int size() {
        return size;
    }

    /** The index (in the whole list) of the window's first row. */
    public long start() {
        return start;
    }

    /** True when the list is longer than a window: the table then needs a scale of its own. */
    public boolean windowed() {
        return count > size;
    }

    /** The window's row showing {@code index} of the whole list, or -1 when the window does not hold it. */
    public int rowOf(long index) {
        return contains(index) ? (int) (index - start) : -1;
    }

    /** The index in the whole list of the window's {@code row}. */
    public long indexOf(int row) {
        return start + row;
    }

    /** True when the window holds {@code index} of the whole list. */
    public boolean contains(long index) {
        return index >= start && index < start + size;
    }

    /**
     * Moves the window so that {@code index} is in its middle (or as near as the list's ends allow);
     * true when it moved.
     */
    public boolean centreOn(long index) {
        long centred = Math.clamp(index - size / 2, 0, count - size);
        boolean moved = centred != start;
        start = centred;
        return moved;
    }

    /**
     * True when rows {@code firstRow..lastRow} of the window (those in view) are within a quarter of the
     * window of an edge that is not an end of the list: time to re-centre on them.
     */
    public boolean nearEdge(int firstRow, int lastRow) {
        int margin = size / 4;
        return start > 0 && firstRow < margin || start + size < count && lastRow >= size - margin;
    }

    /** True when a jump to {@code index} needs the window moved first: it is outside or near an edge. */
    public boolean needsMoveFor(long index) {
        return !contains(index) || nearEdge(rowOf(index), rowOf(index));
    }
}
