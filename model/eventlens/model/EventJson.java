package eventlens.model;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The JSON form of an event used by every export and by {@code eventlens events --json}. */
public final class EventJson {
    private EventJson() {
    }

    /** Position, the mapped fields, data and metadata as JSON (text when not JSON), and the origin. */
    public static ObjectNode tree(Event e) {
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("position", e.position());
        n.put("id", e.id());
        n.put("type", e.type());
        n.put("source", e.source());
        n.put("time", e.time() == null ? null : e.time().toString());
        n.put("aggregateType", e.aggregateType());
        n.put("aggregateId", e.aggregateId());
        if (e.version() == null) {
            n.putNull("version");
        } else {
            n.put("version", e.version());
        }
        n.put("correlationId", e.correlationId());
        n.put("causationId", e.causationId());
        n.set("data", jsonOrText(e.data()));
        n.set("metadata", jsonOrText(e.metadata()));
        ObjectNode origin = n.putObject("origin");
        origin.put("file", e.origin().file());
        origin.put("line", e.origin().line());
        origin.put("format", e.origin().format());
        return n;
    }

    private static com.fasterxml.jackson.databind.JsonNode jsonOrText(String text) {
        if (text == null) {
            return com.fasterxml.jackson.databind.node.NullNode.getInstance();
        }
        var parsed = Json.parseOrMissing(text);
        return parsed.isMissingNode() ? Json.mapper().getNodeFactory().textNode(text) : parsed;
    }
}
