package eventlens.app.work;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** Queues tasks until the test runs them: shows what is in flight and what was cancelled meanwhile. */
public final class ManualWork implements BackgroundWork {
    private final List<Runnable> queue = new ArrayList<>();
    private int cancelled;
    private final TaskFailures failures = new TaskFailures();

    @Override
    public <T> TaskHandle execute(BackgroundTask<T> task) {
        AtomicBoolean cancel = new AtomicBoolean();
        TaskHandle handle = new TaskHandle() {
            @Override
            public void cancel() {
                cancel.set(true);
            }

            @Override
            public boolean isCancelled() {
                return cancel.get();
            }
        };
        queue.add(() -> {
            if (cancel.get()) {
                cancelled++;
                task.cancelled(failures);
                return;
            }
            try {
                task.succeeded(task.run(new TaskContext() {
                    @Override
                    public void progress(Progress progress) {
                        task.progressed(progress);
                    }

                    @Override
                    public boolean cancelled() {
                        return cancel.get();
                    }
                }), failures);
            } catch (Exception e) {
                task.failed(e, failures);
            }
        });
        return handle;
    }

    /** Runs everything queued so far (and what that queues in turn). */
    public void runAll() {
        while (!queue.isEmpty()) {
            queue.remove(0).run();
        }
    }

    public int queued() {
        return queue.size();
    }

    /** Tasks that were cancelled before they ran. */
    public int cancelledBeforeRunning() {
        return cancelled;
    }

    @Override
    public TaskFailures failures() {
        return failures;
    }

    @Override
    public void close() {
    }
}
