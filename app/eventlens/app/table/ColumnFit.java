package eventlens.app.table;

import eventlens.app.base.Showing;
import eventlens.app.work.LoadingRows;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.InvalidationListener;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Sizes a table's columns to their content: the header and the widest text among the first rows, with a
 * cap, the first time the table has rows (and again whenever it is emptied and refilled, e.g. on opening
 * another project). Afterwards the user's widths are kept; columns stay resizable. Rows not yet loaded by
 * a paged list ({@code null}) are skipped, so sizing never reads from a store.
 *
 * <p>A column is never made narrower than its header, by fitting, by a constrained resize policy squeezing
 * the table, or by the user: a header cut to "Aggreg…" leaves the reader guessing, a cut cell has its
 * tooltip. Columns whose every value has the same width (times in one format, counts) can be given a
 * minimum that fits their widest value with {@link #atLeast}.
 *
 * <p>Fitting sets preferred widths, which a constrained resize policy does not re-run for: fitted columns
 * wider in sum than such a table run past its right edge with no scroll bar to reach them. Fitted tables
 * therefore use {@code UNCONSTRAINED_RESIZE_POLICY}: the columns keep their widths and a horizontal scroll
 * bar appears when the table is narrower than them.
 *
 * <p>A column's text is what its cells show: the {@link TextCell} format where the column has one, its cell
 * value's {@code toString()} otherwise.
 */
public final class ColumnFit {
    /** No column is made wider than this by fitting; the user may drag it wider. */
    public static final double MAX_WIDTH = 420;
    /**
     * Rows looked at when fitting: a first screen at 1440 px, and cheap enough that fitting the tables an
     * import refreshes stays a few milliseconds of the FX thread.
     */
    static final int SAMPLE_ROWS = 60;
    private static final double CELL_PADDING = 20;
    private static final double HEADER_PADDING = 30;
    private static final String FORMAT_KEY = "eventlens.columnFit.format";
    private static final String FITTED_KEY = "eventlens.columnFit.fitted";
    private static final String WAITING_KEY = "eventlens.columnFit.waitingToShow";

    private ColumnFit() {
    }

    /** Fits the columns of a table now and every time its rows go from none to some; headers always fit. */
    public static <S> void onFirstFill(TableView<S> table) {
        // All columns, hidden ones too: the user may show them from the table menu.
        for (TableColumn<S, ?> column : table.getColumns()) {
            atLeast(column, headerWidth(column.getText()));
        }
        ListChangeListener<S> onChange = change -> fitIfNewlyFilled(table);
        // An invalidation listener with the list remembered by hand: a change listener would miss the swap of
        // one empty list for another, since lists compare by content.
        List<ObservableList<S>> watched = new ArrayList<>(1);
        // A paged list fills its rows without a list change: its page count says when rows arrive.
        InvalidationListener onPage = obs -> fitIfNewlyFilled(table);
        InvalidationListener follow = obs -> {
            watched.forEach(list -> {
                list.removeListener(onChange);
                if (list instanceof LoadingRows<S> paged) {
                    paged.pagesLoadedProperty().removeListener(onPage);
                }
            });
            watched.clear();
            ObservableList<S> now = table.getItems();
            if (now != null) {
                now.addListener(onChange);
                if (now instanceof LoadingRows<S> paged) {
                    paged.pagesLoadedProperty().addListener(onPage);
                }
                watched.add(now);
            }
            table.getProperties().remove(FITTED_KEY);
            fitIfNewlyFilled(table);
        };
        table.itemsProperty().addListener(follow);
        follow.invalidated(table.itemsProperty());
    }

    private static <S> void fitIfNewlyFilled(TableView<S> table) {
        ObservableList<S> items = table.getItems();
        boolean empty = items == null || items.isEmpty() || firstLoaded(items) < 0;
        if (empty) {
            table.getProperties().remove(FITTED_KEY);
        } else if (!table.getProperties().containsKey(FITTED_KEY)) {
            if (!Showing.now(table)) {
                // A table of a view not shown: fit it when it is shown. After an import every view
                // reloads, and fitting the hidden ones too made the refresh one long stall.
                whenShown(table);
                return;
            }
            table.getProperties().put(FITTED_KEY, Boolean.TRUE);
            fit(table);
        }
    }

    private static <S> void whenShown(TableView<S> table) {
        if (table.getProperties().containsKey(WAITING_KEY)) {
            return;
        }
        table.getProperties().put(WAITING_KEY, Boolean.TRUE);
        Showing.whenShown(table, () -> {
            table.getProperties().remove(WAITING_KEY);
            fitIfNewlyFilled(table);
        });
    }

    /** A row if it is loaded; never asks a paged list to load one. */
    private static <S> S loaded(ObservableList<S> items, int i) {
        return items instanceof LoadingRows<S> paged ? paged.peek(i) : items.get(i);
    }

    private static int firstLoaded(ObservableList<?> items) {
        int n = Math.min(items.size(), SAMPLE_ROWS);
        for (int i = 0; i < n; i++) {
            if (loaded(items, i) != null) {
                return i;
            }
        }
        return -1;
    }

    /** Sets every leaf column's width to its header or its widest sampled text, whichever is wider, capped. */
    public static <S> void fit(TableView<S> table) {
        Text measure = new Text();
        measure.setFont(tableFont());
        ObservableList<S> items = table.getItems();
        int rows = items == null ? 0 : Math.min(items.size(), SAMPLE_ROWS);
        for (TableColumn<S, ?> column : table.getVisibleLeafColumns()) {
            double headerWidth = headerWidth(column.getText());
            atLeast(column, headerWidth);
            double width = headerWidth;
            for (int i = 0; i < rows; i++) {
                if (loaded(items, i) != null) {
                    width = Math.max(width, widthOf(measure, textOf(column, i)) + CELL_PADDING);
                }
            }
            double min = Math.max(column.getMinWidth(), Math.min(width, MAX_WIDTH));
            column.setPrefWidth(Math.min(min, column.getMaxWidth()));
        }
    }

    /**
     * Keeps a column at least as wide as {@code widest} shown in a cell, e.g. {@code "10,000,000"} for a
     * count or a sample time for a time column, so that such values are never cut.
     */
    public static void atLeast(TableColumn<?, ?> column, String widest) {
        Text measure = new Text();
        measure.setFont(tableFont());
        atLeast(column, widthOf(measure, widest) + CELL_PADDING);
    }

    private static void atLeast(TableColumn<?, ?> column, double width) {
        if (column.getMinWidth() < width) {
            column.setMinWidth(Math.min(width, MAX_WIDTH));
        }
        if (column.getPrefWidth() < column.getMinWidth()) {
            column.setPrefWidth(column.getMinWidth());
        }
    }

    private static double headerWidth(String header) {
        Text measure = new Text();
        Font f = tableFont();
        // Headers are bold in eventlens.css; the padding is the header label's insets and a little air.
        measure.setFont(Font.font(f.getFamily(), javafx.scene.text.FontWeight.BOLD, f.getSize()));
        return header == null || header.isEmpty() ? 0 : widthOf(measure, header) + HEADER_PADDING;
    }

    private static Font tableFont() {
        // Cells take the default family at the stylesheet's size (13 px in eventlens.css).
        Font f = Font.getDefault();
        return Font.font(f.getFamily(), Math.max(13, f.getSize()));
    }

    private static double widthOf(Text measure, String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        measure.setText(text.length() > 200 ? text.substring(0, 200) : text);
        return Math.ceil(measure.getLayoutBounds().getWidth());
    }

    @SuppressWarnings("unchecked")
    private static <S> String textOf(TableColumn<S, ?> column, int row) {
        var value = column.getCellObservableValue(row);
        Object v = value == null ? null : value.getValue();
        Function<Object, String> format = (Function<Object, String>) column.getProperties().get(FORMAT_KEY);
        if (format != null) {
            return v == null ? "" : format.apply(v);
        }
        return v == null ? "" : v.toString();
    }

    /**
     * Marks a column that draws its values instead of writing them (a sparkline): fitting gives it its
     * header's width, up to its maximum, and never turns its values into text. A record's first
     * {@code toString()} alone took 0.6 s on the FX thread, making its class at run time.
     */
    public static void drawn(TableColumn<?, ?> column) {
        formatOf(column, value -> "");
    }

    /** Records how a column shows its values, so that fitting measures the same text. */
    static void formatOf(TableColumn<?, ?> column, Function<?, String> format) {
        column.getProperties().put(FORMAT_KEY, format);
    }
}
