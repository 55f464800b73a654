package eventlens.replay;

import eventlens.model.Event;
import eventlens.model.state.AggregateState;
import eventlens.model.state.MergePatchReducer;
import eventlens.model.state.Reducer;
import eventlens.replay.bus.EventBus;
import eventlens.replay.bus.HandlerOutcome;
import eventlens.replay.bus.Subscription;
import eventlens.replay.bus.VirtualClock;
import eventlens.replay.script.ReplayScript;
import eventlens.replay.script.RetryPolicy;
import eventlens.replay.script.ScriptEngine;
import eventlens.replay.script.ScriptError;
import eventlens.replay.script.ScriptException;
import eventlens.replay.script.ScriptHandler;
import eventlens.replay.script.ScriptHost;
import eventlens.replay.script.ScriptRuntime;
import eventlens.replay.script.Upcast;
import eventlens.replay.script.Upcaster;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * One deterministic execution of a script over a slice, step by step: the queue (recorded events merged
 * with published events and scheduled retries, in virtual time), the bus, the script, the aggregate
 * states and the outputs. {@link ReplaySession} drives it and replaces it to step back.
 */
final class ReplayRun implements ScriptHost, AutoCloseable {
    private static final Reducer MERGE_PATCH = new MergePatchReducer();

    private final ReplaySettings settings;
    private final ReplayListener listener;
    private final ScriptRuntime runtime;
    private final EventBus bus = new EventBus();
    private final VirtualClock clock;
    private final Iterator<Event> recorded;
    private final EventSource.Recall recall;
    private final long[] upcasted;
    /** {@link #upcasted} as the summary lists it, made again only after an upcast: a summary is taken at every step. */
    private List<UpcastCount> upcastCounts = List.of();
    private boolean upcastCountsStale = true;
    /** The recorded event last upcast, and the outcome ({@link #upcastRecorded}). */
    private Event upcastOf;
    private Upcast upcastDone;
    private Event recordedHead;
    private long recordedOrdinal;
    private final PriorityQueue<Pending> pending = new PriorityQueue<>(
            Comparator.comparing(Pending::due).thenComparingLong(Pending::seq));
    private final RootsComparison roots;
    private final DerivedEvents derived;
    private final AggregateStates states;
    private final DeliveredIds deliveredIds;
    private final Map<String, Integer> repeats = new HashMap<>();
    private final Map<String, Integer> retriesPending = new HashMap<>();
    private final Map<Subscription, ScriptHandler> handlerOf = new HashMap<>();
    private final IdleHandlers idle = new IdleHandlers();
    private final Map<String, List<String>> namesByType = new HashMap<>();
    private final List<Event> published = new ArrayList<>();
    private final KeptList<ReplayDeadLetter> deadLetters = new KeptList<>();
    private final KeptList<HandlerFailure> failures = new KeptList<>();
    private final KeptList<LogLine> logs = new KeptList<>();
    private final KeptList<Divergence> divergences = new KeptList<>();
    private final KeptList<IdempotencyWarning> warnings = new KeptList<>();
    private long seq;
    private long steps;
    private long retried;
    private Event handling;
    private final Map<String, Integer> publishIndex = new HashMap<>();
    private boolean stepFailed;
    private boolean stepDiverged;
    private final CascadeBudget budget;

    /** @throws ScriptException when the script does not load */
    ReplayRun(ScriptEngine engine, EventSource source, ReplaySettings settings, ReplayListener listener) {
        this.settings = settings;
        this.listener = listener;
        this.budget = new CascadeBudget(settings.budgets());
        this.derived = new DerivedEvents(settings.seed());
        EventSource delivered = source;
        if (settings.mode() == ReplayMode.ROOTS) {
            roots = new RootsComparison(source.all());
            delivered = EventSource.of(roots.roots());
        } else {
            roots = null;
        }
        recorded = delivered.open();
        EventSource.Recall recorded0 = delivered.recall();
        deliveredIds = new DeliveredIds(source.idsMayRepeat());
        recordedHead = recorded.hasNext() ? recorded.next() : null;
        clock = new VirtualClock(recordedHead == null || recordedHead.time() == null ? Instant.EPOCH : recordedHead.time());
        runtime = new ScriptRuntime(engine, settings.script(), settings.limits(), this, settings.seed());
        upcasted = new long[runtime.upcasters().size()];
        recall = runtime.upcasters().isEmpty() ? recorded0 : new UpcastRecall(recorded0, runtime);
        states = new AggregateStates(runtime, MERGE_PATCH, recall);
        for (ScriptHandler h : runtime.handlers()) {
            Subscription s = bus.subscribe(h.pattern().text(), h.name(), e -> {
                budget.beginCall();
                var error = runtime.invoke(h, e);
                String refused = budget.refusal();
                if (refused != null && (error.isEmpty() || !CascadeBudget.TYPE.equals(error.get().errorType()))) {
                    // the handler caught the refusal: the cascade still ends here
                    throw new HandlerError(new ScriptError(settings.script().name(), 0, 0, CascadeBudget.TYPE, refused, ""), true);
                }
                if (error.isPresent()) {
                    throw new HandlerError(error.get(), refused != null);
                }
            });
            handlerOf.put(s, h);
            idle.add(s);
        }
    }

    ReplayScript script() {
        return runtime.script();
    }

    ScriptRuntime runtime() {
        return runtime;
    }

    long steps() {
        return steps;
    }

    boolean lastStepFailed() {
        return stepFailed;
    }

    boolean lastStepDiverged() {
        return stepDiverged;
    }

    /** The state JSON of an aggregate at the current virtual time, or null. */
    String stateJson(String aggregateId) {
        return states.json(aggregateId);
    }

    /** The key of the last recorded event delivered: with the step, where {@link #stateJsonAt} looks back from. */
    long watermark() {
        return states.watermark();
    }

    /** The state JSON of an aggregate as it was right after {@code step}, whose watermark was {@code watermark}; or null. */
    String stateJsonAt(String aggregateId, long watermark, long step) {
        return states.jsonAt(aggregateId, watermark, step);
    }

    String stateJsonBefore(Event delivered) {
        return states.jsonBefore(delivered);
    }

    /** @throws ScriptException when the script's upcasters or reducer fail on the event */
    String stateJsonAfter(Event e) {
        if (upcasted.length > 0 && !ReplaySession.isPublished(e)) {
            Upcast u = runtime.upcast(e); // an event already upcast (a retry) declares the final version: untouched
            if (u.error() != null) {
                throw new ScriptException(u.error());
            }
            return states.jsonAfter(u.event());
        }
        return states.jsonAfter(e);
    }

    /**
     * The event of {@code p} as the handlers and reducers will see it: a recorded event brought to its final
     * version by the script's upcasters (what a breakpoint condition tests, decision 0044); the event as
     * recorded when the upcasters fail on it (its delivery then dead-letters it, and no handler sees it).
     */
    Event asDelivered(Pending p) {
        if (p.seq() < 0 && upcasted.length > 0) {
            Upcast u = upcastRecorded(p.event());
            return u.error() == null ? u.event() : p.event();
        }
        return p.event();
    }

    /**
     * The recorded event upcast once, whether a breakpoint condition asks first or not: an upcaster is called
     * once per event, as its counts and its statement budget assume.
     */
    private Upcast upcastRecorded(Event recordedEvent) {
        if (upcastOf != recordedEvent) {
            upcastDone = runtime.upcast(recordedEvent);
            upcastOf = recordedEvent;
        }
        return upcastDone;
    }

    /** The next event to be delivered and its due time, without delivering it. */
    Pending peek() {
        Pending head = pending.peek();
        if (recordedHead != null) {
            Instant t = recordedHead.time() == null ? clock.instant() : recordedHead.time();
            if (head == null || t.isBefore(head.due())) {
                return new Pending(t, -1, recordedHead, false, 1, null, null, 0);
            }
        }
        return head;
    }

    /** Delivers one event; null when the run is finished. */
    Delivery step() {
        Pending next = peek();
        if (next == null) {
            return null;
        }
        long key = -1;
        if (next.seq() < 0) {
            key = recall.keyOf(recordedHead, recordedOrdinal++);
            recordedHead = recorded.hasNext() ? recorded.next() : null;
        } else {
            pending.poll();
        }
        stepFailed = false;
        stepDiverged = false;
        budget.beginDelivery(next.depth());
        clock.advanceTo(next.due());
        steps++;
        Event e = next.event();
        if (next.seq() < 0 && upcasted.length > 0) {
            Upcast u = upcastRecorded(e);
            if (u.error() != null) {
                upcastFailed(e, u.error());
                Delivery d = new Delivery(steps, e, clock.instant(), false, 1, List.of());
                listener.delivered(d);
                return d;
            }
            u.applied().forEach(a -> upcasted[a.index()]++);
            upcastCountsStale |= !u.applied().isEmpty();
            e = u.event();
            next = next.with(e);
        }
        if (next.attempt() == 1) {
            if (!deliveredIds.firstTime(e, next.published())) {
                int n = repeats.merge(e.id(), 2, (a, b) -> a + 1);
                IdempotencyWarning w = new IdempotencyWarning(steps, e.id(), n);
                warnings.add(w);
                listener.warned(w);
            }
            if (next.seq() < 0) {
                states.foldRecorded(e, key, this::reducerFailed);
            } else {
                states.foldPublished(e, steps, this::reducerFailed);
            }
        }
        List<Subscription> targets = next.only() == null ? bus.subscribers(e.type()) : List.of(next.only());
        List<String> names = next.only() == null ? namesByType.computeIfAbsent(String.valueOf(e.type()),
                t -> targets.stream().map(Subscription::name).toList()) : List.of(next.only().name());
        handling = e;
        idle.reached(targets);
        for (Subscription s : targets) {
            if (!publishIndex.isEmpty()) {
                publishIndex.clear();
            }
            HandlerOutcome outcome = bus.deliverTo(s, e);
            if (!outcome.succeeded()) {
                failed(next, s, outcome.error());
            }
        }
        handling = null;
        if (next.attempt() > 1) {
            retriesPending.merge(e.id(), -1, Integer::sum);
        }
        if (roots != null && retriesPending.getOrDefault(e.id(), 0) == 0) {
            for (Divergence d : roots.settle(e, steps)) {
                divergences.add(d);
                stepDiverged = true;
                listener.diverged(d);
            }
        }
        Delivery d = new Delivery(steps, e, clock.instant(), next.published(), next.attempt(), names);
        listener.delivered(d);
        return d;
    }

    private void failed(Pending next, Subscription s, Throwable thrown) {
        stepFailed = true;
        ScriptError error = thrown instanceof HandlerError he ? he.error
                : new ScriptError(settings.script().name(), 0, 0, thrown.getClass().getSimpleName(), String.valueOf(thrown.getMessage()), "");
        RetryPolicy policy = runtime.retryPolicy();
        boolean overBudget = thrown instanceof HandlerError h && h.budget;
        boolean willRetry = !overBudget && next.attempt() <= policy.max();
        Instant first = next.firstFailure() == null ? clock.instant() : next.firstFailure();
        HandlerFailure f = new HandlerFailure(steps, clock.instant(), s.name(), next.event().id(), next.attempt(), error, willRetry);
        failures.add(f);
        listener.failed(f);
        if (willRetry) {
            retried++;
            retriesPending.merge(next.event().id(), 1, Integer::sum);
            Duration delay = policy.delay(next.attempt());
            pending.add(new Pending(clock.instant().plus(delay), seq++, next.event(), next.published(), next.attempt() + 1, s,
                    first, next.depth()));
        } else {
            ReplayDeadLetter dl = new ReplayDeadLetter(steps, s.name(), next.event(), next.attempt(), error, first, clock.instant());
            deadLetters.add(dl);
            listener.deadLettered(dl);
        }
    }

    /** A recorded event its upcasters could not bring to the shape the handlers expect: it goes no further. */
    private void upcastFailed(Event e, ScriptError error) {
        stepFailed = true;
        String name = "upcast(" + e.type() + ")";
        HandlerFailure f = new HandlerFailure(steps, clock.instant(), name, e.id(), 1, error, false);
        failures.add(f);
        listener.failed(f);
        ReplayDeadLetter dl = new ReplayDeadLetter(steps, name, e, 1, error, clock.instant(), clock.instant());
        deadLetters.add(dl);
        listener.deadLettered(dl);
    }

    private void reducerFailed(Event e, String aggregateType, ScriptError error) {
        stepFailed = true;
        String name = "reduce(" + aggregateType + ")";
        HandlerFailure f = new HandlerFailure(steps, clock.instant(), name, e.id(), 1, error, false);
        failures.add(f);
        listener.failed(f);
        ReplayDeadLetter dl = new ReplayDeadLetter(steps, name, e, 1, error, clock.instant(), clock.instant());
        deadLetters.add(dl);
        listener.deadLettered(dl);
    }

    RunSummary summary() {
        return new RunSummary(settings.mode(), steps, published.size(), failures.count(), retried, deadLetters.count(),
                divergences.count(), roots == null ? 0 : roots.matched(), logs.count(), warnings.count(), peek() == null,
                upcastCounts(), idle.list());
    }

    private List<UpcastCount> upcastCounts() {
        if (upcastCountsStale) {
            List<UpcastCount> counts = new ArrayList<>(upcasted.length);
            for (Upcaster u : runtime.upcasters()) {
                counts.add(new UpcastCount(u.label(), upcasted[u.index()]));
            }
            upcastCounts = List.copyOf(counts);
            upcastCountsStale = false;
        }
        return upcastCounts;
    }

    RunOutputs outputs() {
        return new RunOutputs(published, deadLetters.items(), failures.items(), logs.items(), divergences.items(),
                warnings.items());
    }

    @Override
    public void publish(Event cause, String handler, String type, String dataJson, String optionsJson) {
        budget.admit(cause, handler, type, published.size());
        int index = publishIndex.merge(handler, 1, Integer::sum);
        Event child = derived.derive(cause, handler, index, type, dataJson, optionsJson, clock.instant());
        published.add(child);
        budget.published(cause, child);
        if (roots != null) {
            roots.published(cause, child);
        }
        pending.add(new Pending(clock.instant(), seq++, child, true, 1, null, null, budget.depth() + 1));
        listener.published(child);
    }

    @Override
    public String state(String aggregateId) {
        return states.json(aggregateId);
    }

    @Override
    public void log(Event cause, String handler, String text) {
        LogLine line = new LogLine(steps, clock.instant(), handler, cause == null ? null : cause.id(), text);
        logs.add(line);
        listener.logged(line);
    }

    @Override
    public Instant now() {
        return clock.instant();
    }

    @Override
    public void close() {
        runtime.close();
    }

    /**
     * An item of the queue.
     *
     * @param seq -1 for the next recorded event, else the order it was queued in
     * @param only the one subscription of a retry, null for all
     * @param depth hops from the recorded event that started its cascade (0: recorded)
     */
    record Pending(Instant due, long seq, Event event, boolean published, int attempt, Subscription only,
            Instant firstFailure, int depth) {
        /** The same item carrying {@code e} (the event as upcast). */
        Pending with(Event e) {
            return new Pending(due, seq, e, published, attempt, only, firstFailure, depth);
        }
    }

    /** Carries a script error through the bus. */
    private static final class HandlerError extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient ScriptError error;
        private final boolean budget;

        /** @param budget true when the call went over a cascade budget: the failure is final */
        HandlerError(ScriptError error, boolean budget) {
            super(error.describe(), null, false, false);
            this.error = error;
            this.budget = budget;
        }
    }

    AggregateState stateOf(String aggregateId) {
        return states.state(aggregateId);
    }
}
