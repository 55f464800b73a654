package eventlens.app.aggregates;

import eventlens.app.base.Styles;
import eventlens.app.table.ColumnFit;
import eventlens.app.table.TableColumns;
import eventlens.model.state.Change;
import java.util.function.Function;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

/** The changes between the two moments of diff mode: path, kind, before, after. */
final class DiffTable extends TableView<Change> {
    DiffTable(ObservableList<Change> diff) {
        setId("diff-table");
        getStyleClass().add(Styles.DIFF_TABLE);
        setFixedCellSize(24);
        setPlaceholder(new Label("No differences."));
        getColumns().add(column("Path", c -> c.path().toString()));
        getColumns().add(column("Kind", c -> c.kind().name().toLowerCase(java.util.Locale.ROOT)));
        getColumns().add(column("Before", c -> StateRows.text(c.before())));
        getColumns().add(column("After", c -> StateRows.text(c.after())));
        setColumnResizePolicy(UNCONSTRAINED_RESIZE_POLICY);
        ColumnFit.onFirstFill(this);
        setItems(diff);
        setRowFactory(table -> new TableRow<>() {
            @Override
            protected void updateItem(Change item, boolean empty) {
                super.updateItem(item, empty);
                Change.Kind kind = empty || item == null ? null : item.kind();
                pseudoClassStateChanged(StateTreeView.ADDED, kind == Change.Kind.ADDED);
                pseudoClassStateChanged(StateTreeView.CHANGED, kind == Change.Kind.CHANGED);
                pseudoClassStateChanged(StateTreeView.REMOVED, kind == Change.Kind.REMOVED);
            }
        });
    }

    private static TableColumn<Change, String> column(String title, Function<Change, String> value) {
        return TableColumns.text(title, value, false);
    }
}
