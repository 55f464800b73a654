package eventlens.app.bookmarks;

import eventlens.app.base.Styles;
import eventlens.model.store.Bookmarks.Bookmark;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Bookmarks → Bookmarks…: every bookmark of the project with its note, view, selection and when it was
 * added; Go to (or a double-click, or Enter) goes there and closes the dialog, the note can be edited and
 * a bookmark deleted. Not modal: the window stays usable beside it.
 */
final class BookmarksDialog {
    static final String TABLE_ID = "bookmarks-table";
    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private BookmarksDialog() {
    }

    static void show(Window owner, BookmarksViewModel model) {
        TableView<Bookmark> table = new TableView<>(model.bookmarks());
        table.setId(TABLE_ID);
        table.setPlaceholder(new Label("No bookmarks yet: Bookmarks → Add bookmark (Ctrl+D) keeps the view and "
                + "selection you are at, with a note."));
        TableColumn<Bookmark, String> noteColumn = column("Note", 380, Bookmark::note);
        // A long or multi-line note is cut in its cell: the whole of it on hover.
        noteColumn.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                setTooltip(empty || text == null || text.isEmpty() ? null : new javafx.scene.control.Tooltip(text));
            }
        });
        table.getColumns().add(noteColumn);
        table.getColumns().add(column("View", 110, Bookmark::view));
        table.getColumns().add(column("Selection", 170, b -> b.selection() == null ? "" : b.selection()));
        table.getColumns().add(column("Created (UTC)", 150, b -> CREATED.format(b.created())));
        table.setPrefSize(850, 320);
        BooleanBinding none = table.getSelectionModel().selectedItemProperty().isNull();

        Alert dialog = new Alert(Alert.AlertType.NONE, "", ButtonType.CLOSE);
        dialog.initOwner(owner);
        dialog.initModality(javafx.stage.Modality.NONE);
        dialog.setTitle("Bookmarks");
        dialog.setHeaderText(null);
        dialog.setResizable(true);
        Runnable go = () -> {
            Bookmark b = table.getSelectionModel().getSelectedItem();
            if (b != null) {
                dialog.close();
                model.open(b);
            }
        };
        Button goTo = new Button("Go to");
        goTo.setId("bookmark-go");
        goTo.disableProperty().bind(none);
        goTo.setOnAction(e -> go.run());
        Button edit = new Button("Edit note…");
        edit.setId("bookmark-edit");
        edit.disableProperty().bind(none.or(model.writableProperty().not()));
        edit.setOnAction(e -> {
            Bookmark b = table.getSelectionModel().getSelectedItem();
            new NoteDialog(dialog.getDialogPane().getScene().getWindow(), "Edit note", "Bookmark "
                    + b.view() + (b.selection() == null ? "" : " " + b.selection()), b.note(), "Save")
                    .ask().ifPresent(note -> model.setNote(b, note));
        });
        Button delete = new Button("Delete");
        delete.setId("bookmark-delete");
        delete.disableProperty().bind(none.or(model.writableProperty().not()));
        delete.setOnAction(e -> model.delete(table.getSelectionModel().getSelectedItem()));
        table.setRowFactory(t -> {
            var row = new javafx.scene.control.TableRow<Bookmark>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    go.run();
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                go.run();
            }
        });
        dialog.getDialogPane().setContent(new VBox(8, table, new HBox(8, goTo, edit, delete)));
        if (owner != null && owner.getScene() != null) {
            dialog.getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
            dialog.getDialogPane().getStyleClass().add(Styles.ROOT);
        }
        keepSelection(table, model, dialog);
        dialog.show();
        if (!model.bookmarks().isEmpty()) {
            table.getSelectionModel().selectLast();
        }
    }

    /**
     * The list is read again after each change: the bookmark selected stays selected (by its number), and
     * after a delete the one that took its row is.
     */
    private static void keepSelection(TableView<Bookmark> table, BookmarksViewModel model, Alert dialog) {
        long[] selected = {-1, -1};
        table.getSelectionModel().selectedIndexProperty().addListener((obs, old, now) -> {
            if (now.intValue() >= 0) {
                selected[0] = table.getItems().get(now.intValue()).id();
                selected[1] = now.intValue();
            }
        });
        javafx.collections.ListChangeListener<Bookmark> reselect = c -> {
            for (int i = 0; i < table.getItems().size(); i++) {
                if (table.getItems().get(i).id() == selected[0]) {
                    table.getSelectionModel().select(i);
                    return;
                }
            }
            if (selected[1] >= 0 && !table.getItems().isEmpty()) {
                table.getSelectionModel().select((int) Math.min(selected[1], table.getItems().size() - 1));
            }
        };
        model.bookmarks().addListener(reselect);
        dialog.setOnHidden(e -> model.bookmarks().removeListener(reselect));
    }

    private static TableColumn<Bookmark, String> column(String title, double width, Function<Bookmark, String> value) {
        TableColumn<Bookmark, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return c;
    }
}
