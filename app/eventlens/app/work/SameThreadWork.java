package eventlens.app.work;

import java.util.concurrent.atomic.AtomicBoolean;

/** Runs each task at once on the calling thread, callbacks included: deterministic view-model tests. */
public final class SameThreadWork implements BackgroundWork {
    @Override
    public <T> TaskHandle execute(BackgroundTask<T> task) {
        Handle handle = new Handle();
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

    private static final class Handle implements TaskHandle {
        private final AtomicBoolean cancelled = new AtomicBoolean();

        @Override
        public void cancel() {
            cancelled.set(true);
        }

        @Override
        public boolean isCancelled() {
            return cancelled.get();
        }
    }
}
