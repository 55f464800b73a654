package eventlens.app.events;

import eventlens.app.base.Styles;
import eventlens.app.table.ColumnFit;
import eventlens.app.table.TextCell;
import eventlens.app.table.WindowedTable;
import eventlens.model.Event;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;

/** The event table with its filter bar, and the detail pane of the selected event. */
public final class EventsView extends BorderPane {
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** Rows made before the window shows: more than its table shows at the window's first size. */
    private static final int ROWS_AHEAD = 40;
    private final EventsViewModel model;
    private final TextField filter = new TextField();
    private final TableView<Event> table = new TableView<>();
    private final WindowedTable<Event> rows = new WindowedTable<>(table);
    private final EventDetailView detail;
    private final ErrorMark errorMark;
    private Subscription redraw = Subscription.EMPTY;
    private Subscription requested = Subscription.EMPTY;
    private Subscription shown = Subscription.EMPTY;

    public EventsView(EventsViewModel model) {
        this.model = model;
        filter.getStyleClass().add(Styles.FILTER_FIELD);
        filter.setId("filter");
        filter.setPromptText("Filter: type:payment.* AND is:failed after:-1d  causedby:ID  \"text\"  @saved  (Enter)");
        filter.textProperty().bindBidirectional(model.filterTextProperty());
        QueryField.install(filter, model.assist(), model::applyFilter);
        Label error = new Label();
        error.getStyleClass().add(Styles.FILTER_ERROR);
        error.setId("filter-error");
        error.textProperty().bind(model.filterErrorProperty());
        error.visibleProperty().bind(model.filterErrorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        Label summary = new Label();
        summary.getStyleClass().add(Styles.SUMMARY);
        summary.textProperty().bind(javafx.beans.binding.Bindings.concat(model.summaryProperty(),
                javafx.beans.binding.Bindings.when(model.textIndexStateProperty().isEmpty()).then("")
                        .otherwise(javafx.beans.binding.Bindings.concat(" · ", model.textIndexStateProperty()))));
        errorMark = new ErrorMark(filter, model.filterErrorColumnProperty(), model.filterErrorLengthProperty());
        StackPane field = new StackPane(filter, errorMark);
        HBox bar = new HBox(8, field, summary);
        HBox.setHgrow(field, Priority.ALWAYS);
        // A long summary (a query the store cannot answer says why, in full, in the table) is cut, never the field.
        summary.maxWidthProperty().bind(bar.widthProperty().multiply(0.4));
        summary.setMinWidth(0);
        VBox top = new VBox(4, bar, error);
        top.getStyleClass().add(Styles.FILTER_BAR);

        buildTable();
        detail = new EventDetailView(model.detail());
        SplitPane split = new SplitPane(rows, detail);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.68);
        SplitPane.setResizableWithParent(detail, false);
        setTop(top);
        setCenter(split);
    }

    /**
     * Makes the table's rows once with made-up events, then empties it again: called before the window first shows
     * (decision 0080), so that a project's first page fills rows that exist. Making them in that page's frame held
     * the FX thread 118–193 ms in the window's first seconds (the rows' and cells' skins and styles, in code the JIT
     * has not compiled yet); with the rows made ahead that frame's worst stall was 44–78 ms in five runs of six
     * (2026-12-03). Nothing made up is ever drawn. Does nothing once the table has rows.
     */
    public void makeRowsAhead() {
        if (getScene() == null || table.getItems() != null && !table.getItems().isEmpty()) {
            return;
        }
        javafx.collections.ObservableList<Event> before = table.getItems();
        javafx.collections.ObservableList<Event> madeUp = javafx.collections.FXCollections.observableArrayList();
        for (int i = 0; i < ROWS_AHEAD; i++) {
            madeUp.add(new Event(i + 1, "ahead-" + i, "made.up", "warm-up", Instant.EPOCH.plusMillis(i), "order",
                    "order-" + i, (long) i, "corr-" + i, null, "{}", null, "{}", null));
        }
        table.setItems(madeUp);
        getScene().getRoot().applyCss();
        getScene().getRoot().layout();
        table.setItems(before);
    }

    /** Puts the histogram of events over time under the table and detail. */
    public void setTimeHistogram(javafx.scene.Node histogram) {
        setBottom(histogram);
    }

    /** While no project is open, the table shows {@code start} (the ways to open one) instead of its empty text. */
    public void showWhenNoProject(javafx.scene.Node start, javafx.beans.value.ObservableBooleanValue hasProject) {
        javafx.scene.Node empty = table.getPlaceholder();
        table.placeholderProperty().bind(javafx.beans.binding.Bindings.when(hasProject).then(empty).otherwise(start));
    }

    private void buildTable() {
        table.setId("events-table");
        table.setFixedCellSize(26);
        Label placeholder = new Label();
        placeholder.setId("events-empty");
        placeholder.setWrapText(true);
        placeholder.textProperty().bind(model.emptyTextProperty());
        table.setPlaceholder(placeholder);
        TableColumn<Event, Long> position = new TableColumn<>("#");
        position.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(
                cell.getValue() == null ? null : cell.getValue().position()));
        position.setSortable(false);
        TextCell.number(position);
        // Positions up to ten million stay readable whatever the first page held.
        ColumnFit.atLeast(position, "10,000,000");
        TableColumn<Event, Instant> time = new TableColumn<>("Time");
        time.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue() == null ? null : cell.getValue().time()));
        time.setSortable(false);
        TextCell.text(time, MILLIS::format);
        ColumnFit.atLeast(time, "2024-01-15T09:00:00.000Z");
        table.getColumns().add(position);
        table.getColumns().add(time);
        table.getColumns().add(column("Type", Event::type));
        table.getColumns().add(column("Source", Event::source));
        table.getColumns().add(column("Aggregate", EventsView::aggregate));
        table.getColumns().add(column("Correlation", Event::correlationId));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        ColumnFit.onFirstFill(table);
        rows.setId("events-rows");
        shown = model.rowsProperty().subscribe(rows::setRows);
        rows.selectedIndexProperty().addListener((obs, old, index) -> model.select(index.intValue()));
        requested = model.requestedRowProperty().subscribe(row -> {
            if (row.intValue() >= 0) {
                rows.select(row.intValue());
            }
        });
        javafx.scene.control.MenuItem showFlow = new javafx.scene.control.MenuItem("Show flow");
        showFlow.setId("show-flow");
        showFlow.setOnAction(e -> model.showFlowOfSelected());
        showFlow.disableProperty().bind(model.selectedProperty().isNull());
        javafx.scene.control.MenuItem cursor = new javafx.scene.control.MenuItem("Set time cursor here");
        cursor.setId("set-time-cursor");
        cursor.setOnAction(e -> model.setTimeCursorToSelected());
        cursor.disableProperty().bind(model.selectedProperty().isNull());
        table.setContextMenu(new javafx.scene.control.ContextMenu(showFlow, cursor));
        redraw = model.pagesLoadedProperty().subscribe(pages -> rows.refresh());
    }

    private static String aggregate(Event e) {
        if (e.aggregateId() == null) {
            return "";
        }
        return e.version() == null ? e.aggregateId() : e.aggregateId() + " v" + e.version();
    }

    /** A text column; a row whose page is still loading shows "…". */
    private static TableColumn<Event, String> column(String title, Function<Event, String> value) {
        TableColumn<Event, String> c = new TableColumn<>(title);
        c.setPrefWidth(120);
        c.setSortable(false);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(
                cell.getValue() == null ? "…" : nullToEmpty(value.apply(cell.getValue()))));
        TextCell.text(c);
        return c;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    public void focusFilter() {
        filter.requestFocus();
        filter.selectAll();
    }

    /** Removes the listeners this view put on its long-lived view model. */
    public void dispose() {
        redraw.unsubscribe();
        requested.unsubscribe();
        shown.unsubscribe();
        rows.dispose();
        errorMark.dispose();
        detail.dispose();
        filter.textProperty().unbindBidirectional(model.filterTextProperty());
    }
}
