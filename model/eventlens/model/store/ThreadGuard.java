package eventlens.model.store;

import java.nio.file.Path;

/**
 * Catches a connection opened on the window's event thread, where the open's work (a read-only project copies its
 * derived tables into every new connection: seconds on ten million events) freezes the window. The model cannot
 * see JavaFX, so the thread is known by the name JavaFX gives it. With the system property
 * {@code eventlens.fxThreadConnections=fail} (the build's tests) the open is refused; otherwise the first one is
 * reported as a warning with where it came from, and the open goes on.
 */
final class ThreadGuard {
    static final String FX_THREAD = "JavaFX Application Thread";
    static final String PROPERTY = "eventlens.fxThreadConnections";
    private static volatile boolean warned;

    private ThreadGuard() {
    }

    /** Checks that a connection to {@code file} may be opened on this thread. */
    static void checkOpen(Path file) {
        if (!FX_THREAD.equals(Thread.currentThread().getName()) || StoreThreads.marked()) {
            return;
        }
        String message = "a connection to " + file.getFileName() + " was opened on the JavaFX application thread; "
                + "open it on a worker (BackgroundWork)";
        if ("fail".equals(System.getProperty(PROPERTY))) {
            throw new IllegalStateException(message);
        }
        if (!warned) {
            warned = true;
            System.getLogger("eventlens.store").log(System.Logger.Level.WARNING, message, new IllegalStateException(message));
        }
    }
}
