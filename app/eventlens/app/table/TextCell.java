package eventlens.app.table;

import java.util.function.Function;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;

/**
 * A table cell that shows a value as text in one format per column, right-aligned for numbers, and
 * offers the whole text as a tooltip when the column is too narrow to show it ({@link CutTextTip}).
 */
public final class TextCell<S, T> extends TableCell<S, T> {
    /** CSS class of right-aligned (numeric) cells. */
    public static final String NUMBER = "number-cell";
    private final Function<? super T, String> format;
    private final CutTextTip tip = new CutTextTip();

    private TextCell(Function<? super T, String> format, boolean number) {
        this.format = format;
        setTextOverrun(OverrunStyle.ELLIPSIS);
        setContentDisplay(ContentDisplay.TEXT_ONLY);
        if (number) {
            getStyleClass().add(NUMBER);
        }
    }

    /** Cells of a column show {@code format(value)}; the same text is measured by {@link ColumnFit}. */
    public static <S, T> void text(TableColumn<S, T> column, Function<? super T, String> format) {
        column.setCellFactory(c -> new TextCell<>(format, false));
        ColumnFit.formatOf(column, format);
    }

    /** Cells of a column show their value's text (a plain string column). */
    public static <S, T> void text(TableColumn<S, T> column) {
        text(column, String::valueOf);
    }

    /** A right-aligned count with thousands separators: 10,000,000. */
    public static <S, T extends Number> void number(TableColumn<S, T> column) {
        Function<T, String> format = n -> String.format("%,d", n.longValue());
        column.setCellFactory(c -> new TextCell<>(format, true));
        column.getStyleClass().add(NUMBER);
        ColumnFit.formatOf(column, format);
    }

    /** A right-aligned column whose values are already formatted (durations, sizes). */
    public static <S, T> void rightAligned(TableColumn<S, T> column, Function<? super T, String> format) {
        column.setCellFactory(c -> new TextCell<>(format, true));
        column.getStyleClass().add(NUMBER);
        ColumnFit.formatOf(column, format);
    }

    @Override
    protected void updateItem(T item, boolean empty) {
        super.updateItem(item, empty);
        // The tooltip follows in layoutChildren, which a changed text always reaches.
        setText(empty || item == null ? null : format.apply(item));
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        tip.update(this);
    }
}
