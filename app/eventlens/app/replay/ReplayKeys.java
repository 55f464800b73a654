package eventlens.app.replay;

import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * The debugger keys of the Replay view, as in IDE debuggers (F8 resume, F10 step over, F9 run to cursor),
 * clear of Ctrl+1..6 and the File and View menu accelerators. The main menu can use the same combinations;
 * the view handles them itself while it has the focus.
 */
public final class ReplayKeys {
    /** {@link ReplayViewModel#togglePlay()}. */
    public static final KeyCombination PLAY_PAUSE = new KeyCodeCombination(KeyCode.F8);
    /** {@link ReplayViewModel#step()}. */
    public static final KeyCombination STEP = new KeyCodeCombination(KeyCode.F10);
    /** {@link ReplayViewModel#stepBack()}. */
    public static final KeyCombination STEP_BACK = new KeyCodeCombination(KeyCode.F10, KeyCombination.SHIFT_DOWN);
    /** {@link ReplayViewModel#runToCursor()}. */
    public static final KeyCombination RUN_TO_CURSOR = new KeyCodeCombination(KeyCode.F9);

    private ReplayKeys() {
    }

    /** Makes the keys act on {@code model} while the focus is inside {@code view}; each key it handles is consumed. */
    static void install(Node view, ReplayViewModel model) {
        // A filter, not a handler: the script editor consumes the key presses it receives.
        view.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            Runnable action = actionFor(e, model);
            if (action != null) {
                action.run();
                e.consume();
            }
        });
    }

    static Runnable actionFor(KeyEvent e, ReplayViewModel model) {
        if (STEP_BACK.match(e)) {
            return model::stepBack;
        } else if (STEP.match(e)) {
            return model::step;
        } else if (PLAY_PAUSE.match(e)) {
            return model::togglePlay;
        } else if (RUN_TO_CURSOR.match(e)) {
            return model::runToCursor;
        }
        return null;
    }

    /** " (F8)": how a button's tooltip names its key. */
    static String hint(KeyCombination key) {
        return " (" + key.getDisplayText() + ")";
    }
}
