package eventlens.app.work;

import eventlens.replay.script.ScriptEngine;
import eventlens.replay.script.ScriptWatchdog;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * Builds the {@link ScriptEngine} of the command line and the window: the replay engine takes its time
 * and threads injected, so the watchdog's wall clock ({@code System.nanoTime}) and its one daemon thread
 * are chosen here, at the edge.
 */
public final class ScriptEngines {
    private ScriptEngines() {
    }

    /** A new engine with its watchdog on a daemon thread of its own; closing the engine ends the thread. */
    public static ScriptEngine start() {
        ScheduledThreadPoolExecutor scheduler = (ScheduledThreadPoolExecutor) Executors.newScheduledThreadPool(1,
                Thread.ofPlatform().daemon().name("script-watchdog").factory());
        scheduler.setRemoveOnCancelPolicy(true);
        return new ScriptEngine(new ScriptWatchdog(scheduler, System::nanoTime), scheduler::shutdownNow);
    }
}
