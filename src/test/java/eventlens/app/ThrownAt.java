package eventlens.app;

import java.lang.invoke.MethodHandles;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.testfx.util.WaitForAsyncUtils;

/**
 * An exception of the FX thread with where it was thrown in its message. TestFX keeps what the FX thread throws
 * outside a robot call (a pulse, a task of {@code runLater}, an event handler) and throws it at the next robot call,
 * where the test report's summary shows its message only: "IndexOutOfBoundsException: Index -1 out of bounds for
 * length 3" said nothing of which code it came from (a CI run, 2026-12-03).
 */
final class ThrownAt extends RuntimeException {
    private static final int FRAMES = 8;
    private static boolean installed;

    private ThrownAt(Throwable e) {
        super(e + " · thrown at " + Arrays.stream(e.getStackTrace()).limit(FRAMES).map(StackTraceElement::toString)
                .collect(Collectors.joining(" < ")), e);
    }

    /** Wraps what reaches TestFX's handler of uncaught exceptions from now on; once per JVM. */
    static synchronized void install() {
        if (installed) {
            return;
        }
        installed = true;
        try {
            MethodHandles.lookup().ensureInitialized(WaitForAsyncUtils.class); // which sets TestFX's handler
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
        Thread.UncaughtExceptionHandler testFx = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> testFx.uncaughtException(thread,
                e instanceof ThrownAt ? e : new ThrownAt(e)));
    }
}
