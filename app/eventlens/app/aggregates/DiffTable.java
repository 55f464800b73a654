package eventlens.app.aggregates;

import eventlens.app.Styles;
import eventlens.model.state.Change;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
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
        getColumns().add(column("Path", 150, c -> c.path().toString()));
        getColumns().add(column("Kind", 85, c -> c.kind().name().toLowerCase()));
        getColumns().add(column("Before", 140, c -> StateRows.text(c.before())));
        getColumns().add(column("After", 140, c -> StateRows.text(c.after())));
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
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

    private static TableColumn<Change, String> column(String title, double width, Function<Change, String> value) {
        TableColumn<Change, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return c;
    }
}
