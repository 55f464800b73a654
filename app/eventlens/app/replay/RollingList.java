package eventlens.app.replay;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.ObservableListBase;

/**
 * An observable list that keeps the last {@code cap} rows appended, in a ring: appending a batch drops
 * the oldest rows and adds the new ones as one change (a range removed at the front, a range added at
 * the end), whatever the sizes. An {@code ObservableList} from {@code FXCollections} did the same with
 * either a replacement of every row (each visible table cell laid out anew) or one removal per row
 * (quadratic); at a full-speed replay either took the FX thread for 100–300 ms.
 */
final class RollingList<T> extends ObservableListBase<T> {
    private final Object[] ring;
    private int start;
    private int size;

    RollingList(int cap) {
        if (cap < 1) {
            throw new IllegalArgumentException("cap must be positive: " + cap);
        }
        ring = new Object[cap];
    }

    @Override
    @SuppressWarnings("unchecked")
    public T get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index + " of " + size);
        }
        return (T) ring[(start + index) % ring.length];
    }

    @Override
    public int size() {
        return size;
    }

    /** Appends the rows, dropping the oldest beyond the cap; one change event. */
    void append(List<? extends T> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<? extends T> tail = rows.size() > ring.length ? rows.subList(rows.size() - ring.length, rows.size()) : rows;
        int dropped = Math.max(0, size + tail.size() - ring.length);
        beginChange();
        try {
            if (dropped > 0) {
                List<T> removed = new ArrayList<>(dropped);
                for (int i = 0; i < dropped; i++) {
                    removed.add(get(i));
                    ring[(start + i) % ring.length] = null;
                }
                start = (start + dropped) % ring.length;
                size -= dropped;
                nextRemove(0, removed);
            }
            int from = size;
            for (T row : tail) {
                ring[(start + size) % ring.length] = row;
                size++;
            }
            nextAdd(from, size);
        } finally {
            endChange();
        }
    }

    /** Removes every row; one change event. */
    @Override
    public void clear() {
        if (size == 0) {
            return;
        }
        List<T> removed = new ArrayList<>(this);
        java.util.Arrays.fill(ring, null);
        start = 0;
        size = 0;
        beginChange();
        try {
            nextRemove(0, removed);
        } finally {
            endChange();
        }
    }
}
