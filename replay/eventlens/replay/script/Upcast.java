package eventlens.replay.script;

import com.fasterxml.jackson.databind.node.ObjectNode;
import eventlens.model.Event;
import eventlens.model.EventJson;
import eventlens.model.Json;
import java.util.List;
import java.util.Optional;

/**
 * An event brought to its type's final version by a script's upcasters.
 *
 * @param event   the event as handlers and reducers see it; the recorded event when it failed
 * @param applied the upcasters that changed it, in order (empty: it needed none)
 * @param error   why it could not be upcast (a missing step, an upcaster that threw, returned no event
 *                or changed its id or type, or went over its budget); null when it was
 */
public record Upcast(Event event, List<Upcaster> applied, ScriptError error) {
    public Upcast {
        applied = List.copyOf(applied);
    }

    /** An event that needed no upcaster. */
    static Upcast untouched(Event event) {
        return new Upcast(event, List.of(), null);
    }

    /**
     * {@code from} with the data and metadata an upcaster returned, declaring {@code version}: its raw
     * record becomes the event as upcast ({@link EventJson} with {@code eventVersion}), since the
     * recorded one no longer describes it.
     */
    static Event reshaped(Event from, String data, String metadata, String version) {
        Event e = new Event(from.position(), from.id(), from.type(), from.source(), from.time(), from.aggregateType(),
                from.aggregateId(), from.version(), from.correlationId(), from.causationId(), data, metadata, "{}",
                from.origin());
        ObjectNode raw = EventJson.tree(e);
        raw.remove("position");
        raw.put("eventVersion", version);
        return new Event(e.position(), e.id(), e.type(), e.source(), e.time(), e.aggregateType(), e.aggregateId(),
                e.version(), e.correlationId(), e.causationId(), data, metadata, Json.write(raw), e.origin());
    }

    /** The failure, if any. */
    public Optional<ScriptError> failure() {
        return Optional.ofNullable(error);
    }
}
