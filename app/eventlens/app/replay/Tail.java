package eventlens.app.replay;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The last {@code cap} items added and how many were added in all; not thread-safe. */
final class Tail<T> {
    private final int cap;
    private final ArrayDeque<T> items = new ArrayDeque<>();
    private long added;

    Tail(int cap) {
        if (cap < 1) {
            throw new IllegalArgumentException("cap must be positive: " + cap);
        }
        this.cap = cap;
    }

    void add(T item) {
        if (items.size() == cap) {
            items.pollFirst();
        }
        items.addLast(item);
        added++;
    }

    void addAll(Collection<? extends T> all) {
        all.forEach(this::add);
    }

    /** The items kept, oldest first. */
    List<T> items() {
        return new ArrayList<>(items);
    }

    /** How many were added, those dropped included. */
    long added() {
        return added;
    }
}
