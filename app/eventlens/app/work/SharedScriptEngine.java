package eventlens.app.work;

import eventlens.replay.script.ScriptEngine;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The window's one script engine, made by the composition root and handed to every view model that runs
 * scripts (replay, dry-run retries). GraalJS takes a moment to start, so the engine is built on its first
 * use, which is always on a worker, and then shared until {@link #close()} at exit (decision 0032).
 */
public final class SharedScriptEngine implements Supplier<ScriptEngine>, AutoCloseable {
    private final Supplier<ScriptEngine> factory;
    private ScriptEngine engine;
    private boolean closed;

    /** An engine built by {@link ScriptEngines#start()}. */
    public SharedScriptEngine() {
        this(ScriptEngines::start);
    }

    public SharedScriptEngine(Supplier<ScriptEngine> factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    /** The engine, built on the first call; never after {@link #close()}. */
    @Override
    public synchronized ScriptEngine get() {
        if (closed) {
            throw new IllegalStateException("the script engine is closed: the application is exiting");
        }
        if (engine == null) {
            engine = factory.get();
        }
        return engine;
    }

    /** Closes the engine if it was built, cancelling any script still running. */
    @Override
    public synchronized void close() {
        closed = true;
        if (engine != null) {
            engine.close();
            engine = null;
        }
    }
}
