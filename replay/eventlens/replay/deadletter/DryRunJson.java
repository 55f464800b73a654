package eventlens.replay.deadletter;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eventlens.model.Event;
import eventlens.model.EventJson;
import eventlens.model.Json;
import eventlens.replay.script.ScriptError;

/**
 * The JSON form of a dry run, shared by {@code eventlens dlq --retry --json} and the Dead letters view:
 * a summary object {@code {"summary", "script", "scriptVersion", "total", "succeeded",
 * "failedAgain", "stillFailingSameWay", "notHandled"}}, then one object per entry {@code {"key",
 * "eventId", "eventType", "handler", "fingerprint", "retriedAt", "outcome", "handlers", "error",
 * "published", "stateChanges", "log"}}.
 */
public final class DryRunJson {
    private DryRunJson() {
    }

    /** The summary object. */
    public static ObjectNode summary(DryRunReport report) {
        return summary(report.tally());
    }

    /** The summary object of a tally. */
    public static ObjectNode summary(DryRunTally tally) {
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("summary", tally.summary());
        n.put("script", tally.script());
        n.put("scriptVersion", tally.scriptVersion());
        n.put("total", tally.total());
        for (RetryOutcome o : RetryOutcome.values()) {
            n.put(camel(o), tally.count(o));
        }
        return n;
    }

    /** One entry's object. */
    public static ObjectNode entry(DryRunEntry e) {
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("key", e.deadLetter().key());
        n.put("eventId", e.event() == null ? e.deadLetter().eventId() : e.event().id());
        n.put("eventType", e.event() == null ? null : e.event().type());
        n.put("handler", e.deadLetter().handler());
        n.put("fingerprint", e.deadLetter().fingerprint());
        n.put("retriedAt", e.retriedAt() == null ? null : e.retriedAt().toString());
        n.put("outcome", e.outcome().name());
        e.handlers().forEach(n.putArray("handlers")::add);
        n.set("error", error(e.error()));
        ArrayNode published = n.putArray("published");
        for (Event p : e.published()) {
            ObjectNode o = EventJson.tree(p);
            o.remove("position");
            o.remove("origin");
            o.remove("raw");
            published.add(o);
        }
        ArrayNode changes = n.putArray("stateChanges");
        for (StateChange c : e.stateChanges()) {
            ObjectNode o = changes.addObject();
            o.put("aggregateId", c.aggregateId());
            o.set("before", c.before());
            o.set("after", c.after());
        }
        e.log().forEach(n.putArray("log")::add);
        return n;
    }

    private static ObjectNode error(ScriptError error) {
        if (error == null) {
            return null;
        }
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("file", error.file());
        o.put("line", error.line());
        o.put("column", error.column());
        o.put("errorType", error.errorType());
        o.put("message", error.message());
        return o;
    }

    /** {@code STILL_FAILING_SAME_WAY} → {@code stillFailingSameWay}. */
    static String camel(RetryOutcome o) {
        StringBuilder b = new StringBuilder();
        for (String part : o.name().toLowerCase(java.util.Locale.ROOT).split("_")) {
            b.append(b.isEmpty() ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return b.toString();
    }
}
