package eventlens.app.work;

/** A running or finished background task. */
public interface TaskHandle {
    /** Asks the task to stop; it sees {@link TaskContext#cancelled()} turn true. */
    void cancel();

    boolean isCancelled();

    /** A handle for no task at all. */
    TaskHandle NONE = new TaskHandle() {
        @Override
        public void cancel() {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };
}
