package eventlens.app;

import eventlens.app.work.BackgroundTask;
import eventlens.app.work.BackgroundWork;
import eventlens.app.work.TaskHandle;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The one long action the status bar shows at a time (opening a project, an import): its text, its progress
 * and its cancel. A newer action takes the status bar over; an older one that finishes later leaves it be.
 */
final class LongAction {
    private final BackgroundWork work;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private TaskHandle running = TaskHandle.NONE;
    /** Tells a finished task whether a newer one has taken over the status bar since. */
    private long generation;

    LongAction(BackgroundWork work) {
        this.work = work;
    }

    /** Runs the task, showing {@code what} and then its progress until it finishes. */
    <T> void run(String what, BackgroundTask<T> task) {
        long current = ++generation;
        busy.set(true);
        progress.set(-1);
        text.set(what);
        task.onProgress(p -> {
            progress.set(p.fraction());
            text.set(p.message());
        }).onFinished(() -> {
            if (current == generation) {
                busy.set(false);
                text.set("");
                running = TaskHandle.NONE;
            }
        });
        TaskHandle handle = task.executeWith(work);
        if (current == generation && busy.get()) {
            running = handle;
        }
    }

    /** Cancels the running action (an import is rolled back). */
    void cancel() {
        running.cancel();
    }

    ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }
}
