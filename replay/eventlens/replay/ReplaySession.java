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
 * <p>Step back (decision 0054): runs are deterministic (same script, slice and seed → same deliveries, ids, outputs),
 * so the session keeps, with each of the last {@link #KEPT_DELIVERIES} steps, the run's counts and the key of the
 * last recorded event after it. Going back within them moves a cursor: the deliveries, outputs, counts and states
 * the session reports are those of the step at the cursor (a state is folded again from the source, as of that
 * step), and stepping or running forward moves the cursor through the kept steps, breakpoints included, until it
 * reaches the run's head, where the run goes on. So a step back costs the same at step 10 as at step 9,000,000.
 * Further back than the kept steps, the session rebuilds the run from the start and silently re-executes it
 * (GraalJS cannot snapshot a script's heap, decision 0033). Listeners receive {@link ReplayListener#reset()} after
 * a move among kept steps and then read {@link #outputs()} and {@link #deliveries()} again.
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
    private final Kept kept = new Kept(KEPT_DELIVERIES);
    private ReplayRun run;
    /** The step the session shows: the run's head, or an earlier kept step after a step back. */
    private long cursor;
    /** True after a move among kept steps the listeners have not been told of ({@link #showMoves}). */
    private boolean movedAmongKept;
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
        kept.clear(run.now(), run.summary());
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
        return cursor;
    }

    /** The virtual time. */
    public synchronized Instant now() {
        return atHead() ? run.now() : cursor == 0 ? kept.start() : kept.at(cursor).delivery().at();
    }

    /** The event the next step delivers, if any. */
    public synchronized Optional<Event> next() {
        ReplayRun.Pending p = peek();
        return p == null ? Optional.empty() : Optional.of(p.event());
    }

    /** Delivers one event (or, after a step back, moves to the next step kept); empty when the run is finished. */
    public synchronized Optional<Delivery> step() {
        Optional<Delivery> d = advance();
        showMoves();
        return d;
    }

    /**
     * One step forward: through the kept steps, or by the run at the head. A move among kept steps is shown to the
     * listeners by {@link #showMoves} once per control, not per step: a reset makes them read every output again.
     */
    private Optional<Delivery> advance() {
        if (!atHead()) {
            movedAmongKept = true;
            return Optional.of(kept.at(++cursor).delivery());
        }
        Delivery d = run.step();
        if (d != null) {
            kept.add(d, run.summary(), run.watermark());
            cursor = d.index();
        }
        return Optional.ofNullable(d);
    }

    /**
     * Goes back one step: to the step kept before the current one, or, further back than the kept steps, by rebuilding
     * the run and re-executing it to the step before the current one. Returns the delivery that is now the last one done
     * (empty at the start).
     */
    public synchronized Optional<Delivery> stepBack() {
        long target = Math.max(0, cursor - 1);
        if (kept.reaches(target)) {
            cursor = target;
        } else {
            restart();
            silent = true;
            try {
                while (run.steps() < target && step().isPresent()) {
                    // re-execute silently
                }
            } finally {
                silent = false;
            }
        }
        lastHit = null;
        fanout.reset();
        return cursor == 0 ? Optional.empty() : Optional.of(kept.at(cursor).delivery());
    }

    /** Tells the listeners to read the session again after moves among kept steps (none while re-running silently). */
    private void showMoves() {
        if (movedAmongKept && !silent) {
            fanout.reset();
        }
        movedAmongKept = false;
    }

    /** True when the session shows the run's last step, where stepping runs the script. */
    private boolean atHead() {
        return cursor == run.steps();
    }

    /** The next step to be delivered: the run's next, or the kept step after the cursor. */
    private ReplayRun.Pending peek() {
        if (atHead()) {
            return run.peek();
        }
        Delivery d = kept.at(cursor + 1).delivery();
        return new ReplayRun.Pending(d.at(), d.published() ? 0 : -1, d.event(), d.published(), d.attempt(), null, null, 0);
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
            if (!isPublished(p.event()) && p.event().position() >= position) {
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
        return atHead() ? run.summary() : kept.summaryAt(cursor);
    }

    /** What the run produced so far. */
    public synchronized RunOutputs outputs() {
        return atHead() ? run.outputs() : Kept.upTo(run.outputs(), kept.summaryAt(cursor));
    }

    /** The last steps done, at most {@link #KEPT_DELIVERIES}, oldest first ({@link #position()} counts them all). */
    public synchronized List<Delivery> deliveries() {
        return kept.deliveriesUpTo(cursor);
    }

    /** The state JSON of an aggregate as rebuilt by the run at the current virtual time, or null. */
    public synchronized String state(String aggregateId) {
        return atHead() ? run.stateJson(aggregateId) : stateAt(aggregateId, cursor);
    }

    /** The state JSON of an aggregate right after kept step {@code step} (0: before the first), or null. */
    private String stateAt(String aggregateId, long step) {
        return step == 0 ? null : run.stateJsonAt(aggregateId, kept.at(step).watermark(), step);
    }

    /**
     * The state JSON of the aggregate of an event the last step delivered, as it was before that step: with
     * {@link #state} after it, what a stop after a delivery shows changed. For any other event (a retry
     * folds nothing) the same as {@link #state}.
     */
    public synchronized String stateBefore(Event delivered) {
        if (atHead()) {
            return run.stateJsonBefore(delivered);
        }
        if (delivered.aggregateId() == null) {
            return null;
        }
        boolean last = cursor > 0 && kept.at(cursor).delivery().event() == delivered;
        return stateAt(delivered.aggregateId(), last ? cursor - 1 : cursor);
    }

    /**
     * The state JSON the event's aggregate will have once the event is delivered, computed without
     * delivering it (the script's reducer for its type, else the standard one); null when the event names
     * no aggregate or the reducer fails on it (the failure is reported when the step happens).
     */
    public synchronized String stateAfter(Event next) {
        if (!atHead()) {
            return next.aggregateId() == null ? null : stateAt(next.aggregateId(), cursor + 1);
        }
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
                    ReplayRun.Pending p = peek();
                    if (p == null) {
                        break;
                    }
                    wait = speed.isMax() ? Duration.ZERO : scaled(Duration.between(now(), p.due()));
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
                    if (!speed.isMax()) {
                        showMoves(); // played at a pace: each step is seen
                    }
                    if (hit.isPresent() || peek() == null) {
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
                showMoves();
                s = summary();
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
        for (ReplayRun.Pending p = peek(); p != null && go.test(p); p = peek()) {
            Optional<BreakpointHit> hit = oneStep(first);
            first = false;
            if (hit.isPresent()) {
                return hit;
            }
        }
        showMoves();
        return Optional.empty();
    }

    /**
     * One step with breakpoints; type and condition breakpoints stop before delivery (not on the first step of a
     * run) and test the event as the handlers will see it, upcast by the script (decision 0044).
     */
    private Optional<BreakpointHit> oneStep(boolean first) {
        ReplayRun.Pending p = peek();
        if (p == null) {
            return Optional.empty();
        }
        if (!first) {
            // what the handlers will see: a kept step holds the event as delivered already
            Event e = breakpoints.isEmpty() ? null : atHead() ? run.asDelivered(p) : p.event();
            for (int i = 0; i < breakpoints.size(); i++) {
                Breakpoint b = breakpoints.get(i);
                boolean hit = switch (b) {
                    case Breakpoint.OnType t -> t.pattern().matches(e.type());
                    case Breakpoint.OnCondition c -> run.runtime().test(conditionIndex.get(i), e,
                            e.aggregateId() == null ? null : state(e.aggregateId()));
                    default -> false;
                };
                if (hit) {
                    return stop(b, cursor, e.id());
                }
            }
        }
        Optional<Delivery> d = advance();
        if (d.isEmpty()) {
            return Optional.empty();
        }
        boolean failed = kept.failedAt(cursor);
        boolean diverged = kept.divergedAt(cursor);
        for (Breakpoint b : breakpoints) {
            if (b instanceof Breakpoint.OnError && failed || b instanceof Breakpoint.OnDivergence && diverged) {
                return stop(b, d.get().index(), d.get().event().id());
            }
        }
        return Optional.empty();
    }

    private Optional<BreakpointHit> stop(Breakpoint b, long delivery, String eventId) {
        showMoves(); // before the stop: a reset after it would drop it from what the listeners read
        lastHit = new BreakpointHit(b, delivery, eventId);
        fanout.stopped(lastHit);
        return Optional.of(lastHit);
    }

    private void restart() {
        ReplayRun old = run;
        run = new ReplayRun(engine, source, settings, fanout);
        old.close();
        kept.clear(run.now(), run.summary());
        cursor = 0;
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
