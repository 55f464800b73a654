package eventlens.app.aggregates;

import eventlens.app.base.Styles;
import eventlens.model.state.Change;
import eventlens.model.state.JsonPath;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/**
 * The state as a tree of fields; rows the shown change touched are marked added, changed or removed
 * (pseudo-classes styled in {@code eventlens.css}). Right-click a field: "Who changed this?" (when the
 * owner can answer it: the Replay view's state pane cannot) and copy its value or path.
 */
public final class StateTreeView extends TreeTableView<StateRow> {
    static final PseudoClass ADDED = PseudoClass.getPseudoClass("added");
    static final PseudoClass CHANGED = PseudoClass.getPseudoClass("changed");
    static final PseudoClass REMOVED = PseudoClass.getPseudoClass("removed");
    /** Up to this many rows the whole tree is expanded; a bigger state opens two levels deep. */
    private static final int EXPAND_ALL = 400;

    /** @param whoChanged what "Who changed this?" does with a field's path; null: no such menu item */
    public StateTreeView(Consumer<JsonPath> whoChanged) {
        setId("state-tree");
        getStyleClass().add(Styles.STATE_TREE);
        setShowRoot(false);
        setPlaceholder(new Label("No state."));
        TreeTableColumn<StateRow, String> key = column("Field", 170, StateRow::key);
        TreeTableColumn<StateRow, String> value = column("Value", 220, StateRow::value);
        TreeTableColumn<StateRow, String> before = column("Was", 140, StateRow::before);
        getColumns().add(key);
        getColumns().add(value);
        getColumns().add(before);
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        setRowFactory(table -> new TreeTableRow<>() {
            @Override
            protected void updateItem(StateRow item, boolean empty) {
                super.updateItem(item, empty);
                Change.Kind mark = empty || item == null ? null : item.mark();
                pseudoClassStateChanged(ADDED, mark == Change.Kind.ADDED);
                pseudoClassStateChanged(CHANGED, mark == Change.Kind.CHANGED);
                pseudoClassStateChanged(REMOVED, mark == Change.Kind.REMOVED);
            }
        });
        MenuItem who = new MenuItem("Who changed this?");
        who.setId("who-changed");
        who.setOnAction(e -> selectedPath().ifPresent(whoChanged));
        MenuItem copy = new MenuItem("Copy value");
        copy.setOnAction(e -> {
            TreeItem<StateRow> item = getSelectionModel().getSelectedItem();
            if (item != null) {
                ClipboardContent content = new ClipboardContent();
                content.putString(item.getValue().mark() == Change.Kind.REMOVED ? item.getValue().before()
                        : item.getValue().value());
                Clipboard.getSystemClipboard().setContent(content);
            }
        });
        MenuItem path = new MenuItem("Copy path");
        path.setOnAction(e -> selectedPath().ifPresent(p -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(p.toString());
            Clipboard.getSystemClipboard().setContent(content);
        }));
        ContextMenu menu = whoChanged == null ? new ContextMenu(copy, path) : new ContextMenu(who, copy, path);
        setContextMenu(menu);
    }

    /** The selected field's path. */
    java.util.Optional<JsonPath> selectedPath() {
        TreeItem<StateRow> item = getSelectionModel().getSelectedItem();
        return item == null ? java.util.Optional.empty() : java.util.Optional.of(item.getValue().path());
    }

    /** Shows new rows, keeping the selected field selected when it is still there. */
    public void show(StateRow root) {
        JsonPath keep = selectedPath().orElse(null);
        if (root == null) {
            setRoot(null);
            return;
        }
        boolean all = root.size() <= EXPAND_ALL;
        TreeItem<StateRow> item = item(root, 0, all);
        setRoot(item);
        if (keep != null) {
            select(item, keep);
        }
    }

    private void select(TreeItem<StateRow> item, JsonPath path) {
        if (item.getValue().path().equals(path)) {
            getSelectionModel().select(item);
            return;
        }
        for (TreeItem<StateRow> child : item.getChildren()) {
            select(child, path);
        }
    }

    private static TreeItem<StateRow> item(StateRow row, int depth, boolean expandAll) {
        TreeItem<StateRow> item = new TreeItem<>(row);
        item.setExpanded(expandAll || depth < 2);
        for (StateRow child : row.children()) {
            item.getChildren().add(item(child, depth + 1, expandAll));
        }
        return item;
    }

    private static TreeTableColumn<StateRow, String> column(String title, double width,
                                                           java.util.function.Function<StateRow, String> value) {
        TreeTableColumn<StateRow, String> c = new TreeTableColumn<>(title);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue() == null
                ? "" : value.apply(cell.getValue().getValue())));
        return c;
    }
}
