package eventlens.replay;

import eventlens.model.Event;
import eventlens.model.store.ProjectStore;
import eventlens.replay.script.ScriptException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import eventlens.replay.script.ScriptEngine;

/**
 * A replay with a debugger's controls, for the command line and the GUI alike.
 *
 * <p>Design: pull-style. {@link #step()} delivers one event synchronously on the caller's thread;
 * {@link #runTo}, {@link #runToEnd()} loop over it; {@link #play()} runs the same loop on the injected
 * {@link Executor}, waiting between steps through the injected {@link Pacer} according to the
 * {@link Speed}, until {@link #pause()}, a breakpoint or the end. All controls are synchronized; while
 * playing, the loop holds the lock for one step at a time only, so {@code pause()} (which never blocks)
 * takes effect after the current step.
 *
 * <p>Step back: GraalJS cannot snapshot a script's heap (its top-level variables), so a checkpoint of
 * the bus and reducer states alone would not restore the run faithfully. Instead the session rebuilds
 * the run from the start and silently re-executes it to the previous step; runs are deterministic (same
 * script, slice and seed → same deliveries, ids, outputs), and re-execution is fast (about the replay
 * rate, see docs/benchmarks.md). Listeners receive {@link ReplayListener#reset()} and then read
 * {@link #outputs()} and {@link #deliveries()} again.
 */
public final class ReplaySession implements AutoCloseable {
    /** How many of the last steps {@link #deliveries()} keeps: a run's memory must not grow with its length. */
    public static final int KEPT_DELIVERIES = 10_000;
    /** Longest wall-clock wait between two steps when playing at a recorded pace. */
    public static final Duration MAX_WAIT = Duration.ofSeconds(2);

    private final ScriptEngine engine;
    private final EventSource source;
    private final ReplaySettings settings;
    private final Executor executor;
    private final Pacer pacer;
    private final List<ReplayListener> listeners = new CopyOnWriteArrayList<>();
    private final List<Breakpoint> breakpoints = new ArrayList<>();
    private final List<Integer> conditionIndex = new ArrayList<>();
    private final ListenerFanout fanout = new ListenerFanout(listeners, () -> this.silent);
    private final java.util.ArrayDeque<Delivery> deliveries = new java.util.ArrayDeque<>();
    private ReplayRun run;
    private volatile boolean silent;
    private volatile boolean playing;
    private volatile Speed speed = Speed.MAX;
    private BreakpointHit lastHit;

    /**
     * A session over {@code source}.
     *
     * @param engine   the shared script engine and its watchdog; not closed here
     * @param executor runs {@link #play()}
     * @param pacer    waits between steps at a recorded pace
     * @throws ScriptException when the script does not load (syntax error, top-level error)
     */
    public ReplaySession(ScriptEngine engine, EventSource source, ReplaySettings settings, Executor executor, Pacer pacer) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.source = Objects.requireNonNull(source, "source");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.pacer = Objects.requireNonNull(pacer, "pacer");
        this.run = new ReplayRun(engine, source, settings, fanout);
    }

    /** A session over the slice {@code settings.query()} of a project. */
    public static ReplaySession open(ProjectStore store, ScriptEngine engine, ReplaySettings settings, Executor executor, Pacer pacer) {
        return new ReplaySession(engine, EventSource.of(store, settings.query()), settings, executor, pacer);
    }

    /** True when {@code event} was published by a handler of a run (not recorded in the project). */
    public static boolean isPublished(Event event) {
        return event.origin() != null && DerivedEvents.FORMAT.equals(event.origin().format());
    }

    /** The settings. */
    public ReplaySettings settings() {
        return settings;
    }

    /** Adds a listener (called on the thread that steps). */
    public void addListener(ReplayListener l) {
        listeners.add(Objects.requireNonNull(l, "listener"));
    }

    /** Removes a listener. */
    public void removeListener(ReplayListener l) {
        listeners.remove(l);
    }

    /**
     * Adds a breakpoint.
     *
     * @throws ScriptException when a condition does not compile
     */
    public synchronized void addBreakpoint(Breakpoint b) {
        int index = b instanceof Breakpoint.OnCondition c ? run.runtime().compileCondition(c.expression()) : -1;
        breakpoints.add(b);
        conditionIndex.add(index);
    }

    /** Removes a breakpoint; true when it was set. */
    public synchronized boolean removeBreakpoint(Breakpoint b) {
        int i = breakpoints.indexOf(b);
        if (i < 0) {
            return false;
        }
        breakpoints.remove(i);
        conditionIndex.remove(i);
        return true;
    }

    /** The breakpoints in the order they were added. */
    public synchronized List<Breakpoint> breakpoints() {
        return List.copyOf(breakpoints);
    }

    /** The playing speed. */
    public Speed speed() {
        return speed;
    }

    /** Sets the playing speed (takes effect at the next step). */
    public void setSpeed(Speed s) {
        speed = Objects.requireNonNull(s, "speed");
    }

    /** Steps done so far (the index of the last {@link Delivery}). */
    public synchronized long position() {
        return run.steps();
    }

    /** The virtual time. */
    public synchronized Instant now() {
        return run.now();
    }

    /** The event the next step delivers, if any. */
    public synchronized Optional<Event> next() {
        ReplayRun.Pending p = run.peek();
        return p == null ? Optional.empty() : Optional.of(p.event());
    }

    /** Delivers one event; empty when the run is finished. */
    public synchronized Optional<Delivery> step() {
        Delivery d = run.step();
        if (d != null) {
            if (deliveries.size() == KEPT_DELIVERIES) {
                deliveries.removeFirst();
            }
            deliveries.addLast(d);
        }
        return Optional.ofNullable(d);
    }

    /**
     * Goes back one step: rebuilds the run and re-executes it to the step before the current one.
     * Returns the delivery that is now the last one done (empty at the start).
     */
    public synchronized Optional<Delivery> stepBack() {
        long target = Math.max(0, run.steps() - 1);
        restart();
        silent = true;
        try {
            while (run.steps() < target && step().isPresent()) {
                // re-execute silently
            }
        } finally {
            silent = false;
        }
        fanout.reset();
        return Optional.ofNullable(deliveries.peekLast());
    }

    /** Steps until the next event is due after {@code time}, a breakpoint or the end. */
    public synchronized Optional<BreakpointHit> runTo(Instant time) {
        return loop(p -> !p.due().isAfter(time));
    }

    /** Steps until the recorded event at log {@code position} has been delivered, a breakpoint or the end. */
    public synchronized Optional<BreakpointHit> runToPosition(long position) {
        boolean[] done = {false};
        return loop(p -> {
            if (done[0]) {
                return false;
            }
            if (!p.event().origin().format().equals(DerivedEvents.FORMAT) && p.event().position() >= position) {
                done[0] = true;
            }
            return true;
        });
    }

    /** Steps to the end or a breakpoint. */
    public synchronized Optional<BreakpointHit> runToEnd() {
        return loop(p -> true);
    }

    /** Plays on the executor until paused, a breakpoint or the end; does nothing when already playing. */
    public void play() {
        synchronized (this) {
            if (playing) {
                return;
            }
            playing = true;
        }
        executor.execute(this::playLoop);
    }

    /** Stops playing after the current step. */
    public void pause() {
        playing = false;
    }

    /** True while {@link #play()} runs. */
    public boolean isPlaying() {
        return playing;
    }

    /**
     * True when the script registers a reducer or an upcaster, so that recorded aggregates fold differently
     * under it (what {@link RunReducers#rebuilds()} of the same script says, known here without compiling it again).
     */
    public synchronized boolean rebuildsAggregates() {
        return run.runtime().foldsAggregates();
    }

    /** The last breakpoint hit, if any. */
    public synchronized Optional<BreakpointHit> lastHit() {
        return Optional.ofNullable(lastHit);
    }

    /** The counts so far. */
    public synchronized RunSummary summary() {
        return run.summary();
    }

    /** What the run produced so far. */
    public synchronized RunOutputs outputs() {
        return run.outputs();
    }

    /** The last steps done, at most {@link #KEPT_DELIVERIES}, oldest first ({@link #position()} counts them all). */
    public synchronized List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    /** The state JSON of an aggregate as rebuilt by the run at the current virtual time, or null. */
    public synchronized String state(String aggregateId) {
        return run.stateJson(aggregateId);
    }

    /**
     * The state JSON of the aggregate of an event the last step delivered, as it was before that step: with
     * {@link #state} after it, what a stop after a delivery shows changed. For any other event (a retry
     * folds nothing) the same as {@link #state}.
     */
    public synchronized String stateBefore(Event delivered) {
        return run.stateJsonBefore(delivered);
    }

    /**
     * The state JSON the event's aggregate will have once the event is delivered, computed without
     * delivering it (the script's reducer for its type, else the standard one); null when the event names
     * no aggregate or the reducer fails on it (the failure is reported when the step happens).
     */
    public synchronized String stateAfter(Event next) {
        try {
            return run.stateJsonAfter(next);
        } catch (ScriptException e) {
            return null;
        }
    }

    private void playLoop() {
        boolean first = true;
        try {
            while (playing) {
                Duration wait;
                synchronized (this) {
                    ReplayRun.Pending p = run.peek();
                    if (p == null) {
                        break;
                    }
                    wait = speed.isMax() ? Duration.ZERO : scaled(Duration.between(run.now(), p.due()));
                }
                if (!wait.isZero() && !wait.isNegative()) {
                    pacer.await(wait);
                }
                synchronized (this) {
                    if (!playing) {
                        break;
                    }
                    Optional<BreakpointHit> hit = oneStep(first);
                    first = false;
                    if (hit.isPresent() || run.peek() == null) {
                        break;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            playing = false;
            RunSummary s;
            synchronized (this) {
                s = run.summary();
            }
            fanout.playEnded(s);
        }
    }

    private Duration scaled(Duration virtualGap) {
        if (virtualGap.isNegative()) {
            return Duration.ZERO;
        }
        Duration d = Duration.ofNanos((long) (Math.min(virtualGap.toNanos(), Long.MAX_VALUE / 2) / speed.factor()));
        return d.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : d;
    }

    private Optional<BreakpointHit> loop(java.util.function.Predicate<ReplayRun.Pending> go) {
        boolean first = true;
        for (ReplayRun.Pending p = run.peek(); p != null && go.test(p); p = run.peek()) {
            Optional<BreakpointHit> hit = oneStep(first);
            first = false;
            if (hit.isPresent()) {
                return hit;
            }
        }
        return Optional.empty();
    }

    /**
     * One step with breakpoints; type and condition breakpoints stop before delivery (not on the first step of a
     * run) and test the event as the handlers will see it, upcast by the script (decision 0044).
     */
    private Optional<BreakpointHit> oneStep(boolean first) {
        ReplayRun.Pending p = run.peek();
        if (p == null) {
            return Optional.empty();
        }
        if (!first) {
            Event e = breakpoints.isEmpty() ? null : run.asDelivered(p); // what the handlers will see
            for (int i = 0; i < breakpoints.size(); i++) {
                Breakpoint b = breakpoints.get(i);
                boolean hit = switch (b) {
                    case Breakpoint.OnType t -> t.pattern().matches(e.type());
                    case Breakpoint.OnCondition c -> run.runtime().test(conditionIndex.get(i), e,
                            e.aggregateId() == null ? null : run.stateJson(e.aggregateId()));
                    default -> false;
                };
                if (hit) {
                    return stop(b, run.steps(), e.id());
                }
            }
        }
        Optional<Delivery> d = step();
        if (d.isEmpty()) {
            return Optional.empty();
        }
        for (Breakpoint b : breakpoints) {
            if (b instanceof Breakpoint.OnError && run.lastStepFailed()
                    || b instanceof Breakpoint.OnDivergence && run.lastStepDiverged()) {
                return stop(b, d.get().index(), d.get().event().id());
            }
        }
        return Optional.empty();
    }

    private Optional<BreakpointHit> stop(Breakpoint b, long delivery, String eventId) {
        lastHit = new BreakpointHit(b, delivery, eventId);
        fanout.stopped(lastHit);
        return Optional.of(lastHit);
    }

    private void restart() {
        ReplayRun old = run;
        run = new ReplayRun(engine, source, settings, fanout);
        old.close();
        deliveries.clear();
        lastHit = null;
        for (int i = 0; i < breakpoints.size(); i++) {
            if (breakpoints.get(i) instanceof Breakpoint.OnCondition c) {
                conditionIndex.set(i, run.runtime().compileCondition(c.expression()));
            }
        }
    }

    @Override
    public synchronized void close() {
        playing = false;
        run.close();
    }
}
