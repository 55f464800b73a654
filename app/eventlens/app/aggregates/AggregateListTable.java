package eventlens.app.aggregates;

import eventlens.app.Styles;
import eventlens.model.store.AggregateSummary;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

/** The aggregate list; reaching its last loaded row asks the view model for the next keyset page. */
final class AggregateListTable extends TableView<AggregateSummary> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneOffset.UTC);

    AggregateListTable(AggregatesViewModel model) {
        setId("aggregates-table");
        getStyleClass().add(Styles.AGGREGATES_TABLE);
        setFixedCellSize(24);
        setPlaceholder(new Label("No aggregates: events need an aggregate id."));
        getColumns().add(column("Aggregate", 100, AggregateSummary::aggregateId));
        getColumns().add(column("Type", 104, s -> s.aggregateType() == null ? "" : s.aggregateType()));
        getColumns().add(column("Events", 72, s -> Long.toString(s.events())));
        getColumns().add(column("Version", 76, s -> s.currentVersion() == null ? "" : "v" + s.currentVersion()));
        getColumns().add(column("Last time", 132, s -> time(s.lastTime())));
        // Duplicate, missing and absent versions, counted in SQL.
        getColumns().add(column("Issues", 66, s -> s.versionIssues() == 0 ? "" : "⚠ " + s.versionIssues()));
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        setItems(model.rows());
        getColumns().forEach(c -> c.setMinWidth(c.getPrefWidth() * 0.8));
        setRowFactory(table -> new TableRow<>() {
            @Override
            protected void updateItem(AggregateSummary item, boolean empty) {
                super.updateItem(item, empty);
                if (!empty && getIndex() >= getItems().size() - 1 && model.hasMoreProperty().get()) {
                    model.loadMore();
                }
            }
        });
        getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.select(now);
            }
        });
    }

    static String time(Instant t) {
        return t == null ? "" : TIME.format(t);
    }

    private static TableColumn<AggregateSummary, String> column(String title, double width,
                                                               Function<AggregateSummary, String> value) {
        TableColumn<AggregateSummary, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return c;
    }
}
