package eventlens.app.aggregates;

import eventlens.app.Styles;
import eventlens.model.Event;
import eventlens.model.state.HistoryStep;
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
    private final Subscription follow;
    private boolean following;

    HistoryTable(AggregatesViewModel model) {
        HistoryViewModel history = model.history();
        setId("history-table");
        getStyleClass().add(Styles.HISTORY_TABLE);
        setFixedCellSize(24);
        setPlaceholder(new Label("Select an aggregate to see its history."));
        getColumns().add(column("Version", 76, e -> e.version() == null ? "—" : "v" + e.version()));
        getColumns().add(column("Time", 180, e -> e.time() == null ? "" : e.time().toString()));
        getColumns().add(column("Type", 130, Event::type));
        getColumns().add(column("Source", 100, Event::source));
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
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

    private static TableColumn<HistoryStep, String> column(String title, double width, Function<Event, String> value) {
        TableColumn<HistoryStep, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setSortable(false);
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
