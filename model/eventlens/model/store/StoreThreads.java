package eventlens.model.store;

import java.util.function.Supplier;

/**
 * Marks work as a worker's while it runs on the window's event thread: what a view-model test's same-thread
 * executor does, running each background task at once where it is started. {@link ThreadGuard} lets such
 * work open connections.
 */
public final class StoreThreads {
    private static final ThreadLocal<Boolean> WORKER = ThreadLocal.withInitial(() -> false);

    private StoreThreads() {
    }

    /** Runs {@code work} as a worker's on this thread and returns what it returns. */
    public static <T> T asWorker(Supplier<T> work) {
        boolean before = WORKER.get();
        WORKER.set(true);
        try {
            return work.get();
        } finally {
            WORKER.set(before);
        }
    }

    static boolean marked() {
        return WORKER.get();
    }
}
