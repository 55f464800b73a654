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

    public BackgroundTask<T> onFailure(Consumer<? super Throwable> action) {
        this.onFailure = Objects.requireNonNull(action);
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

    /** Called last, whatever the outcome. */
    public BackgroundTask<T> onFinished(Runnable action) {
        this.onFinished = Objects.requireNonNull(action);
        return this;
    }

    public TaskHandle executeWith(BackgroundWork work) {
        return work.execute(this);
    }

    T run(TaskContext context) throws Exception {
        return body.run(context);
    }

    void succeeded(T value) {
        try {
            onSuccess.accept(value);
        } finally {
            onFinished.run();
        }
    }

    void failed(Throwable error) {
        try {
            onFailure.accept(error);
        } finally {
            onFinished.run();
        }
    }

    void cancelled() {
        try {
            onCancelled.run();
        } finally {
            onFinished.run();
        }
    }

    void progressed(Progress progress) {
        onProgress.accept(progress);
    }
}
