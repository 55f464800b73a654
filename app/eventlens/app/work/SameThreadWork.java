package eventlens.app.work;


/** Runs each task at once on the calling thread, callbacks included: deterministic view-model tests. */
public final class SameThreadWork implements BackgroundWork {
    private final TaskFailures failures = new TaskFailures();

    @Override
    public <T> TaskHandle execute(BackgroundTask<T> task) {
        CancelFlag handle = new CancelFlag();
        T value;
        try {
            value = task.run(new TaskContext() {
                @Override
                public void progress(Progress progress) {
                    task.progressed(progress);
                }

                @Override
                public boolean cancelled() {
                    return handle.isCancelled();
                }
            });
        } catch (Exception | Error e) {
            if (handle.isCancelled()) {
                task.cancelled(failures);
            } else {
                task.failed(e, failures);
            }
            return handle;
        }
        if (handle.isCancelled()) {
            task.cancelled(failures);
        } else {
            task.succeeded(value, failures);
        }
        return handle;
    }

    @Override
    public TaskFailures failures() {
        return failures;
    }

    @Override
    public void close() {
    }
}
