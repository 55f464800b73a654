package eventlens.replay.deadletter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import eventlens.model.DeadLetter;
import eventlens.model.Event;
import eventlens.model.Fingerprint;
import eventlens.model.deadletter.DeadLetterContext;
import eventlens.model.deadletter.DeadLetterContexts;
import eventlens.model.deadletter.DeadLetterFilter;
import eventlens.model.deadletter.DeadLetterPages;
import eventlens.model.state.AggregateState;
import eventlens.model.state.Reducer;
import eventlens.model.state.Reducers;
import eventlens.model.state.StateAt;
import eventlens.replay.CascadeBudgetExceeded;
import eventlens.replay.ReplayBudgets;
import eventlens.replay.script.ReplayScript;
import eventlens.replay.script.ScriptError;
import eventlens.replay.script.ScriptException;
import eventlens.replay.script.ScriptEngine;
import eventlens.replay.script.ScriptHandler;
import eventlens.replay.script.ScriptLimits;
import eventlens.replay.script.ScriptRuntime;
import eventlens.replay.script.Upcast;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Retries dead letters through a handler script without sending anything anywhere.
 *
 * <p>For each dead letter: the failed message (the log's event when it holds the id, else the embedded
 * one — see {@link DeadLetterContexts}) is delivered once to the script's handlers whose pattern matches
 * its type — only to those among them named like the dead letter's handler when there are any (name a
 * handler {@code on(type, fn, {name: 'payment-service.chargeCard'})} to aim at one consumer). The virtual
 * clock stands at the failure ({@code ctx.now()}), and {@code ctx.state(id)} answers the recorded state
 * at that moment ({@link StateAt#atTime}). The script's {@code retry} policy is not simulated: a
 * re-delivery is one more attempt. A handler call that fails keeps nothing it published.
 *
 * <p>The entry then <em>succeeded</em> (every handler returned), <em>still fails the same way</em> (the
 * first error has the dead letter's fingerprint, or its error type and masked message — the stack frame
 * is not compared, since the recorded failure ran in another program than the script), <em>failed
 * again</em> (any other error: a new exception, the statement limit, a sandbox refusal) or was <em>not
 * handled</em> (no handler matched, or no message). Entries are retried in the order given with one
 * script context, so top-level script variables carry over from entry to entry, and {@code Math.random}
 * and published ids follow {@code seed}: the same dry run gives the same outcomes. Not thread-safe.
 *
 * <p>The message goes through the script's upcasters first ({@code upcast}), so an old-version message
 * that failed can be retried through an upcaster fix: the handlers see it upcast, and the entry shows
 * it so. When the upcasters fail on it (a missing step, an upcaster that throws) it <em>failed again</em>
 * with their error, and no handler is called.
 */
public final class DryRetry implements AutoCloseable {
    /** Dead letters read at a time. */
    public static final int PAGE = 1000;

    private final DeadLetterContexts contexts;
    private final StateAt states;
    private final ReplayScript script;
    private final ScriptRuntime runtime;
    private final DryRunHost host;

    /**
     * Loads {@code script} into a sandboxed context on {@code engine} (the caller closes the engine), with
     * the default {@link ReplayBudgets}.
     *
     * @throws ScriptException when the script does not load (syntax error, top-level error)
     */
    public DryRetry(DeadLetterContexts contexts, StateAt states, ScriptEngine engine, ReplayScript script,
                    ScriptLimits limits, long seed) {
        this(contexts, states, engine, script, limits, ReplayBudgets.DEFAULT, seed);
    }

    /**
     * Loads {@code script} into a sandboxed context on {@code engine} (the caller closes the engine).
     *
     * @throws ScriptException when the script does not load (syntax error, top-level error)
     */
    public DryRetry(DeadLetterContexts contexts, StateAt states, ScriptEngine engine, ReplayScript script,
                    ScriptLimits limits, ReplayBudgets budgets, long seed) {
        this.contexts = contexts;
        this.states = states;
        this.script = script;
        this.host = new DryRunHost(states, seed, budgets.derivedPerDelivery());
        this.runtime = new ScriptRuntime(engine, script, limits, host, seed);
    }

    /**
     * Every dead letter matching {@code filter}, in key order, retried, every entry kept: for a handful (the
     * tests, one entry). A group of any size goes through {@link #retryEach}.
     */
    public DryRunReport retry(DeadLetterPages source, DeadLetterFilter filter) {
        List<DryRunEntry> entries = new ArrayList<>();
        retryEach(source, filter, entries::add);
        return report(entries);
    }

    /**
     * Every dead letter matching {@code filter}, in key order, retried as it is read: pages of {@value #PAGE}
     * are pulled from {@code source} one at a time, each entry's outcome is handed to {@code each} and then
     * dropped, so memory stays flat however large the group. {@code each} may stop the run by throwing
     * (a {@link java.util.concurrent.CancellationException} when cancelled). Returns the counts.
     */
    public DryRunTally retryEach(DeadLetterPages source, DeadLetterFilter filter, Consumer<DryRunEntry> each) {
        Map<RetryOutcome, Long> counts = new EnumMap<>(RetryOutcome.class);
        long after = 0;
        while (true) {
            List<DeadLetter> page = source.entries(filter, after, PAGE);
            for (DeadLetter d : page) {
                DryRunEntry entry = retry(d);
                counts.merge(entry.outcome(), 1L, Long::sum);
                each.accept(entry);
            }
            if (page.size() < PAGE) {
                return new DryRunTally(script.name(), script.version(), counts);
            }
            after = page.get(page.size() - 1).key();
        }
    }

    /** The given dead letters retried in order. */
    public DryRunReport retry(List<DeadLetter> deadLetters) {
        List<DryRunEntry> entries = new ArrayList<>(deadLetters.size());
        for (DeadLetter d : deadLetters) {
            entries.add(retry(d));
        }
        return report(entries);
    }

    /** A report over entries retried one at a time with {@link #retry(DeadLetter)}. */
    public DryRunReport report(List<DryRunEntry> entries) {
        return new DryRunReport(script.name(), script.version(), entries);
    }

    /** One dead letter retried. */
    public DryRunEntry retry(DeadLetter d) {
        DeadLetterContext context = contexts.of(d);
        Event event = context.event();
        if (event == null || event.type() == null || context.failedAt() == null) {
            return new DryRunEntry(d, event, context.failedAt(), List.of(), RetryOutcome.NOT_HANDLED, null,
                    List.of(), List.of(), List.of());
        }
        host.begin(context.failedAt(), event.aggregateId(), context.stateAtFailure());
        List<ScriptHandler> handlers = handlersFor(d, event);
        Upcast upcast = runtime.upcast(event);
        ScriptError error = upcast.error();
        event = upcast.event();
        // no handler sees an event its upcasters failed on
        for (ScriptHandler h : error == null ? handlers : List.<ScriptHandler>of()) {
            int mark = host.publishedCount();
            host.beginCall();
            Optional<ScriptError> failed = runtime.invoke(h, event)
                    .or(() -> host.refusal().map(r -> new ScriptError(script.name(), 0, 0, CascadeBudgetExceeded.class.getSimpleName(), r, "")));
            if (failed.isPresent()) {
                host.dropSince(mark);
                error = error == null ? failed.get() : error;
            }
        }
        List<Event> published = host.published();
        List<StateChange> changes = List.of();
        try {
            changes = stateChanges(published);
        } catch (ScriptException e) {
            error = error == null ? e.error() : error;
        }
        RetryOutcome outcome = upcast.error() != null ? RetryOutcome.FAILED_AGAIN
                : handlers.isEmpty() ? RetryOutcome.NOT_HANDLED
                : error == null ? RetryOutcome.SUCCEEDED
                : sameWay(d, error) ? RetryOutcome.STILL_FAILING_SAME_WAY : RetryOutcome.FAILED_AGAIN;
        return new DryRunEntry(d, event, context.failedAt(), handlers.stream().map(ScriptHandler::name).toList(),
                outcome, error, published, changes, host.log());
    }

    private List<ScriptHandler> handlersFor(DeadLetter d, Event event) {
        List<ScriptHandler> matching = runtime.handlers().stream().filter(h -> h.pattern().matches(event.type())).toList();
        List<ScriptHandler> named = matching.stream().filter(h -> h.name().equals(d.handler())).toList();
        return named.isEmpty() ? matching : named;
    }

    static boolean sameWay(DeadLetter d, ScriptError error) {
        if (Fingerprint.of(error.errorType(), error.message(), error.stack()).equals(d.fingerprint())) {
            return true;
        }
        return d.errorType() != null && d.errorType().equals(error.errorType())
                && Fingerprint.mask(d.message()).equals(Fingerprint.mask(error.message()));
    }

    private List<StateChange> stateChanges(List<Event> published) {
        Map<String, List<Event>> byAggregate = new LinkedHashMap<>();
        for (Event e : published) {
            if (e.aggregateId() != null) {
                byAggregate.computeIfAbsent(e.aggregateId(), k -> new ArrayList<>()).add(e);
            }
        }
        List<StateChange> changes = new ArrayList<>();
        for (Map.Entry<String, List<Event>> a : byAggregate.entrySet()) {
            List<Event> events = a.getValue();
            AggregateState state = host.stateAtFailure(a.getKey())
                    .orElseGet(() -> AggregateState.initial(a.getKey(), events.get(0).aggregateType()));
            JsonNode before = state.data();
            for (Event e : events) {
                state = state.next(e, reducerFor(a.getKey(), e.aggregateType()));
            }
            changes.add(new StateChange(a.getKey(), before == null ? JsonNodeFactory.instance.objectNode() : before,
                    state.data()));
        }
        return changes;
    }

    private Reducer reducerFor(String aggregateId, String aggregateType) {
        if (aggregateType != null) {
            Optional<? extends Reducer> scripted = runtime.reducer(aggregateType);
            if (scripted.isPresent()) {
                return scripted.get();
            }
        }
        return states.reducerOf(aggregateId).orElseGet(() -> Reducers.standard().forType(aggregateType));
    }

    @Override
    public void close() {
        runtime.close();
    }
}
