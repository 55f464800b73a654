package eventlens.app.table;

import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Orientation;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.util.Subscription;

/**
 * A table over a list of any length that holds a {@link RowWindow window} of it (decision 0048): up to
 * {@link #CAPACITY} rows the table shows the list itself and nothing changes; beyond, the table shows a
 * window of the rows, its own scroll bar is hidden and a scroll bar beside it spans the whole list. The
 * window is re-centred after a layout that brings the rows in view near one of its edges, and before a
 * jump outside it; the selection is kept as an index of the whole list, so that it survives a re-centre.
 * Home and End go to the ends of the whole list.
 */
public final class WindowedTable<T> extends BorderPane {
    /** Rows a window holds: a jump across them lays out in a few milliseconds. */
    public static final int CAPACITY = 100_000;
    static final String WINDOWED = "windowed";
    private static final String STYLESHEET = WindowedTable.class.getResource("windowed-table.css").toExternalForm();

    private final TableView<T> table;
    private final int capacity;
    private final ScrollBar scale = new ScrollBar();
    private final ReadOnlyLongWrapper selectedIndex = new ReadOnlyLongWrapper(-1);
    private final Runnable afterLayout = this::followLayout;
    private ObservableList<T> all = FXCollections.emptyObservableList();
    private RowWindow window = new RowWindow(0, 4);
    /** True while the window moves: the table's selection changes on the way are not the user's. */
    private boolean moving;
    /** True while the scale follows the table: its value changes are not the user's. */
    private boolean following;
    private Subscription scene;
    /** The table's flow once its skin made one (looked up once: this runs after every layout). */
    private VirtualFlow<?> flow;

    public WindowedTable(TableView<T> table) {
        this(table, CAPACITY);
    }

    /** As above with another window size (tests use small ones). */
    public WindowedTable(TableView<T> table, int capacity) {
        this.table = table;
        this.capacity = capacity;
        scale.setOrientation(Orientation.VERTICAL);
        scale.setUnitIncrement(1);
        scale.setVisible(false);
        scale.managedProperty().bind(scale.visibleProperty());
        scale.valueProperty().addListener((obs, old, now) -> {
            if (!following) {
                showAtTop(Math.round(now.doubleValue()));
            }
        });
        table.getSelectionModel().selectedIndexProperty().addListener((obs, old, row) -> {
            if (!moving) {
                selectedIndex.set(row.intValue() < 0 ? -1 : window.indexOf(row.intValue()));
            }
        });
        table.addEventFilter(KeyEvent.KEY_PRESSED, this::endKeys);
        scene = table.sceneProperty().subscribe((old, now) -> {
            if (old != null) {
                old.removePostLayoutPulseListener(afterLayout);
            }
            if (now != null) {
                now.addPostLayoutPulseListener(afterLayout);
            }
        });
        setCenter(table);
        setRight(scale);
    }

    /** Shows another list (a new query's rows); the selection is cleared. */
    public void setRows(ObservableList<T> rows) {
        all = rows == null ? FXCollections.emptyObservableList() : rows;
        window = new RowWindow(all.size(), capacity);
        boolean windowed = window.windowed();
        table.getStyleClass().remove(WINDOWED);
        if (windowed) {
            table.getStyleClass().add(WINDOWED);
        }
        scale.setVisible(windowed);
        following = true;
        scale.setValue(0);
        following = false;
        table.setItems(windowed ? new WindowRows<>(all, window) : all);
        selectedIndex.set(-1);
    }

    /** The selected index of the whole list, -1 when none. */
    public ReadOnlyLongProperty selectedIndexProperty() {
        return selectedIndex.getReadOnlyProperty();
    }

    /** The window the table holds now. */
    RowWindow window() {
        return window;
    }

    /** Selects {@code index} of the whole list and scrolls it into view, moving the window when needed. */
    public void select(long index) {
        if (index < 0 || index >= window.count()) {
            return;
        }
        if (window.needsMoveFor(index)) {
            moveWindow(index);
        }
        int row = window.rowOf(index);
        table.getSelectionModel().clearAndSelect(row);
        table.scrollTo(row);
    }

    /** Scrolls {@code index} of the whole list to the top of the view (as {@link TableView#scrollTo(int)}). */
    public void scrollTo(long index) {
        showAtTop(Math.clamp(index, 0, Math.max(0, window.count() - 1)));
    }

    /** Redraws the rows in view (a page arrived), without making new ones ({@link VisibleRows}). */
    public void refresh() {
        VisibleRows.redraw(table);
    }

    /** Hides the table's own vertical scroll bar while it holds a window: the scale beside it stands for it. */
    @Override
    public String getUserAgentStylesheet() {
        return STYLESHEET;
    }

    /** Stops following the table's layout. */
    public void dispose() {
        scene.unsubscribe();
        if (table.getScene() != null) {
            table.getScene().removePostLayoutPulseListener(afterLayout);
        }
    }

    private void showAtTop(long index) {
        if (window.count() == 0) {
            return;
        }
        if (window.needsMoveFor(index)) {
            moveWindow(index);
        }
        table.scrollTo(window.rowOf(index));
    }

    private void endKeys(KeyEvent e) {
        if (!window.windowed() || e.isShiftDown() || e.isAltDown()) {
            return;
        }
        if (e.getCode() == KeyCode.HOME) {
            select(0);
            e.consume();
        } else if (e.getCode() == KeyCode.END) {
            select(window.count() - 1);
            e.consume();
        }
    }

    /** Centres the window on {@code index}, keeps the selection if it is still inside, and redraws. */
    private void moveWindow(long index) {
        moving = true;
        try {
            window.centreOn(index);
            long selected = selectedIndex.get();
            int row = selected < 0 ? -1 : window.rowOf(selected);
            if (row >= 0) {
                table.getSelectionModel().clearAndSelect(row);
            } else {
                table.getSelectionModel().clearSelection();
            }
            VisibleRows.redraw(table);
        } finally {
            moving = false;
        }
    }

    /**
     * After each layout: the scale follows the rows in view, and the window is re-centred on them when they
     * came near one of its edges (the same rows stay in view, to the pixel).
     */
    private void followLayout() {
        if (!window.windowed()) {
            return;
        }
        if (flow == null && table.lookup(".virtual-flow") instanceof VirtualFlow<?> found) {
            flow = found;
        }
        if (flow == null) {
            return;
        }
        IndexedCell<?> first = flow.getFirstVisibleCell();
        IndexedCell<?> last = flow.getLastVisibleCell();
        if (first == null || last == null || first.getIndex() < 0) {
            return;
        }
        int shown = last.getIndex() - first.getIndex() + 1;
        long firstIndex = window.indexOf(first.getIndex());
        following = true;
        long max = Math.max(0, window.count() - shown);
        scale.setMax(max);
        scale.setVisibleAmount(shown);
        scale.setBlockIncrement(Math.max(1, shown - 1));
        scale.setValue(Math.min(firstIndex, max));
        following = false;
        if (window.nearEdge(first.getIndex(), last.getIndex())) {
            double offset = first.getLayoutY();
            moveWindow(firstIndex + shown / 2);
            flow.scrollToTop(window.rowOf(firstIndex));
            flow.scrollPixels(-offset);
        }
    }
}
