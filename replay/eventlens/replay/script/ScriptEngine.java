package eventlens.replay.script;

import java.util.Objects;
import org.graalvm.polyglot.Engine;

/**
 * The shared GraalJS engine ({@link Sandbox#engine()}: it caches parsed code) together with the
 * {@link ScriptWatchdog} that holds every call of its scripts to their time and memory limits. Build one
 * per application or command and hand it to sessions, dry runs and reducers; the owner closes it.
 */
public final class ScriptEngine implements AutoCloseable {
    private final Engine engine;
    private final ScriptWatchdog watchdog;
    private final Runnable onClose;

    /**
     * A new engine watched by {@code watchdog}.
     *
     * @param onClose runs after the engine and watchdog closed (e.g. shuts down the watchdog's scheduler)
     */
    public ScriptEngine(ScriptWatchdog watchdog, Runnable onClose) {
        this.watchdog = Objects.requireNonNull(watchdog, "watchdog");
        this.onClose = Objects.requireNonNull(onClose, "onClose");
        this.engine = Sandbox.engine();
    }

    /** The GraalJS engine. */
    public Engine engine() {
        return engine;
    }

    /** The watchdog of its calls. */
    public ScriptWatchdog watchdog() {
        return watchdog;
    }

    /** Closes the engine, cancelling any script still running. */
    @Override
    public void close() {
        try {
            watchdog.close();
            engine.close(true);
        } finally {
            onClose.run();
        }
    }
}
