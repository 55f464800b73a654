package eventlens.model.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eventlens.model.Event;
import java.time.Instant;

/**
 * The bookkeeping of a fold, kept apart from the aggregate's data so that no reducer can clobber it
 * and no data field can collide with it.
 *
 * @param aggregateId   the aggregate
 * @param aggregateType its type (from its events; null when none has one)
 * @param version       the version of the last event folded in (null when it had none, or none yet)
 * @param lastEventType the type of the last event folded in
 * @param lastEventTime the time of the last event folded in
 * @param lastPosition  the position of the last event folded in (0 before the first event)
 * @param eventCount    how many events were folded in
 */
public record StateMeta(String aggregateId, String aggregateType, Long version, String lastEventType,
                        Instant lastEventTime, long lastPosition, long eventCount) {

    /** Before the first event. */
    public static StateMeta initial(String aggregateId, String aggregateType) {
        return new StateMeta(aggregateId, aggregateType, null, null, null, 0, 0);
    }

    /** After one more event. */
    public StateMeta next(Event e) {
        return new StateMeta(aggregateId, aggregateType != null ? aggregateType : e.aggregateType(), e.version(),
                e.type(), e.time(), e.position(), eventCount + 1);
    }

    /** As JSON: {@code {"aggregateId","aggregateType","version","lastEventType","lastEventTime","lastPosition","eventCount"}}. */
    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("aggregateId", aggregateId);
        o.put("aggregateType", aggregateType);
        o.put("version", version);
        o.put("lastEventType", lastEventType);
        o.put("lastEventTime", lastEventTime == null ? null : lastEventTime.toString());
        o.put("lastPosition", lastPosition);
        o.put("eventCount", eventCount);
        return o;
    }

    /** Reads {@link #toJson()}'s form back. */
    public static StateMeta fromJson(JsonNode o) {
        return new StateMeta(text(o, "aggregateId"), text(o, "aggregateType"),
                o.path("version").isIntegralNumber() ? o.get("version").asLong() : null, text(o, "lastEventType"),
                text(o, "lastEventTime") == null ? null : Instant.parse(text(o, "lastEventTime")),
                o.path("lastPosition").asLong(), o.path("eventCount").asLong());
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
