package eventlens.app.work;

import javafx.beans.property.ReadOnlyLongProperty;
import javafx.collections.ObservableList;

/**
 * A list whose rows may still be loading ({@link PagedRows}, or a window over one): what is drawn from its
 * rows (column widths) looks without loading and waits for pages to arrive.
 */
public interface LoadingRows<T> extends ObservableList<T> {
    /** The row if it is in memory, without loading anything; null otherwise. */
    T peek(int index);

    /** Counts the pages loaded (on the FX thread); rows change without a list change when it does. */
    ReadOnlyLongProperty pagesLoadedProperty();
}
