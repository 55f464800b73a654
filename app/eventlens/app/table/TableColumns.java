package eventlens.app.table;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableColumn;

/**
 * The two column shapes of every table: text (tooltip when cut) and right-aligned counts, sized by
 * {@link ColumnFit}. A row not loaded yet ({@code null}) and a missing value show as an empty cell.
 */
public final class TableColumns {
    private TableColumns() {
    }

    /** A text column; {@code sortable} only for tables whose rows are all in memory. */
    public static <T> TableColumn<T, String> text(String title, Function<T, String> value, boolean sortable) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue() == null ? null
                : value.apply(cell.getValue())));
        c.setSortable(sortable);
        TextCell.text(c);
        return c;
    }

    /** A right-aligned count with thousands separators. */
    public static <T> TableColumn<T, Long> number(String title, Function<T, Long> value, boolean sortable) {
        TableColumn<T, Long> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue() == null ? null
                : value.apply(cell.getValue())));
        c.setSortable(sortable);
        TextCell.number(c);
        return c;
    }
}
