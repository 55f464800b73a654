package eventlens.replay.script;

import eventlens.model.Event;
import eventlens.replay.bus.TopicPattern;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.SourceSection;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;

/**
 * One loaded handler script in its own sandboxed context (see {@link Sandbox}): the handlers it
 * registered with {@code on}, its reducers ({@code reduce}), upcasters ({@code upcast}) and retry policy
 * ({@code retry}), and calls into them with a {@code ctx} backed by a {@link ScriptHost}.
 *
 * <p>{@code on}, {@code reduce}, {@code upcast} and {@code retry} are honoured at the top level of the script only, so
 * the set of handlers is fixed once loaded. Each call (handler, reducer, upcaster, condition, the top level while
 * loading) gets a fresh budget ({@link ScriptLimits}): statements counted by GraalJS, time and memory
 * watched by the engine's {@link ScriptWatchdog}. A call over a limit is stopped and reported as a
 * {@code StatementLimitExceeded}, {@code TimeLimitExceeded} or {@code MemoryLimitExceeded} error of that
 * call. When the context did not survive (GraalJS cancels a context whose statement limit was exceeded;
 * the watchdog cancels one over its memory or deaf to an interrupt; a hostile thrown value can exhaust
 * the budget while its error is read), the script is loaded again in a new context before the next call:
 * its top-level variables start over. A call stopped for its time alone keeps the context.
 * Handlers run synchronously (a returned promise is not awaited). Not thread-safe: one thread at a time.
 */
public final class ScriptRuntime implements AutoCloseable {
    private final Engine engine;
    private final ScriptWatchdog watchdog;
    private final ReplayScript script;
    private final ScriptLimits limits;
    private final ScriptHost host;
    private final int seed;
    private final Source source;
    private final List<ScriptHandler> handlers = new ArrayList<>();
    private final Map<String, Integer> reducerIndex = new LinkedHashMap<>();
    private final List<String> conditions = new ArrayList<>();
    private final List<Value> handlerFns = new ArrayList<>();
    private final List<Value> reducerFns = new ArrayList<>();
    private final List<Value> conditionFns = new ArrayList<>();
    private final List<Upcaster> upcasters = new ArrayList<>();
    private final List<Value> upcasterFns = new ArrayList<>();
    private final UpcastChains chains;
    private RetryPolicy retry = RetryPolicy.NONE;
    private Context context;
    private Value helpers;
    private Value parseFrozen;
    private ProxyObject ctx;
    private boolean loading;
    private boolean firstLoad = true;
    private Event current;
    private String currentHandler;
    private int restarts;
    private int nesting;
    private boolean contextLost;
    private ScriptException unloaded;

    /**
     * Loads {@code script}.
     *
     * @param seed seeds {@code Math.random} so that runs are reproducible
     * @throws ScriptException on a syntax error or an error at the script's top level
     */
    public ScriptRuntime(ScriptEngine engine, ReplayScript script, ScriptLimits limits, ScriptHost host, long seed) {
        this.engine = Objects.requireNonNull(engine, "engine").engine();
        this.watchdog = engine.watchdog();
        this.script = Objects.requireNonNull(script, "script");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.host = Objects.requireNonNull(host, "host");
        this.seed = (int) (seed ^ (seed >>> 32));
        this.source = Source.newBuilder("js", script.text(), script.name()).buildLiteral();
        load();
        firstLoad = false;
        try {
            chains = UpcastChains.of(script.name(), upcasters);
        } catch (ScriptException e) {
            context.close(true);
            throw e;
        }
    }

    /** The script. */
    public ReplayScript script() {
        return script;
    }

    /** The handlers in registration (= dispatch) order. */
    public List<ScriptHandler> handlers() {
        return List.copyOf(handlers);
    }

    /** The aggregate types that have a script reducer, in registration order. */
    public List<String> reducerTypes() {
        return List.copyOf(reducerIndex.keySet());
    }

    /** The reducer the script registered for {@code aggregateType}. */
    public Optional<ScriptReducer> reducer(String aggregateType) {
        Integer i = reducerIndex.get(aggregateType);
        return i == null ? Optional.empty() : Optional.of(new ScriptReducer(this, i, aggregateType));
    }

    /** The retry policy set by {@code retry(...)}, or {@link RetryPolicy#NONE}. */
    public RetryPolicy retryPolicy() {
        return retry;
    }

    /**
     * True when the script changes how recorded aggregates fold: it registers a reducer or an upcaster
     * (whose events every reducer, merge-patch included, then sees as upcast).
     */
    public boolean foldsAggregates() {
        return !reducerIndex.isEmpty() || !upcasters.isEmpty();
    }

    /** The upcasters registered with {@code upcast}, in registration order. */
    public List<Upcaster> upcasters() {
        return List.copyOf(upcasters);
    }

    /**
     * {@code event} brought to its type's final version by the script's upcasters, one call per upcaster,
     * each within the limits of a handler call; the event itself when its type has none or it is at the
     * final version already. See {@link UpcastChains} for which upcasters apply.
     */
    public Upcast upcast(Event event) {
        return chains.upcast(event, (u, from) -> {
            Outcome<Object> step = call("upcaster", () -> upcastStep(u, from));
            return step.error() != null ? UpcastChains.Step.failed(step.error())
                    : step.value() instanceof String problem ? UpcastChains.Step.refused(problem)
                    : UpcastChains.Step.to((Event) step.value());
        });
    }

    /** One upcaster applied: the new event, or what is wrong with what it returned. */
    private Object upcastStep(Upcaster u, Event from) {
        EventView view = new EventView(from, parseFrozen);
        Value r = helpers.getMember("upcastResult").execute(view, upcasterFns.get(u.index()).execute(view));
        if (r.hasMember("problem")) {
            return r.getMember("problem").asString();
        }
        String data = r.getMember("hasData").asBoolean() ? text(r.getMember("data")) : from.data();
        String metadata = r.getMember("hasMetadata").asBoolean() ? text(r.getMember("metadata")) : from.metadata();
        return Upcast.reshaped(from, data, metadata, u.to());
    }

    /** How many times the context was replaced after a call exhausted its budget. */
    public int restarts() {
        return restarts;
    }

    /** Calls {@code handler} with {@code event}; the error it raised, if any. */
    public Optional<ScriptError> invoke(ScriptHandler handler, Event event) {
        current = event;
        currentHandler = handler.name();
        try {
            return Optional.ofNullable(call("handler", () -> {
                handlerFns.get(handler.index()).executeVoid(new EventView(event, parseFrozen), ctx);
                return null;
            }).error());
        } finally {
            current = null;
            currentHandler = null;
        }
    }

    /**
     * Compiles a breakpoint condition, a JavaScript expression over {@code event} and {@code state}
     * (the event's aggregate state, or null); its index for {@link #test}.
     *
     * @throws ScriptException when the expression does not compile
     */
    public int compileCondition(String expression) {
        Outcome<Value> compiled = call("condition", () -> helpers.getMember("condition").execute(expression));
        if (compiled.error() != null) {
            ScriptError err = compiled.error();
            throw new ScriptException(new ScriptError("condition", 1, 1, err.errorType(), err.message(), ""));
        }
        conditionFns.add(compiled.value());
        conditions.add(expression);
        return conditions.size() - 1;
    }

    /** Evaluates condition {@code index}; an error or a non-boolean result counts as false. */
    public boolean test(int index, Event event, String stateJson) {
        Outcome<Boolean> v = call("condition", () -> {
            Value r = conditionFns.get(index).execute(new EventView(event, parseFrozen), parseFrozen.execute(stateJson));
            return r.isBoolean() && r.asBoolean();
        });
        return v.error() == null && v.value();
    }

    /** Calls reducer {@code index}; the new state as JSON text. */
    String reduce(int index, String stateJson, Event event) {
        Outcome<String> r = call("reducer", () -> {
            Value result = reducerFns.get(index).execute(parseFrozen.execute(stateJson), new EventView(event, parseFrozen));
            Value text = helpers.getMember("stringify").execute(result);
            return text.isNull() ? "{}" : text.asString();
        });
        if (r.error() != null) {
            throw new ScriptException(r.error());
        }
        return r.value();
    }

    /** What a call returned, or the error that ended it. */
    private record Outcome<T>(T value, ScriptError error) {
    }

    /**
     * Runs {@code body} in the context within the limits, and maps what stopped it — all while the call
     * is still watched, since reading a hostile thrown value runs guest code too. Replaces the context
     * before returning when it did not survive, so the next call starts clean. A call made from inside
     * another (a host function calling back into the script) shares the outer call's budget and watch.
     */
    private <T> Outcome<T> call(String what, Supplier<T> body) {
        if (nesting > 0) {
            return attempt(body);
        }
        if (unloaded != null && !loading) {
            reload();
            if (unloaded != null) {
                return new Outcome<>(null, unloaded.error());
            }
        }
        nesting++;
        Outcome<T> outcome;
        ScriptWatchdog.Breach breach;
        boolean lost;
        try {
            context.resetLimits();
            ScriptWatchdog.Watch watch = watchdog.watch(context, limits);
            try {
                outcome = attempt(body);
            } finally {
                breach = watch.end();
            }
            lost = contextLost;
            contextLost = false;
        } finally {
            nesting--;
        }
        if (breach != null) {
            outcome = new Outcome<>(null, ScriptErrors.over(script.name(), what, breach, limits, outcome.error()));
            lost |= breach.cancelled();
        }
        if (lost && !loading) {
            restart(); // while loading, the caller closes the context and reports the error
        }
        return outcome;
    }

    private <T> Outcome<T> attempt(Supplier<T> body) {
        try {
            return new Outcome<>(body.get(), null);
        } catch (PolyglotException e) {
            ScriptErrors.Mapped m = ScriptErrors.map(e, script.name());
            contextLost |= m.contextLost() || e.isCancelled() || e.isResourceExhausted();
            return new Outcome<>(null, m.error());
        } catch (IllegalStateException e) {
            // the context was closed under the call (the watchdog cancelled it between two guest calls)
            contextLost = true;
            return new Outcome<>(null, new ScriptError(script.name(), 0, 0, "Interrupted", String.valueOf(e.getMessage()), ""));
        }
    }

    private void restart() {
        restarts++;
        context.close(true);
        reload();
    }

    /**
     * Loads the script into a new context. The top level can fail where the first load succeeded (over
     * its time or memory this time, or reading a virtual clock that has moved on); then the call that was
     * stopped still reports its own failure, and each next call tries the load again and reports its
     * failure until it succeeds.
     */
    private void reload() {
        try {
            load();
            unloaded = null;
        } catch (ScriptException e) {
            unloaded = e;
        }
    }

    private void load() {
        context = Sandbox.context(engine, limits);
        handlerFns.clear();
        reducerFns.clear();
        conditionFns.clear();
        upcasterFns.clear();
        Value bindings = context.getBindings("js");
        Map<String, Object> hostFns = new HashMap<>();
        hostFns.put("seed", seed);
        hostFns.put("nowMs", (ProxyExecutable) a -> host.now().toEpochMilli());
        try {
            helpers = context.eval(Prelude.SOURCE).execute(ProxyObject.fromMap(hostFns));
        } catch (PolyglotException e) {
            // EventLens's own prelude runs under the script's limits too; a limit too small for it (a
            // statement limit of 2) is the script's failure to load, not an exception for the caller.
            context.close(true);
            throw new ScriptException(ScriptErrors.of(e, script.name()));
        }
        parseFrozen = helpers.getMember("parseFrozen");
        bindings.putMember("on", (ProxyExecutable) this::on);
        bindings.putMember("reduce", (ProxyExecutable) this::reduceFn);
        bindings.putMember("retry", (ProxyExecutable) this::retryFn);
        bindings.putMember("upcast", (ProxyExecutable) this::upcastFn);
        ctx = ProxyObject.fromMap(Map.of(
                "publish", (ProxyExecutable) this::publish,
                "state", (ProxyExecutable) this::state,
                "log", (ProxyExecutable) this::log,
                "now", (ProxyExecutable) a -> helpers.getMember("date").execute(host.now().toEpochMilli())));
        loading = true;
        Outcome<Value> loaded;
        try {
            loaded = call("script", () -> context.eval(source));
        } finally {
            loading = false;
        }
        if (loaded.error() != null) {
            context.close(true);
            throw new ScriptException(loaded.error());
        }
        for (String c : conditions) {
            conditionFns.add(helpers.getMember("condition").execute(c));
        }
    }

    private Object on(Value... a) {
        requireTopLevel("on");
        if (a.length < 2 || !a[0].isString() || !a[1].canExecute()) {
            throw new IllegalArgumentException("on(pattern, handler[, {name}]) needs a type pattern and a function");
        }
        String pattern = a[0].asString();
        String name = a.length > 2 && a[2].hasMember("name") && a[2].getMember("name").isString()
                ? a[2].getMember("name").asString() : null;
        if (firstLoad) {
            if (name == null) {
                long same = handlers.stream().filter(h -> h.pattern().text().equals(pattern)).count();
                name = pattern + "#" + (same + 1);
            }
            handlers.add(new ScriptHandler(handlers.size(), name, TopicPattern.of(pattern)));
        }
        handlerFns.add(a[1]);
        return null;
    }

    private Object reduceFn(Value... a) {
        requireTopLevel("reduce");
        if (a.length < 2 || !a[0].isString() || !a[1].canExecute()) {
            throw new IllegalArgumentException("reduce(aggregateType, (state, event) => state) needs a type and a function");
        }
        if (firstLoad) {
            reducerIndex.put(a[0].asString(), reducerFns.size());
        }
        reducerFns.add(a[1]);
        return null;
    }

    private Object upcastFn(Value... a) {
        requireTopLevel("upcast");
        if (a.length < 4 || !a[0].isString() || version(a[1]) == null || version(a[2]) == null || !a[3].canExecute()) {
            throw new IllegalArgumentException("upcast(type, fromVersion, toVersion, (event) => event) needs a type, two versions and a function");
        }
        if (firstLoad) {
            SourceSection at = a[3].getSourceLocation();
            upcasters.add(new Upcaster(upcasters.size(), a[0].asString(), version(a[1]), version(a[2]),
                    at == null ? 0 : at.getStartLine(), at == null ? 0 : at.getStartColumn()));
        }
        upcasterFns.add(a[3]);
        return null;
    }

    /** A version argument as text ({@code '2.0'}, {@code 2}); null when it is neither a non-blank string nor a number. */
    private static String version(Value v) {
        if (v.isString()) {
            return v.asString().isBlank() ? null : v.asString().strip();
        }
        return v.isNumber() ? v.toString() : null;
    }

    private Object retryFn(Value... a) {
        requireTopLevel("retry");
        if (a.length < 1 || !a[0].hasMembers()) {
            throw new IllegalArgumentException("retry({max, backoff: 'fixed'|'exponential', baseMs}) needs an object");
        }
        Value o = a[0];
        int max = o.hasMember("max") && o.getMember("max").fitsInInt() ? o.getMember("max").asInt() : 3;
        String b = o.hasMember("backoff") && o.getMember("backoff").isString() ? o.getMember("backoff").asString() : "fixed";
        long base = o.hasMember("baseMs") && o.getMember("baseMs").fitsInLong() ? o.getMember("baseMs").asLong() : 1000;
        RetryPolicy.Backoff backoff = switch (b) {
            case "fixed" -> RetryPolicy.Backoff.FIXED;
            case "exponential" -> RetryPolicy.Backoff.EXPONENTIAL;
            default -> throw new IllegalArgumentException("retry backoff must be 'fixed' or 'exponential', not '" + b + "'");
        };
        retry = new RetryPolicy(max, backoff, base);
        return null;
    }

    private Object publish(Value... a) {
        requireHandler("ctx.publish");
        if (a.length < 1 || !a[0].isString()) {
            throw new IllegalArgumentException("ctx.publish(type, data[, {aggregateType, aggregateId}]) needs a type");
        }
        Value stringify = helpers.getMember("stringify");
        String data = a.length > 1 ? text(stringify.execute(a[1])) : null;
        String options = a.length > 2 ? text(stringify.execute(a[2])) : null;
        host.publish(current, currentHandler, a[0].asString(), data, options);
        return null;
    }

    private Object state(Value... a) {
        if (a.length < 1 || !a[0].isString()) {
            throw new IllegalArgumentException("ctx.state(aggregateId) needs an id");
        }
        return parseFrozen.execute(host.state(a[0].asString()));
    }

    private Object log(Value... a) {
        requireHandler("ctx.log");
        StringBuilder line = new StringBuilder();
        for (Value v : a) {
            if (!line.isEmpty()) {
                line.append(' ');
            }
            if (v.isString()) {
                line.append(v.asString());
            } else if (v.hasMembers() && !v.canExecute() && !v.isProxyObject() || v.hasArrayElements()) {
                line.append(text(helpers.getMember("stringify").execute(v)));
            } else {
                line.append(v);
            }
        }
        host.log(current, currentHandler, line.toString());
        return null;
    }

    private static String text(Value v) {
        return v == null || v.isNull() ? null : v.asString();
    }

    private void requireTopLevel(String fn) {
        if (!loading) {
            throw new IllegalStateException(fn + "() is only allowed at the top level of the script");
        }
    }

    private void requireHandler(String fn) {
        if (current == null) {
            throw new IllegalStateException(fn + " is only allowed while a handler runs");
        }
    }

    @Override
    public void close() {
        context.close(true);
    }
}
