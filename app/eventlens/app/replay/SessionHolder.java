package eventlens.app.replay;

import eventlens.model.store.ProjectStore;
import eventlens.replay.Breakpoint;
import eventlens.replay.Pacer;
import eventlens.replay.ReplaySession;
import eventlens.replay.ReplaySettings;
import eventlens.replay.script.ScriptEngine;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The window's script engine (the composition root's, built on first use on a worker) and the current
 * session. A
 * session is built the way the command line builds one ({@link ReplaySession#open}), so both give the
 * same run for the same script, slice and mode.
 */
final class SessionHolder {
    private final Supplier<ScriptEngine> engine;
    private final int visibleRows;
    private volatile RunningSession current;

    /** {@code visibleRows}: how many rows of each output the view keeps (the feed keeps no more between drains). */
    SessionHolder(Supplier<ScriptEngine> engine, int visibleRows) {
        this.engine = engine;
        this.visibleRows = visibleRows;
    }

    /** Builds a session (on a worker) and makes it the current one. */
    RunningSession open(ProjectStore store, ReplaySettings settings, List<Breakpoint> breakpoints, Instant started,
            Executor player, Pacer pacer) {
        List<Breakpoint> copy = List.copyOf(breakpoints);
        ReplaySession session = ReplaySession.open(store, engine(), settings, player, pacer);
        try {
            copy.forEach(session::addBreakpoint);
            ReplayFeed feed = new ReplayFeed(session, visibleRows);
            session.addListener(feed);
            RunningSession running = new RunningSession(session, feed, Slice.of(store, settings.query()),
                    settings, started);
            close();
            current = running;
            return running;
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    ScriptEngine engine() {
        return engine.get();
    }

    Optional<RunningSession> current() {
        return Optional.ofNullable(current);
    }

    /** Ends the current session, on this thread. */
    void close() {
        end(detach());
    }

    /** Forgets the current session and returns it (null: none), for {@link #end} on a worker. */
    RunningSession detach() {
        RunningSession r = current;
        current = null;
        return r;
    }

    /** Stops and closes a session; may wait for a step still running, so never on the FX thread. */
    static void end(RunningSession r) {
        if (r != null) {
            r.session().pause();
            r.session().close();
        }
    }
}
