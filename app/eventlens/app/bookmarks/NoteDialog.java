package eventlens.app.bookmarks;

import eventlens.model.store.Bookmarks;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Asks for a bookmark's note: a few lines of text (a note may hold line breaks), Ctrl+Enter or the button
 * to accept. Used to add a bookmark and to edit one's note.
 */
final class NoteDialog extends Dialog<String> {
    static final String NOTE_ID = "bookmark-note";

    NoteDialog(Window owner, String title, String place, String note, String accept) {
        initOwner(owner);
        setTitle(title);
        setHeaderText(place);
        setResizable(true);
        TextArea text = new TextArea(note);
        text.setId(NOTE_ID);
        text.setPrefRowCount(3);
        text.setPrefColumnCount(40);
        text.setWrapText(true);
        text.setTextFormatter(new javafx.scene.control.TextFormatter<String>(change ->
                change.getControlNewText().length() > Bookmarks.NOTE_LIMIT ? null : change));
        Label hint = new Label("A short note (optional); Ctrl+Enter to " + accept.toLowerCase(java.util.Locale.ROOT) + ".");
        ButtonType ok = new ButtonType(accept, ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().setAll(ok, ButtonType.CANCEL);
        getDialogPane().setContent(new VBox(6, text, hint));
        text.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && e.isShortcutDown()) {
                e.consume();
                ((javafx.scene.control.Button) getDialogPane().lookupButton(ok)).fire();
            }
        });
        if (owner != null && owner.getScene() != null) {
            getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        setResultConverter(button -> button == ok ? text.getText() : null);
        setOnShown(e -> Platform.runLater(text::requestFocus));
    }

    /** Shows the dialog and waits: the note, or empty when cancelled. */
    Optional<String> ask() {
        return showAndWait();
    }
}
