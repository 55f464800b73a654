package eventlens.replay;

import java.util.ArrayList;
import java.util.List;

/**
 * The first {@link RunOutputs#KEPT} items of a run's output, and how many there were in all: a handler that logs on
 * every one of ten million events must not take the heap. The run's summary reports the full counts, and
 * what is printed or stored says when only the first ones were kept.
 */
final class KeptList<T> {
    private final List<T> items = new ArrayList<>();
    private long count;

    void add(T item) {
        count++;
        if (items.size() < RunOutputs.KEPT) {
            items.add(item);
        }
    }

    long count() {
        return count;
    }

    List<T> items() {
        return items;
    }
}
