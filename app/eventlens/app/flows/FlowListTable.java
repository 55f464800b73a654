package eventlens.app.flows;

import eventlens.app.base.Styles;
import eventlens.app.table.ColumnFit;
import eventlens.app.table.ColumnsInTurn;
import eventlens.app.table.TextCell;
import eventlens.app.table.VisibleRows;
import eventlens.app.work.PagedRows;
import eventlens.model.flow.FlowSort;
import eventlens.model.flow.FlowSummary;
import eventlens.model.flow.FlowText;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.util.Subscription;

/**
 * The paged flow list; a click on a header sorts in the store (the rows are never sorted in memory).
 * Columns are sized to their content on first fill; counts are right-aligned; the empty list says which
 * filter matched nothing.
 */
final class FlowListTable extends TableView<FlowSummary> {
    static final double ROW = 24;
    /** Rows the list always has room for, however the dividers are dragged. */
    static final int MIN_ROWS = 8;
    /** Made-up rows of the warm-up: more than a tall screen shows. */
    private static final int WARM_ROWS = 40;
    private static final int WARM_STEP = 10;
    /** The warm-up's first row is made a column at a time. */
    private final ColumnsInTurn warmColumns = new ColumnsInTurn(this, getColumns());
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneOffset.UTC);
    private static final Function<String, Double> HEADER_TEXT = title -> {
        javafx.scene.text.Text t = new javafx.scene.text.Text(title);
        t.setFont(javafx.scene.text.Font.font(javafx.scene.text.Font.getDefault().getFamily(),
                javafx.scene.text.FontWeight.BOLD, Math.max(13, javafx.scene.text.Font.getDefault().getSize())));
        return t.getLayoutBounds().getWidth();
    };
    private final Subscription redraw;
    private final javafx.beans.value.ObservableValue<? extends javafx.collections.ObservableList<FlowSummary>> rows;
    private final Subscription requested;
    private final Label empty = new Label();
    /** Columns are fitted to the first page of flows, then keep the user's widths until a list is empty. */
    private boolean fitted;

    FlowListTable(FlowListViewModel model) {
        setId("flows-table");
        getStyleClass().add(Styles.FLOWS_TABLE);
        setFixedCellSize(ROW);
        empty.setId("flows-empty");
        empty.setWrapText(true);
        empty.textProperty().bind(model.emptyTextProperty());
        setPlaceholder(empty);
        TableColumn<FlowSummary, String> correlation = column("Correlation", FlowSort.CORRELATION,
                FlowSummary::correlationId);
        TextCell.text(correlation);
        TableColumn<FlowSummary, String> rootType = column("Root type", FlowSort.ROOT_TYPE,
                s -> s.rootType() == null ? "" : s.rootType());
        TextCell.text(rootType);
        TableColumn<FlowSummary, Long> events = column("Events", FlowSort.EVENTS, FlowSummary::events);
        TextCell.number(events);
        TableColumn<FlowSummary, Instant> start = column("Start (UTC)", FlowSort.START, FlowSummary::start);
        TextCell.text(start, TIME::format);
        TableColumn<FlowSummary, Duration> duration = column("Duration", FlowSort.DURATION, FlowSummary::duration);
        TextCell.rightAligned(duration, d -> FlowText.duration(d.toNanos() / 1_000));
        TableColumn<FlowSummary, Integer> depth = column("Depth", FlowSort.DEPTH, FlowSummary::depth);
        TextCell.number(depth);
        TableColumn<FlowSummary, Integer> anomalies = column("Anomalies", FlowSort.ANOMALIES, FlowSummary::anomalies);
        TextCell.rightAligned(anomalies, n -> n == 0 ? "" : "⚠ " + String.format("%,d", n));
        TableColumn<FlowSummary, Integer> failures = column("Failures", FlowSort.FAILURES, FlowSummary::failures);
        TextCell.rightAligned(failures, n -> n == 0 ? "" : "✗ " + String.format("%,d", n));
        getColumns().setAll(java.util.List.of(correlation, rootType, events, start, duration, depth, anomalies, failures));
        // Each column keeps the width that fits its content; extra room stays empty rather than stretching
        // one column, and a narrow window scrolls sideways instead of cutting every header.
        setColumnResizePolicy(UNCONSTRAINED_RESIZE_POLICY);
        setSortPolicy(table -> {
            if (getSortOrder().isEmpty()) {
                model.sort(FlowSort.START, false);
            } else {
                TableColumn<FlowSummary, ?> first = getSortOrder().get(0);
                model.sort((FlowSort) first.getUserData(), first.getSortType() == TableColumn.SortType.DESCENDING);
            }
            return true;
        });
        rows = model.rowsProperty();
        itemsProperty().bind(rows);
        itemsProperty().addListener((obs, old, now) -> fitOnFirstPage());
        getSelectionModel().selectedIndexProperty().addListener((obs, old, index) -> model.selectRow(index.intValue()));
        requested = model.requestedRowProperty().subscribe(row -> {
            if (row.intValue() >= 0 && getSelectionModel().getSelectedIndex() != row.intValue()) {
                getSelectionModel().clearAndSelect(row.intValue());
                scrollTo(Math.max(0, row.intValue() - 2));
            }
        });
        redraw = model.pagesLoadedProperty().subscribe(pages -> {
            fitOnFirstPage();
            VisibleRows.redraw(this);
        });
    }

    /**
     * Sizes the columns to the first rows once they are loaded. {@link ColumnFit#onFirstFill} cannot see
     * this: a paged list does not change when a page arrives, it only stops returning {@code null}.
     */
    private void fitOnFirstPage() {
        if (!(getItems() instanceof PagedRows<FlowSummary> rows)) {
            return;
        }
        if (rows.isEmpty()) {
            fitted = false;
        } else if (!fitted && rows.peek(0) != null) {
            fitted = true;
            ColumnFit.fit(this);
        }
    }

    /**
     * Creates and styles a screenful of rows with made-up flows until {@link #endWarmUp()}: the first page of
     * real flows then fills cells that exist (creating them took most of the Flows view's first showing,
     * 90–140 ms). For the window's warm-up, while the list is still empty, a task a step: the first row a column at a
     * time ({@link ColumnsInTurn}: two rows in one task held the FX thread 56–132 ms in the window's first seconds),
     * then the rest {@value #WARM_STEP} rows a step (the forty in one task held it 100–200 ms, 2026-12-03).
     */
    java.util.List<Runnable> warmUp() {
        javafx.collections.ObservableList<FlowSummary> sample = javafx.collections.FXCollections.observableArrayList();
        java.util.List<Runnable> steps = new java.util.ArrayList<>();
        steps.add(() -> {
            if (getItems() == null || getItems().isEmpty()) {
                itemsProperty().unbind();
                setItems(sample);
            }
        });
        steps.addAll(warmColumns.steps(() -> sample.add(warmRow(0)), () -> getItems() == sample));
        for (int from = 1; from < WARM_ROWS; from += WARM_STEP) {
            int first = from;
            steps.add(() -> {
                if (getItems() != sample) {
                    return; // given back, or never taken
                }
                for (int i = first; i < Math.min(WARM_ROWS, first + WARM_STEP); i++) {
                    sample.add(warmRow(i));
                }
                applyCss();
                layout();
            });
        }
        return steps;
    }

    private static FlowSummary warmRow(int i) {
        return new FlowSummary("warm-up-" + i, "warm.up", 10_000L + i, Instant.EPOCH.plusSeconds(i),
                Duration.ofMillis(1_500 + i), 3, i % 3, i % 2);
    }

    /** Shows every column the warm-up hid. */
    void showEveryColumn() {
        warmColumns.showAll();
    }

    /** Gives the list back to its view model after {@link #warmUp()}, every column shown. */
    void endWarmUp() {
        showEveryColumn();
        if (!itemsProperty().isBound()) {
            itemsProperty().bind(rows);
        }
    }

    /** Header, {@link #MIN_ROWS} rows and a horizontal scroll bar. */
    static double minHeight() {
        return 30 + MIN_ROWS * ROW + 16;
    }

    private static <T> TableColumn<FlowSummary, T> column(String title, FlowSort sort, Function<FlowSummary, T> value) {
        TableColumn<FlowSummary, T> c = new TableColumn<>(title);
        c.setUserData(sort);
        // At least the bold header and a sort arrow, so that fitting to narrow content never cuts a header.
        c.setMinWidth(Math.ceil(HEADER_TEXT.apply(title)) + 36);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(
                cell.getValue() == null ? null : value.apply(cell.getValue())));
        return c;
    }

    void dispose() {
        redraw.unsubscribe();
        requested.unsubscribe();
        itemsProperty().unbind();
        empty.textProperty().unbind();
    }
}
