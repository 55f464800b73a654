package eventlens.app.aggregates;

import eventlens.app.base.Styles;
import eventlens.app.table.ColumnFit;
import eventlens.app.table.TextCell;
import eventlens.model.Event;
import eventlens.model.state.HistoryStep;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.util.Subscription;

/** The selected aggregate's events in version order; the selected row is the moment. */
final class HistoryTable extends TableView<HistoryStep> {
    /** The events table's format: one time format wherever an event's time is listed. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private final Subscription follow;
    private boolean following;

    HistoryTable(AggregatesViewModel model) {
        HistoryViewModel history = model.history();
        setId("history-table");
        getStyleClass().add(Styles.HISTORY_TABLE);
        setFixedCellSize(24);
        setPlaceholder(new Label("Select an aggregate to see its history."));
        TableColumn<HistoryStep, String> version = column("Version", e -> e.version() == null ? "—" : "v" + e.version());
        TextCell.rightAligned(version, String::valueOf);
        getColumns().add(version);
        TableColumn<HistoryStep, String> time = column("Time", e -> e.time() == null ? "" : TIME.format(e.time()));
        ColumnFit.atLeast(time, "2024-01-15T09:00:00.000Z");
        getColumns().add(time);
        getColumns().add(column("Type", Event::type));
        getColumns().add(column("Source", Event::source));
        setColumnResizePolicy(UNCONSTRAINED_RESIZE_POLICY);
        ColumnFit.onFirstFill(this);
        setItems(history.steps());
        getSelectionModel().selectedIndexProperty().addListener((obs, old, now) -> {
            if (!following && now.intValue() >= 0) {
                history.moveTo(now.intValue());
            }
        });
        follow = history.momentProperty().subscribe(moment -> {
            following = true;
            try {
                if (moment.intValue() >= 0 && moment.intValue() < getItems().size()) {
                    getSelectionModel().clearAndSelect(moment.intValue());
                    scrollTo(Math.max(0, moment.intValue() - 3));
                } else {
                    getSelectionModel().clearSelection();
                }
            } finally {
                following = false;
            }
        });
        MenuItem showFlow = new MenuItem("Show flow");
        showFlow.setId("history-show-flow");
        showFlow.setOnAction(e -> model.showFlow(getSelectionModel().getSelectedItem()));
        showFlow.disableProperty().bind(getSelectionModel().selectedItemProperty().isNull());
        MenuItem showInEvents = new MenuItem("Show in events");
        showInEvents.setOnAction(e -> model.showInEvents());
        setContextMenu(new ContextMenu(showFlow, showInEvents));
    }

    private static TableColumn<HistoryStep, String> column(String title, Function<Event, String> value) {
        TableColumn<HistoryStep, String> c = new TableColumn<>(title);
        c.setSortable(false);
        TextCell.text(c);
        c.setCellValueFactory(cell -> {
            String text = value.apply(cell.getValue().event());
            return new ReadOnlyStringWrapper(text == null ? "" : text);
        });
        return c;
    }

    void dispose() {
        follow.unsubscribe();
        setItems(javafx.collections.FXCollections.emptyObservableList());
    }
}
