package eventlens.app.events;

import java.util.List;
import javafx.geometry.Side;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;

/**
 * The keys of a query bar's field: Enter runs the query, ↑ and ↓ walk the project's history, Ctrl+Space
 * (or Tab) lists what completes the word at the caret. The same in every bar that takes the query language.
 */
public final class QueryField {
    private final TextField field;
    private final QueryAssist assist;
    /** The completions of the word at the caret. */
    private final ContextMenu completion = new ContextMenu();

    private QueryField(TextField field, QueryAssist assist, Runnable run) {
        this.field = field;
        this.assist = assist;
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                completion.hide();
                run.run();
            } else if (e.getCode() == KeyCode.UP && !completion.isShowing() && assist.historyBack()) {
                field.end();
                e.consume();
            } else if (e.getCode() == KeyCode.DOWN && !completion.isShowing() && assist.historyForward()) {
                field.end();
                e.consume();
            } else if (e.getCode() == KeyCode.SPACE && e.isControlDown()
                    || e.getCode() == KeyCode.TAB && !e.isShiftDown() && showCompletions()) {
                if (e.getCode() == KeyCode.SPACE) {
                    showCompletions();
                }
                e.consume();
            }
        });
    }

    /** Gives {@code field} the keys of a query bar; {@code run} runs its query (Enter). */
    public static void install(TextField field, QueryAssist assist, Runnable run) {
        new QueryField(field, assist, run);
    }

    /** Shows what completes the word at the caret under the field; false when there is nothing. */
    private boolean showCompletions() {
        List<QueryCompletion.Suggestion> found = assist.completions(field.getCaretPosition());
        completion.getItems().clear();
        if (found.isEmpty()) {
            completion.hide();
            return false;
        }
        for (QueryCompletion.Suggestion s : found) {
            MenuItem item = new MenuItem(s.label());
            item.setMnemonicParsing(false);
            item.setOnAction(a -> {
                field.setText(s.apply(field.getText()));
                field.positionCaret(s.from() + s.replacement().length());
            });
            completion.getItems().add(item);
        }
        completion.show(field, Side.BOTTOM, 0, 0);
        return true;
    }
}
