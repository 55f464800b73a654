package eventlens.app.flows;

import eventlens.app.Styles;
import eventlens.model.flow.FlowSort;
import eventlens.model.flow.FlowSummary;
import eventlens.model.flow.FlowText;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.util.Subscription;

/** The paged flow list; a click on a header sorts in the store (the rows are never sorted in memory). */
final class FlowListTable extends TableView<FlowSummary> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneOffset.UTC);
    private final Subscription redraw;

    FlowListTable(FlowsViewModel model) {
        setId("flows-table");
        getStyleClass().add(Styles.FLOWS_TABLE);
        setFixedCellSize(24);
        setPlaceholder(new Label("No flows: events need a correlation id to form a listed flow."));
        getColumns().add(column("Correlation", 170, FlowSort.CORRELATION, FlowSummary::correlationId));
        getColumns().add(column("Root type", 150, FlowSort.ROOT_TYPE, s -> s.rootType() == null ? "" : s.rootType()));
        getColumns().add(column("Events", 70, FlowSort.EVENTS, s -> Long.toString(s.events())));
        getColumns().add(column("Start", 180, FlowSort.START, s -> s.start() == null ? "" : TIME.format(s.start())));
        getColumns().add(column("Duration", 90, FlowSort.DURATION,
                s -> FlowText.duration(s.duration().toNanos() / 1_000)));
        getColumns().add(column("Depth", 60, FlowSort.DEPTH, s -> Integer.toString(s.depth())));
        getColumns().add(column("Anomalies", 85, FlowSort.ANOMALIES, s -> s.anomalies() == 0 ? "" : "⚠ " + s.anomalies()));
        getColumns().add(column("Failures", 75, FlowSort.FAILURES, s -> s.failures() == 0 ? "" : "✗ " + s.failures()));
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        setSortPolicy(table -> {
            if (getSortOrder().isEmpty()) {
                model.sort(FlowSort.START, false);
            } else {
                TableColumn<FlowSummary, ?> first = getSortOrder().get(0);
                model.sort((FlowSort) first.getUserData(), first.getSortType() == TableColumn.SortType.DESCENDING);
            }
            return true;
        });
        itemsProperty().bind(model.rowsProperty());
        getSelectionModel().selectedIndexProperty().addListener((obs, old, index) -> model.selectRow(index.intValue()));
        redraw = model.pagesLoadedProperty().subscribe(pages -> refresh());
    }

    private static TableColumn<FlowSummary, String> column(String title, double width, FlowSort sort,
                                                          Function<FlowSummary, String> value) {
        TableColumn<FlowSummary, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setUserData(sort);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue() == null ? "…" : value.apply(cell.getValue())));
        return c;
    }

    void dispose() {
        redraw.unsubscribe();
        itemsProperty().unbind();
    }
}
