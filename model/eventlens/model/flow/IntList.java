package eventlens.model.flow;

import java.util.AbstractList;
import java.util.RandomAccess;

/** An unmodifiable list view over an int array owned by the caller (who never changes it). */
final class IntList extends AbstractList<Integer> implements RandomAccess {
    private final int[] values;

    IntList(int[] values) {
        this.values = values;
    }

    @Override
    public Integer get(int index) {
        return values[index];
    }

    @Override
    public int size() {
        return values.length;
    }
}
