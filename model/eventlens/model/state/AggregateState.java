package eventlens.model.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eventlens.model.Event;
import eventlens.model.Json;
import java.util.Objects;

/**
 * An aggregate's state after some prefix of its history: the data the reducer built and the fold's
 * bookkeeping, side by side.
 *
 * <p>{@code data} is shared with other states (folds share unchanged subtrees): read it, or
 * {@code deepCopy()} it before changing anything.
 *
 * @param data the reducer's state (an empty object before the first event)
 * @param meta the bookkeeping
 */
public record AggregateState(JsonNode data, StateMeta meta) {
    public AggregateState {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(meta, "meta");
    }

    /** The state before the first event. */
    public static AggregateState initial(String aggregateId, String aggregateType) {
        return new AggregateState(JsonNodeFactory.instance.objectNode(), StateMeta.initial(aggregateId, aggregateType));
    }

    /** The state after one more event: the reducer folds the data, the bookkeeping moves on. */
    public AggregateState next(Event event, Reducer reducer) {
        return new AggregateState(reducer.apply(data, event), meta.next(event));
    }

    /** True before the first event. */
    public boolean isInitial() {
        return meta.eventCount() == 0;
    }

    /** The value at a path of the data (a missing node when absent). */
    public JsonNode valueAt(JsonPath path) {
        return path.resolve(data);
    }

    /**
     * As JSON: {@code {"meta": {…bookkeeping…}, "data": {…state…}}}; the form of the command line's
     * {@code --json} and of stored snapshots.
     */
    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.set("meta", meta.toJson());
        o.set("data", data);
        return o;
    }

    /** Reads {@link #toJson()}'s form back. */
    public static AggregateState fromJson(JsonNode o) {
        return new AggregateState(o.path("data").isMissingNode() ? JsonNodeFactory.instance.objectNode() : o.get("data"),
                StateMeta.fromJson(o.path("meta")));
    }

    /** Reads the text of {@link #toJson()} back. */
    public static AggregateState fromText(String text) {
        return fromJson(Json.parseOrMissing(text));
    }
}
