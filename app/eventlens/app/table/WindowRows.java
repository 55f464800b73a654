package eventlens.app.table;

import eventlens.app.work.LoadingRows;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.collections.ObservableList;
import javafx.collections.ObservableListBase;

/**
 * The rows of a {@link RowWindow} over a long list: what the table holds. When the window moves its rows
 * change without a list change, as a paged list's do when a page arrives, and the rows in view are redrawn
 * ({@link VisibleRows}): a replace of the whole window would make the selection model search it.
 */
final class WindowRows<T> extends ObservableListBase<T> implements LoadingRows<T> {
    private final ObservableList<T> all;
    private final RowWindow window;
    private final ReadOnlyLongWrapper noPages = new ReadOnlyLongWrapper();

    WindowRows(ObservableList<T> all, RowWindow window) {
        this.all = all;
        this.window = window;
    }

    @Override
    public T get(int row) {
        if (row < 0 || row >= window.size()) {
            throw new IndexOutOfBoundsException(row);
        }
        return all.get((int) window.indexOf(row));
    }

    @Override
    public int size() {
        return window.size();
    }

    @Override
    public T peek(int row) {
        if (row < 0 || row >= window.size()) {
            return null;
        }
        int index = (int) window.indexOf(row);
        return all instanceof LoadingRows<T> loading ? loading.peek(index) : all.get(index);
    }

    @Override
    public ReadOnlyLongProperty pagesLoadedProperty() {
        return all instanceof LoadingRows<T> loading ? loading.pagesLoadedProperty() : noPages.getReadOnlyProperty();
    }

    /** Searches the whole list as it does (a paged list: its pages in memory), and answers within the window. */
    @Override
    public int indexOf(Object o) {
        int index = all.indexOf(o);
        return index < 0 ? -1 : window.rowOf(index);
    }

    @Override
    public int lastIndexOf(Object o) {
        return indexOf(o);
    }

    @Override
    public boolean contains(Object o) {
        return indexOf(o) >= 0;
    }
}
