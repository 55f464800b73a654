package eventlens.app.work;


/** Runs each task at once on the calling thread, callbacks included: deterministic view-model tests. */
public final class SameThreadWork implements BackgroundWork {
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
        } catch (Exception | LinkageError e) {
            if (handle.isCancelled()) {
                task.cancelled();
            } else {
                task.failed(e);
            }
            return handle;
        }
        if (handle.isCancelled()) {
            task.cancelled();
        } else {
            task.succeeded(value);
        }
        return handle;
    }

    @Override
    public void close() {
    }
}
