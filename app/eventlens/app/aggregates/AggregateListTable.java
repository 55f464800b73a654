package eventlens.app.aggregates;

import eventlens.app.base.Styles;
import eventlens.app.table.ColumnFit;
import eventlens.app.table.TableColumns;
import eventlens.app.table.TextCell;
import eventlens.model.store.AggregateSummary;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
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
        getColumns().add(column("Aggregate", AggregateSummary::aggregateId));
        getColumns().add(column("Type", s -> s.aggregateType() == null ? "" : s.aggregateType()));
        TableColumn<AggregateSummary, Long> events = new TableColumn<>("Events");
        events.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().events()));
        events.setSortable(false);
        TextCell.number(events);
        getColumns().add(events);
        TableColumn<AggregateSummary, String> version = column("Version",
                s -> s.currentVersion() == null ? "" : "v" + s.currentVersion());
        TextCell.rightAligned(version, String::valueOf);
        getColumns().add(version);
        TableColumn<AggregateSummary, String> last = column("Last time", s -> time(s.lastTime()));
        ColumnFit.atLeast(last, "2024-01-15 09:00");
        getColumns().add(last);
        // Duplicate, missing and absent versions, counted in SQL.
        getColumns().add(column("Issues", s -> s.versionIssues() == 0 ? "" : "⚠ " + s.versionIssues()));
        setColumnResizePolicy(UNCONSTRAINED_RESIZE_POLICY);
        ColumnFit.onFirstFill(this);
        setItems(model.rows());
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

    private static TableColumn<AggregateSummary, String> column(String title, Function<AggregateSummary, String> value) {
        return TableColumns.text(title, value, false);
    }
}
