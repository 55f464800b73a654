package eventlens.app.work;

/**
 * The one way the application runs work off the FX thread. A task's callbacks ({@code onSuccess},
 * {@code onFailure}, {@code onCancelled}, {@code onProgress}) are delivered on the FX thread by the
 * FX implementation and on the calling thread by {@link SameThreadWork}, which tests use.
 */
public interface BackgroundWork extends AutoCloseable {
    /** Starts the task; the handle cancels it. */
    <T> TaskHandle execute(BackgroundTask<T> task);

    /**
     * Starts a short read the user is waiting for (a page of table rows, the count a table's rows wait for) on
     * a lane of its own, so that long
     * tasks (a count over time of ten million events, a flow list's first build) do not hold it up behind
     * them; the handle cancels it. Where there is one lane, the same as {@link #execute}.
     */
    default <T> TaskHandle executeQuick(BackgroundTask<T> task) {
        return execute(task);
    }

    /**
     * Starts a long overview nobody clicked for (a count over time of every event) on a lane of its own, one
     * at a time, so that it does not take the workers a flow the user opened waits for; the handle cancels it.
     * Where there is one lane, the same as {@link #execute}.
     */
    default <T> TaskHandle executeAside(BackgroundTask<T> task) {
        return execute(task);
    }

    /**
     * Runs {@code action} on the FX thread once {@code frames} more frames have been drawn, so that work it
     * starts does not compete with laying out what just changed; at once where there are no frames (tests).
     * Call it on the FX thread.
     */
    default void afterFrames(int frames, Runnable action) {
        action.run();
    }

    /** Where this work reports failed tasks (logged; shown when the task did not handle them). */
    TaskFailures failures();

    /** Stops accepting work; running tasks are asked to cancel. */
    @Override
    void close();
}
