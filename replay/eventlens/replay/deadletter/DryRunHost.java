package eventlens.replay.deadletter;

import eventlens.model.Event;
import eventlens.model.Json;
import eventlens.model.state.AggregateState;
import eventlens.model.state.StateAt;
import eventlens.replay.CascadeBudgetExceeded;
import eventlens.replay.DerivedEvents;
import eventlens.replay.script.ScriptHost;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code ctx} of a dry-run retry: time stands at the failure, {@code ctx.state} reads the recorded
 * state of that moment, and publications and log lines are collected, never sent — at most
 * {@code maxPublished} of them per entry (the replay's per-delivery budget).
 */
final class DryRunHost implements ScriptHost {
    private final StateAt states;
    private final DerivedEvents derived;
    private final Map<String, Optional<AggregateState>> atFailure = new HashMap<>();
    private final List<Event> published = new ArrayList<>();
    private final List<String> log = new ArrayList<>();
    private Instant now = Instant.EPOCH;
    private final int maxPublished;
    private int publishIndex;
    private String refusal;

    DryRunHost(StateAt states, long seed, int maxPublished) {
        this.states = states;
        this.derived = new DerivedEvents(seed);
        this.maxPublished = maxPublished;
    }

    /** Starts one entry: the clock stands at {@code failedAt}; the event's aggregate state is known. */
    void begin(Instant failedAt, String aggregateId, Optional<AggregateState> state) {
        now = failedAt;
        atFailure.clear();
        published.clear();
        log.clear();
        if (aggregateId != null) {
            atFailure.put(aggregateId, state);
        }
    }

    /** Starts one handler call. */
    void beginCall() {
        publishIndex = 0;
        refusal = null;
    }

    /** Why the current call was refused a publish (also when the handler caught the refusal). */
    Optional<String> refusal() {
        return Optional.ofNullable(refusal);
    }

    /** Drops what the current handler call published (it failed). */
    void dropSince(int mark) {
        published.subList(mark, published.size()).clear();
    }

    int publishedCount() {
        return published.size();
    }

    List<Event> published() {
        return List.copyOf(published);
    }

    List<String> log() {
        return List.copyOf(log);
    }

    /** The recorded state of an aggregate at the failure, when it had events by then. */
    Optional<AggregateState> stateAtFailure(String aggregateId) {
        return atFailure.computeIfAbsent(aggregateId, id -> states.atTime(id, now));
    }

    @Override
    public void publish(Event cause, String handler, String type, String dataJson, String optionsJson) {
        if (published.size() >= maxPublished) {
            refusal = String.format(Locale.ROOT, "cascade budget: more than %,d events published while %s (%s) "
                    + "was retried, in handler '%s' publishing %s", maxPublished, cause.id(), cause.type(), handler, type);
            throw new CascadeBudgetExceeded(refusal);
        }
        published.add(derived.derive(cause, handler, publishIndex++, type, dataJson, optionsJson, now));
    }

    @Override
    public String state(String aggregateId) {
        return stateAtFailure(aggregateId).map(s -> Json.write(s.data())).orElse(null);
    }

    @Override
    public void log(Event cause, String handler, String text) {
        log.add(handler + ": " + text);
    }

    @Override
    public Instant now() {
        return now;
    }
}
