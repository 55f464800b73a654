package eventlens.app.replay;

import eventlens.app.events.EventDetailViewModel;
import eventlens.app.work.BackgroundTask;
import eventlens.app.work.BackgroundWork;
import eventlens.model.Event;
import eventlens.model.query.EventQuery;
import eventlens.model.query.QueryException;
import eventlens.model.query.QueryParser;
import eventlens.model.store.ProjectStore;
import eventlens.replay.Breakpoint;
import eventlens.replay.Delivery;
import eventlens.replay.Pacer;
import eventlens.replay.ReplayMode;
import eventlens.replay.ReplaySession;
import eventlens.replay.ReplaySettings;
import eventlens.replay.RunSummary;
import eventlens.replay.Speed;
import eventlens.replay.script.ReplayScript;
import eventlens.replay.script.ScriptEngine;
import eventlens.replay.script.ScriptException;
import eventlens.replay.script.ScriptLimits;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Replay view's state: the script, the slice and mode, the session with its transport controls,
 * breakpoints, and what the run produced ({@link #output()}). Engine work runs through the one
 * {@link BackgroundWork}; playing runs the session's loop there too. What the engine reports is
 * buffered by a {@link ReplayFeed} and moved into the lists by {@link #drain()}, which the view calls
 * once per frame and every control calls when it finishes.
 */
public final class ReplayViewModel {
    /** Rows each live list keeps (the counts go on). */
    public static final int VISIBLE_ROWS = 10_000;

    private final BackgroundWork work;
    private final Clock clock;
    private final Pacer pacer;
    private final ObservableValue<Instant> timeCursor;
    private final ScriptFile script;
    private final ReplayOutput output;
    private final RunsViewModel runs;
    private final ReplaySelection selection;
    private final SessionHolder holder;
    private final StringProperty filterText = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper filterError = new ReadOnlyStringWrapper("");
    private final eventlens.app.events.QueryAssist assist;
    private final ObjectProperty<ReplayMode> mode = new SimpleObjectProperty<>(ReplayMode.ALL);
    private final ObjectProperty<Speed> speed = new SimpleObjectProperty<>(Speed.MAX);
    private final ObservableList<Breakpoint> breakpoints = FXCollections.observableArrayList();
    private final ReadOnlyLongWrapper sliceSize = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper sliceProgress = new ReadOnlyLongWrapper();
    private final ReadOnlyObjectWrapper<ReplayState> state = new ReadOnlyObjectWrapper<>(ReplayState.IDLE);
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    /** Controls handed to the worker and not yet back (a held step key queues several). */
    private int controlsInFlight;
    /** True once the console has the finished run's notes: upcaster counts, handlers not called. */
    private boolean finishNoted;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Load a script to start.");
    private final ReadOnlyStringWrapper stoppedAt = new ReadOnlyStringWrapper("");
    private final StepState stepState = new StepState();
    private final DivergenceDiff divergenceDiff;
    private ProjectStore store;

    /** A replay whose scripts run on {@code engine}, the window's one engine (its owner closes it). */
    public ReplayViewModel(BackgroundWork work, Supplier<ScriptEngine> engine, Clock clock, Pacer pacer,
            ObservableValue<Instant> timeCursor, EventDetailViewModel detail) {
        this(work, engine, clock, pacer, timeCursor, detail, VISIBLE_ROWS);
    }

    ReplayViewModel(BackgroundWork work, Supplier<ScriptEngine> engine, Clock clock, Pacer pacer,
            ObservableValue<Instant> timeCursor, EventDetailViewModel detail, int visibleRows) {
        this.work = work;
        this.holder = new SessionHolder(engine, visibleRows);
        this.clock = clock;
        this.pacer = pacer;
        this.timeCursor = timeCursor;
        this.selection = new ReplaySelection(detail);
        this.output = new ReplayOutput(visibleRows);
        this.runs = new RunsViewModel(work);
        this.assist = new eventlens.app.events.QueryAssist(work, filterText);
        this.script = new ScriptFile(work);
        this.divergenceDiff = new DivergenceDiff(work);
        script.setOnOpened(this::applySetup);
        // The three flags the view binds to are read off the state, never set on their own.
        state.addListener((obs, old, now) -> {
            loaded.set(now.loaded());
            playing.set(now.playing());
            busy.set(now.busy());
        });
        speed.addListener((obs, old, now) -> holder.current().ifPresent(s -> s.session().setSpeed(now)));
    }

    /** The project to replay (null: none); ends the current session. */
    public void setStore(ProjectStore newStore) {
        unload();
        // Nothing of the last project's run stays on screen: its rows, console and stop.
        output.clear();
        selection.select(null, false);
        status.set(newStore == null ? "Open a project first." : "Load a script to start.");
        store = newStore;
        runs.setStore(newStore);
        assist.setSource(newStore == null ? null : eventlens.app.events.EventPages.of(newStore));
    }

    /** History, completion and saved queries of the slice's bar (the same as the events filter's). */
    public eventlens.app.events.QueryAssist assist() {
        return assist;
    }

    public void setShowFlow(Consumer<String> action) {
        selection.setShowFlow(action);
    }

    /** Takes the slice and mode a script's header names (see {@link ScriptSetup}); a script without one changes nothing. */
    private void applySetup(String text) {
        ScriptSetup.of(text).ifPresent(s -> {
            if (s.mode() != null) {
                mode.set(s.mode());
            }
            if (s.where() != null) {
                filterText.set(s.where());
            }
            status.set(script.name() + ": " + s.describe() + ". Load to start.");
        });
    }

    /** Compiles the script and builds a new session over the slice; a script error goes to the console. */
    public void load() {
        if (store == null) {
            status.set("Open a project first.");
            return;
        }
        String where = filterText.get();
        String savedName = savedName(where);
        EventQuery parsed = null;
        if (savedName == null) {
            try {
                parsed = where.isBlank() ? EventQuery.ALL : QueryParser.parse(where);
            } catch (QueryException e) {
                filterError.set(e.getMessage());
                return;
            }
        }
        filterError.set("");
        assist.remember(where.strip());
        unload();
        output.clear();
        finishNoted = false;
        selection.select(null, false);
        divergenceDiff.show(null, null, java.util.List.of(), java.util.List.of());
        ReplayScript replayScript = new ReplayScript(script.name(), script.textProperty().get());
        ReplayMode replayMode = mode.get();
        EventQuery query = parsed;
        ProjectStore target = store;
        Instant started = clock.instant();
        java.util.List<Breakpoint> stops = java.util.List.copyOf(breakpoints);
        status.set("Compiling " + script.name() + "…");
        moveTo(ReplayState.LOADING);
        // A saved query (@name) is read from the project on the worker, like everything from the store.
        BackgroundTask.of(context -> holder.open(target, new ReplaySettings(replayScript,
                query != null ? query : QueryParser.parse(saved(target, savedName)), where, replayMode, 0,
                ScriptLimits.DEFAULT), stops, started, this::playOn, pacer))
                .onSuccess(running -> {
                    running.session().setSpeed(speed.get());
                    moveTo(ReplayState.READY);
                    sliceSize.set(running.slice().size());
                    sliceProgress.set(0);
                    output.setSummary(running.session().summary());
                    status.set(String.format("%s loaded · %,d events in the slice · mode %s", script.name(),
                            running.slice().size(), mode.get().name().toLowerCase(java.util.Locale.ROOT)));
                })
                .onFailure(error -> {
                    if (error instanceof QueryException bad) {
                        filterError.set(bad.getMessage());
                        moveTo(ReplayState.IDLE);
                    } else {
                        report(error);
                    }
                })
                .onFinished(() -> {
                    if (state.get() == ReplayState.LOADING) {
                        moveTo(ReplayState.IDLE); // cancelled
                    }
                })
                .executeWith(work);
    }

    /** The name in a slice that is only {@code @name} (a saved query), else null. */
    private static String savedName(String where) {
        String t = where == null ? "" : where.strip();
        return t.startsWith("@") && t.length() > 1 && t.chars().noneMatch(Character::isWhitespace) ? t.substring(1) : null;
    }

    /** The text of the project's saved query {@code name}; on a worker. */
    private static String saved(ProjectStore store, String name) throws QueryException {
        return new eventlens.model.store.SavedQueries(store).find(name)
                .orElseThrow(() -> eventlens.app.events.QueryAssist.unknownSaved(name, 1));
    }

    /** Delivers one event; the state pane shows its aggregate before and after. */
    public void step() {
        control("Step", s -> {
            Event next = s.next().orElse(null);
            String before = stateOf(s, next);
            return s.step().map(d -> new Moved(d.index(), d.event(), before, stateOf(s, d.event()))).orElse(null);
        }, moved -> {
            if (moved != null) {
                // The listed row's event when it is listed, so that the table follows by identity.
                Event shown = output.delivered().stream().filter(d -> d.index() == moved.step()).findFirst()
                        .map(Delivery::event).orElse(moved.event());
                selection.select(shown, !ReplaySession.isPublished(shown));
                stepState.stepped(moved.step(), moved.event(), moved.before(), moved.after());
            }
        });
    }

    /** Goes back one delivery; the state pane shows the event that is next again, with the state it starts from. */
    public void stepBack() {
        control("Step back", s -> {
            long last = s.stepBack().map(Delivery::index).orElse(0L);
            Event next = s.next().orElse(null);
            return new Moved(last + 1, next, stateOf(s, next), null);
        }, moved -> {
            output.delivered().stream().filter(d -> d.index() == moved.step() - 1).findFirst()
                    .ifPresent(d -> selection.select(d.event(), !d.published()));
            if (moved.event() != null) {
                stepState.before(moved.step(), moved.event(), moved.before());
            }
        });
    }

    /** A move of the run: {@code step} is the step that delivered {@code event} (or will, when {@code after} is null). */
    private record Moved(long step, Event event, String before, String after) {
    }

    private static String stateOf(ReplaySession s, Event e) {
        return e == null || e.aggregateId() == null ? null : s.state(e.aggregateId());
    }

    public void runToEnd() {
        control("Run to end", ReplaySession::runToEnd, hit -> { });
    }

    /** Runs until the next event is due after {@code time}. */
    public void runToTime(Instant time) {
        control("Run to " + time, s -> s.runTo(time), hit -> { });
    }

    /** Runs to the app's time cursor, if one is set. */
    public void runToCursor() {
        Instant t = timeCursor.getValue();
        if (t != null) {
            runToTime(t);
        }
    }

    /** Runs until the {@code n}-th recorded event of the slice (1-based) has been delivered. */
    public void runToSliceIndex(long n) {
        holder.current().ifPresent(r -> {
            if (n >= 1 && n <= r.slice().size()) {
                long position = r.slice().positionAt((int) n - 1);
                control("Run to event " + n, s -> s.runToPosition(position), hit -> { });
            }
        });
    }

    public void play() {
        holder.current().ifPresent(r -> {
            if (!state.get().canMoveTo(ReplayState.PLAYING)) {
                return;
            }
            stoppedAt.set("");
            moveTo(ReplayState.PLAYING);
            status.set("Playing…");
            r.session().play();
        });
    }

    public void pause() {
        holder.current().ifPresent(r -> r.session().pause());
    }

    /** Play when paused, pause when playing (one key for both, as in debuggers). */
    public void togglePlay() {
        if (playing.get()) {
            pause();
        } else if (!busy.get()) {
            play();
        }
    }

    /** Shows a divergence's expected and actual events side by side (null: none). */
    public void selectDivergence(eventlens.replay.Divergence d) {
        divergenceDiff.show(d, store, output.published(), output.divergences());
    }

    /** Moves everything the engine reported into the counts and the lists (the engine has stopped). */
    public void drain() {
        drain(false);
    }

    /**
     * Moves what the engine reported so far while it keeps working (the view's frame timer): the counts at
     * once, the lists' rows at most every {@link ReplayOutput#ROWS_EVERY_NANOS}.
     */
    public void drainWhileWorking() {
        drain(true);
    }

    private void drain(boolean working) {
        holder.current().ifPresent(r -> {
            output.drain(r.feed(), working, this::stopped, this::ended);
            RunSummary s = output.summaryProperty().get();
            sliceProgress.set(s != null && s.finished() ? r.slice().size()
                    : r.slice().indexOf(output.lastRecordedPositionProperty().get()) + 1L);
        });
    }

    /** Adds a breakpoint; a condition that does not compile goes to the console. */
    public void addBreakpoint(BreakpointKind kind, String text) {
        if (kind.needsText() && (text == null || text.isBlank())) {
            return;
        }
        Breakpoint b;
        try {
            b = kind.create(text == null ? "" : text);
            holder.current().ifPresent(r -> r.session().addBreakpoint(b));
        } catch (ScriptException e) {
            output.log(ConsoleLine.of(e.error()));
            return;
        } catch (IllegalArgumentException e) {
            output.log(ConsoleLine.problem("Breakpoint: " + e.getMessage()));
            return;
        }
        breakpoints.add(b);
    }

    public void removeBreakpoint(Breakpoint b) {
        breakpoints.remove(b);
        holder.current().ifPresent(r -> r.session().removeBreakpoint(b));
    }

    /** Ends the session (the window is closing); the script engine is closed by its owner. */
    public void dispose() {
        unload();
        runs.dispose();
    }

    private void unload() {
        // Closing waits for a step still running: on a worker, never on the FX thread.
        RunningSession ending = holder.detach();
        if (ending != null) {
            BackgroundTask.of(context -> {
                SessionHolder.end(ending);
                return null;
            }).named("Closing the replay session").executeWith(work);
        }
        moveTo(ReplayState.IDLE);
        controlsInFlight = 0;
        sliceSize.set(0);
        sliceProgress.set(0);
        stoppedAt.set("");
        stepState.clear();
    }

    private <T> void control(String what, java.util.function.Function<ReplaySession, T> action, Consumer<T> then) {
        Optional<RunningSession> current = holder.current();
        if (current.isEmpty() || !state.get().controllable()) {
            return;
        }
        ReplaySession session = current.get().session();
        moveTo(ReplayState.STEPPING);
        controlsInFlight++;
        stoppedAt.set("");
        BackgroundTask.of(context -> {
            T value = action.apply(session);
            return new Outcome<>(value, session.summary());
        }).onSuccess(o -> {
            output.setSummary(o.summary());
            drain();
            then.accept(o.value());
            afterMove(o.summary(), what);
        }).onFailure(this::report).onFinished(() -> {
            controlsInFlight = Math.max(0, controlsInFlight - 1);
            if (controlsInFlight == 0 && state.get() == ReplayState.STEPPING) {
                moveTo(ReplayState.READY);
            }
        }).executeWith(work);
    }

    private record Outcome<T>(T value, RunSummary summary) {
    }

    private void playOn(Runnable loop) {
        BackgroundTask.of(context -> {
            loop.run();
            return null;
        }).onSuccess(v -> drain()).onFailure(this::report).executeWith(work);
    }

    private void stopped(ReplayFeed.Stop s) {
        StopPlace place = StopPlace.of(s);
        stoppedAt.set(place.banner());
        s.event().ifPresent(e -> {
            selection.select(e, !ReplaySession.isPublished(e));
            stepState.stopped(place.step(), e, s.before(), s.after(), place.beforeDelivery());
        });
    }

    private void ended(RunSummary summary) {
        afterMove(summary, "Play");
    }

    private void afterMove(RunSummary summary, String what) {
        ReplayState settled = summary.finished() ? ReplayState.FINISHED
                : stoppedAt.get().isEmpty() ? ReplayState.READY : ReplayState.STOPPED;
        boolean stillStepping = state.get() == ReplayState.STEPPING && controlsInFlight > 1;
        if (state.get().loaded() && !stillStepping) {
            moveTo(settled);
        }
        status.set(describe(summary) + (stoppedAt.get().isEmpty() ? "" : " · " + what + " stopped at a breakpoint"));
        if (summary.finished()) {
            noteFinished(summary);
            // Stored once the finished run's last rows are drawn: the write (and a second script context when
            // the script folds aggregates) took the second core while those rows were laid out.
            holder.current().filter(RunningSession::markSaved).ifPresent(r -> work.afterFrames(3, () -> runs.save(r, holder)));
        }
    }

    /**
     * Once a run finishes, the console says how many events each of the script's upcasters changed, and which
     * handlers no event reached (decision 0088).
     */
    private void noteFinished(RunSummary summary) {
        if (finishNoted) {
            return;
        }
        finishNoted = true;
        summary.upcasts().forEach(u -> output.log(ConsoleLine.note(String.format("upcaster %s changed %,d event%s",
                u.upcaster(), u.events(), u.events() == 1 ? "" : "s"))));
        if (summary.delivered() > 0) {
            summary.idle().forEach(h -> output.log(ConsoleLine.note(h.describe())));
        }
    }

    static String describe(RunSummary s) {
        return String.format("delivered %,d · published %,d · failed %,d · dead-lettered %,d · divergences %,d%s%s",
                s.delivered(), s.published(), s.failed(), s.deadLettered(), s.divergences(),
                s.upcasts().isEmpty() ? "" : String.format(" · upcast %,d", s.upcasted()), s.finished() ? " · finished" : "");
    }

    private void report(Throwable error) {
        if (state.get() == ReplayState.LOADING) {
            moveTo(ReplayState.FAILED);
        } else if (state.get().loaded()) {
            moveTo(ReplayState.READY); // the run is still there; the console and status say what failed
        }
        if (error instanceof ScriptException e) {
            output.log(ConsoleLine.of(e.error()));
            script.markError(e.error().line());
            status.set("Script error at line " + e.error().line() + ":" + e.error().column());
        } else {
            output.log(ConsoleLine.problem(error.getClass().getSimpleName() + ": " + error.getMessage()));
            status.set("Replay failed: " + error.getMessage());
        }
    }

    public ScriptFile script() {
        return script;
    }

    public ReplayOutput output() {
        return output;
    }

    public RunsViewModel runs() {
        return runs;
    }

    public ReplaySelection selection() {
        return selection;
    }

    public DivergenceDiff divergenceDiff() {
        return divergenceDiff;
    }

    /** The state pane: the aggregate of the event at the last stop or step, before and after. */
    public StepState stepState() {
        return stepState;
    }

    /** The session in use, if a script is loaded (tests and the CLI comparison). */
    public Optional<ReplaySession> session() {
        return holder.current().map(RunningSession::session);
    }

    /** Recorded events in the loaded slice (0 when none is loaded). */
    public ReadOnlyLongProperty sliceSizeProperty() {
        return sliceSize.getReadOnlyProperty();
    }

    /** How far the run is through the slice: the 1-based index of the last recorded event delivered. */
    public ReadOnlyLongProperty sliceProgressProperty() {
        return sliceProgress.getReadOnlyProperty();
    }

    public StringProperty filterTextProperty() {
        return filterText;
    }

    public ReadOnlyStringProperty filterErrorProperty() {
        return filterError.getReadOnlyProperty();
    }

    public ObjectProperty<ReplayMode> modeProperty() {
        return mode;
    }

    public ObjectProperty<Speed> speedProperty() {
        return speed;
    }

    public ObservableList<Breakpoint> breakpoints() {
        return breakpoints;
    }

    /** Where the run is; {@link #loadedProperty()}, {@link #playingProperty()} and {@link #busyProperty()} follow it. */
    public ReadOnlyObjectProperty<ReplayState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Moves the run to {@code next}; an impossible change is a bug and fails loudly. */
    private void moveTo(ReplayState next) {
        ReplayState now = state.get();
        if (now == next) {
            return;
        }
        if (!now.canMoveTo(next)) {
            throw new IllegalStateException("replay cannot go from " + now + " to " + next);
        }
        state.set(next);
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Where the last breakpoint stopped the run ("" when it did not). */
    public ReadOnlyStringProperty stoppedAtProperty() {
        return stoppedAt.getReadOnlyProperty();
    }

    public ObservableValue<Instant> timeCursor() {
        return timeCursor;
    }
}
