package eventlens.app.work;

import eventlens.model.store.StoreThreads;


/** Runs each task at once on the calling thread, callbacks included: deterministic view-model tests. */
public final class SameThreadWork implements BackgroundWork {
    private final TaskFailures failures = new TaskFailures();

    @Override
    public <T> TaskHandle execute(BackgroundTask<T> task) {
        CancelFlag handle = new CancelFlag();
        T value;
        try {
            value = runAsWorker(task, handle);
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

    /** The task's work, marked as a worker's for the store's thread guard (its callbacks are not). */
    private static <T> T runAsWorker(BackgroundTask<T> task, CancelFlag handle) throws Exception {
        Exception[] thrown = {null};
        T value = StoreThreads.asWorker(() -> {
            try {
                return task.run(new TaskContext() {
                    @Override
                    public void progress(Progress progress) {
                        task.progressed(progress);
                    }

                    @Override
                    public boolean cancelled() {
                        return handle.isCancelled();
                    }
                });
            } catch (Exception e) {
                thrown[0] = e;
                return null;
            }
        });
        if (thrown[0] != null) {
            throw thrown[0];
        }
        return value;
    }

    @Override
    public TaskFailures failures() {
        return failures;
    }

    @Override
    public void close() {
    }
}
