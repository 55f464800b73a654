package eventlens.app.work;

/**
 * The one way the application runs work off the FX thread. A task's callbacks ({@code onSuccess},
 * {@code onFailure}, {@code onCancelled}, {@code onProgress}) are delivered on the FX thread by the
 * FX implementation and on the calling thread by {@link SameThreadWork}, which tests use.
 */
public interface BackgroundWork extends AutoCloseable {
    /** Starts the task; the handle cancels it. */
    <T> TaskHandle execute(BackgroundTask<T> task);

    /** Where this work reports failed tasks (logged; shown when the task did not handle them). */
    TaskFailures failures();

    /** Stops accepting work; running tasks are asked to cancel. */
    @Override
    void close();
}
