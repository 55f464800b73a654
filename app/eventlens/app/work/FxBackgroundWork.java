package eventlens.app.work;

import eventlens.app.base.AfterFrames;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.Executor;
import javafx.application.Platform;

/**
 * Runs tasks on a small pool of daemon threads and delivers their callbacks on the FX thread.
 * Progress is coalesced: a worker only stores the latest value, and at most one {@code runLater}
 * per task is pending at a time, so a task reporting a million times cannot flood the FX queue.
 */
public final class FxBackgroundWork implements BackgroundWork {
    private final ExecutorService workers;
    /** Short reads the user waits for (pages of rows), apart from the long tasks of {@link #workers}. */
    private final ExecutorService quick;
    /** Long overviews (counts over time), one at a time, apart from the tasks the user waits for. */
    private final ExecutorService aside;
    private final Executor fxThread;
    private final TaskFailures failures = new TaskFailures();

    /**
     * Two workers: the machine has two cores. Page loads have two threads of their own: on ten million
     * events the count over time and the dead letters' sparklines took both workers for 15 s at open, and the
     * first page waited behind them.
     */
    public FxBackgroundWork() {
        this(2, Platform::runLater);
    }

    public FxBackgroundWork(int threads, Executor fxThread) {
        this.workers = Executors.newFixedThreadPool(threads, daemonThreads("eventlens-worker-"));
        this.quick = Executors.newFixedThreadPool(2, daemonThreads("eventlens-pages-"));
        this.aside = Executors.newSingleThreadExecutor(daemonThreads("eventlens-aside-"));
        this.fxThread = fxThread;
    }

    /**
     * Links, ahead of the first task, the native calls that lower a worker's priority: 0.1–0.2 s of the
     * first worker's start otherwise, which fell on opening the first project. For a warm-up thread.
     */
    public static void prepareWorkers() {
        Niceness.available();
    }

    /**
     * Lowers the JIT's compiler threads to the workers' priority, for the window's process: in its first seconds the
     * JIT compiles flat out beside the FX thread, and on two cores a warm-up step that shared a core with it took up
     * to three times as long (decision 0086). The JIT still has every core the window leaves idle. Returns how many
     * threads it lowered (none where thread priorities cannot be lowered, or without a JIT).
     */
    public static int lowerCompilerThreads() {
        return Niceness.lowerCompilerThreads();
    }

    /** Lowers the calling thread's priority below the window's, as the workers' own (a warm-up thread). */
    public static void lowerThisThread() {
        Niceness.lowerThisThread();
    }

    @Override
    public <T> TaskHandle execute(BackgroundTask<T> task) {
        return execute(task, workers);
    }

    @Override
    public <T> TaskHandle executeQuick(BackgroundTask<T> task) {
        return execute(task, quick);
    }

    @Override
    public <T> TaskHandle executeAside(BackgroundTask<T> task) {
        return execute(task, aside);
    }

    private <T> TaskHandle execute(BackgroundTask<T> task, ExecutorService lane) {
        CancelFlag handle = new CancelFlag();
        try {
            lane.execute(() -> runOnWorker(task, handle));
        } catch (RejectedExecutionException e) {
            fxThread.execute(() -> task.cancelled(failures));
        }
        return handle;
    }

    private <T> void runOnWorker(BackgroundTask<T> task, CancelFlag handle) {
        if (handle.isCancelled()) {
            fxThread.execute(() -> task.cancelled(failures));
            return;
        }
        AtomicReference<Progress> latest = new AtomicReference<>();
        TaskContext context = new TaskContext() {
            @Override
            public void progress(Progress progress) {
                if (latest.getAndSet(progress) == null) {
                    fxThread.execute(() -> {
                        Progress p = latest.getAndSet(null);
                        if (p != null && !handle.isCancelled()) {
                            task.progressed(p);
                        }
                    });
                }
            }

            @Override
            public boolean cancelled() {
                return handle.isCancelled() || Thread.currentThread().isInterrupted();
            }
        };
        try {
            T value = task.run(context);
            fxThread.execute(() -> {
                if (handle.isCancelled()) {
                    task.cancelled(failures);
                } else {
                    task.succeeded(value, failures);
                }
            });
        } catch (Throwable e) { // everything, an OutOfMemoryError included: the task must still finish
            fxThread.execute(() -> {
                if (handle.isCancelled()) {
                    task.cancelled(failures);
                } else {
                    task.failed(e, failures);
                }
            });
        }
    }

    @Override
    public void afterFrames(int frames, Runnable action) {
        AfterFrames.run(frames, action);
    }

    @Override
    public TaskFailures failures() {
        return failures;
    }

    @Override
    public void close() {
        workers.shutdownNow();
        quick.shutdownNow();
        aside.shutdownNow();
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            // Below the window's thread: a task flat out beside a big layout must not stretch the frame.
            Thread t = new Thread(() -> {
                Niceness.lowerThisThread();
                runnable.run();
            }, name + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
