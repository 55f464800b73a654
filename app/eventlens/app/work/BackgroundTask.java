package eventlens.app.work;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * A piece of work with its callbacks, in the manner of JabRef's {@code BackgroundTask}:
 * {@code BackgroundTask.of(ctx -> store.count(q)).onSuccess(this::show).executeWith(work)}.
 * The body runs on a worker and must not touch the scene graph or bound properties; the callbacks
 * run on the FX thread.
 */
public final class BackgroundTask<T> {
    /** The work itself. */
    @FunctionalInterface
    public interface Body<T> {
        T run(TaskContext context) throws Exception;
    }

    private final Body<T> body;
    private Consumer<? super T> onSuccess = value -> {
    };
    private Consumer<? super Throwable> onFailure = error -> {
    };
    private Runnable onCancelled = () -> {
    };
    private Consumer<? super Progress> onProgress = progress -> {
    };
    private Runnable onFinished = () -> {
    };
    private boolean handlesFailure;
    private String name;

    private BackgroundTask(Body<T> body) {
        this.body = Objects.requireNonNull(body);
    }

    public static <T> BackgroundTask<T> of(Body<T> body) {
        return new BackgroundTask<>(body);
    }

    public BackgroundTask<T> onSuccess(Consumer<? super T> action) {
        this.onSuccess = Objects.requireNonNull(action);
        return this;
    }

    /** Handles a failure here; without it the failure goes to {@link TaskFailures}' listener. Either way it is logged. */
    public BackgroundTask<T> onFailure(Consumer<? super Throwable> action) {
        this.onFailure = Objects.requireNonNull(action);
        this.handlesFailure = true;
        return this;
    }

    /** What the task does, in a few words, for the log and the default failure message ("Loading flows"). */
    public BackgroundTask<T> named(String what) {
        this.name = Objects.requireNonNull(what);
        return this;
    }

    /** Called instead of onSuccess/onFailure when the task ended after being cancelled. */
    public BackgroundTask<T> onCancelled(Runnable action) {
        this.onCancelled = Objects.requireNonNull(action);
        return this;
    }

    public BackgroundTask<T> onProgress(Consumer<? super Progress> action) {
        this.onProgress = Objects.requireNonNull(action);
        return this;
    }

    /** Called last, whatever the outcome, even when a callback before it threw. */
    public BackgroundTask<T> onFinished(Runnable action) {
        this.onFinished = Objects.requireNonNull(action);
        return this;
    }

    public TaskHandle executeWith(BackgroundWork work) {
        return work.execute(this);
    }

    /** Runs a long overview on the work's lane aside ({@link BackgroundWork#executeAside}). */
    public TaskHandle executeAsideWith(BackgroundWork work) {
        return work.executeAside(this);
    }

    /** Runs a short read the user waits for on the work's quick lane ({@link BackgroundWork#executeQuick}). */
    public TaskHandle executeQuicklyWith(BackgroundWork work) {
        return work.executeQuick(this);
    }

    T run(TaskContext context) throws Exception {
        return body.run(context);
    }

    /*
     * The outcomes below run the task's callbacks on the FX thread. A callback that throws is a bug: it is
     * reported as an unhandled failure, and onFinished runs whatever happened.
     */
    void succeeded(T value, TaskFailures failures) {
        try {
            onSuccess.accept(value);
        } catch (RuntimeException | Error e) {
            failures.failed(name, body.getClass(), e, false);
        } finally {
            finished(failures);
        }
    }

    void failed(Throwable error, TaskFailures failures) {
        try {
            failures.failed(name, body.getClass(), error, handlesFailure);
            onFailure.accept(error);
        } catch (RuntimeException | Error e) {
            failures.failed(name, body.getClass(), e, false);
        } finally {
            finished(failures);
        }
    }

    void cancelled(TaskFailures failures) {
        try {
            onCancelled.run();
        } catch (RuntimeException | Error e) {
            failures.failed(name, body.getClass(), e, false);
        } finally {
            finished(failures);
        }
    }

    private void finished(TaskFailures failures) {
        try {
            onFinished.run();
        } catch (RuntimeException | Error e) {
            failures.failed(name, body.getClass(), e, false);
        }
    }

    void progressed(Progress progress) {
        onProgress.accept(progress);
    }
}
