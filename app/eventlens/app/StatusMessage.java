package eventlens.app;

import eventlens.app.work.TaskFailures;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The status bar's message: the last thing the user should know (an import's summary, a cancellation, a
 * failure), and for a failure the details behind "Copy details". The next action that succeeds replaces or
 * clears it, so that an old error does not linger beside a working window.
 */
public final class StatusMessage {
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper("");

    /** Tells the user something that went well (or was cancelled on purpose). */
    public void info(String message) {
        text.set(message);
        details.set("");
    }

    /**
     * Tells the user what failed, in one line ("Cannot open notes.txt: file is not a database"); the stack
     * is kept for "Copy details".
     */
    public void failure(String what, Throwable error) {
        text.set(what + ": " + TaskFailures.summary(error));
        details.set(TaskFailures.details(error));
    }

    /** Shows a failure already described (a task that had no failure handler of its own). */
    public void show(TaskFailures.Failure failure) {
        text.set(failure.summary());
        details.set(failure.details());
    }

    /** The action that follows succeeded: nothing to say any more. */
    public void clear() {
        info("");
    }

    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** The stack trace of the failure shown, or empty. */
    public ReadOnlyStringProperty detailsProperty() {
        return details.getReadOnlyProperty();
    }
}
