package eventlens.replay.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eventlens.model.Event;
import eventlens.model.EventJson;
import eventlens.model.Json;
import eventlens.model.Origin;
import eventlens.replay.Divergence;
import eventlens.replay.HandlerFailure;
import eventlens.replay.IdempotencyWarning;
import eventlens.replay.IdleHandler;
import eventlens.replay.LogLine;
import eventlens.replay.ReplayDeadLetter;
import eventlens.replay.ReplayMode;
import eventlens.replay.RunSummary;
import eventlens.replay.UpcastCount;
import eventlens.replay.script.ScriptError;
import java.time.Instant;

/**
 * The JSON form of a run's summary and outputs: stored with runs and printed by
 * {@code eventlens replay --json}. Every {@code write} has a matching {@code read}.
 */
public final class RunCodec {
    private RunCodec() {
    }

    /** The summary as JSON. */
    public static ObjectNode write(RunSummary s) {
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("mode", s.mode().name().toLowerCase(java.util.Locale.ROOT));
        n.put("delivered", s.delivered());
        n.put("published", s.published());
        n.put("failed", s.failed());
        n.put("retried", s.retried());
        n.put("deadLettered", s.deadLettered());
        n.put("divergences", s.divergences());
        n.put("matched", s.matched());
        n.put("logLines", s.logLines());
        n.put("warnings", s.warnings());
        n.put("finished", s.finished());
        var upcasts = n.putArray("upcasts");
        s.upcasts().forEach(u -> upcasts.addObject().put("upcaster", u.upcaster()).put("events", u.events()));
        var idle = n.putArray("idle");
        s.idle().forEach(h -> idle.addObject().put("handler", h.handler()).put("pattern", h.pattern()));
        return n;
    }

    /** A summary from {@link #write(RunSummary)}. */
    public static RunSummary summary(JsonNode n) {
        return new RunSummary(ReplayMode.valueOf(n.path("mode").asText("all").toUpperCase(java.util.Locale.ROOT)),
                n.path("delivered").asLong(), n.path("published").asLong(), n.path("failed").asLong(),
                n.path("retried").asLong(), n.path("deadLettered").asLong(), n.path("divergences").asLong(),
                n.path("matched").asLong(), n.path("logLines").asLong(), n.path("warnings").asLong(),
                n.path("finished").asBoolean(), upcasts(n.path("upcasts")), idle(n.path("idle")));
    }

    /** The idle handlers of a stored summary; none in a run stored before they were listed. */
    private static java.util.List<IdleHandler> idle(JsonNode a) {
        java.util.List<IdleHandler> list = new java.util.ArrayList<>();
        a.forEach(h -> list.add(new IdleHandler(h.path("handler").asText(), h.path("pattern").asText())));
        return list;
    }

    private static java.util.List<UpcastCount> upcasts(JsonNode a) {
        java.util.List<UpcastCount> list = new java.util.ArrayList<>();
        a.forEach(u -> list.add(new UpcastCount(u.path("upcaster").asText(), u.path("events").asLong())));
        return list;
    }

    /** A published event as JSON (the form of {@code eventlens events --json}, without position). */
    public static ObjectNode write(Event e) {
        ObjectNode n = EventJson.tree(e);
        n.remove("position");
        return n;
    }

    /** An event from {@link #write(Event)} (its raw text: the JSON without position and origin). */
    public static Event event(JsonNode n) {
        JsonNode o = n.path("origin");
        ObjectNode raw = n.deepCopy();
        raw.remove("position");
        raw.remove("origin");
        return new Event(n.path("position").asLong(0), n.path("id").asText(), text(n, "type"), text(n, "source"),
                instant(n, "time"), text(n, "aggregateType"), text(n, "aggregateId"),
                n.path("version").isNumber() ? n.path("version").asLong() : null, text(n, "correlationId"),
                text(n, "causationId"), json(n.get("data")), json(n.get("metadata")), Json.write(raw),
                new Origin(o.path("file").asText(""), o.path("line").asInt(), o.path("format").asText("")));
    }

    /** A script error as JSON. */
    public static ObjectNode write(ScriptError e) {
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("file", e.file());
        n.put("line", e.line());
        n.put("column", e.column());
        n.put("errorType", e.errorType());
        n.put("message", e.message());
        n.put("stack", e.stack());
        return n;
    }

    /** A script error from {@link #write(ScriptError)}. */
    public static ScriptError scriptError(JsonNode n) {
        return new ScriptError(n.path("file").asText(), n.path("line").asInt(), n.path("column").asInt(),
                n.path("errorType").asText(), n.path("message").asText(), n.path("stack").asText());
    }

    /** A dead letter of a run as JSON. */
    public static ObjectNode write(ReplayDeadLetter d) {
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("delivery", d.delivery());
        n.put("handler", d.handler());
        n.put("attempts", d.attempts());
        n.set("error", write(d.error()));
        n.put("firstFailure", str(d.firstFailure()));
        n.put("lastFailure", str(d.lastFailure()));
        n.set("event", write(d.event()));
        return n;
    }

    /** A dead letter from {@link #write(ReplayDeadLetter)}. */
    public static ReplayDeadLetter deadLetter(JsonNode n) {
        return new ReplayDeadLetter(n.path("delivery").asLong(), n.path("handler").asText(), event(n.path("event")),
                n.path("attempts").asInt(), scriptError(n.path("error")), instant(n, "firstFailure"), instant(n, "lastFailure"));
    }

    /** A failed attempt as JSON. */
    public static ObjectNode write(HandlerFailure f) {
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("delivery", f.delivery());
        n.put("at", str(f.at()));
        n.put("handler", f.handler());
        n.put("eventId", f.eventId());
        n.put("attempt", f.attempt());
        n.set("error", write(f.error()));
        n.put("willRetry", f.willRetry());
        return n;
    }

    /** A failed attempt from {@link #write(HandlerFailure)}. */
    public static HandlerFailure failure(JsonNode n) {
        return new HandlerFailure(n.path("delivery").asLong(), instant(n, "at"), n.path("handler").asText(),
                n.path("eventId").asText(), n.path("attempt").asInt(), scriptError(n.path("error")), n.path("willRetry").asBoolean());
    }

    /** A log line as JSON. */
    public static ObjectNode write(LogLine l) {
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("delivery", l.delivery());
        n.put("at", str(l.at()));
        n.put("handler", l.handler());
        n.put("eventId", l.eventId());
        n.put("text", l.text());
        return n;
    }

    /** A log line from {@link #write(LogLine)}. */
    public static LogLine logLine(JsonNode n) {
        return new LogLine(n.path("delivery").asLong(), instant(n, "at"), text(n, "handler"), text(n, "eventId"), n.path("text").asText());
    }

    /** A divergence as JSON. */
    public static ObjectNode write(Divergence d) {
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("kind", d.kind().name().toLowerCase(java.util.Locale.ROOT));
        n.put("delivery", d.delivery());
        n.put("causeId", d.causeId());
        n.put("type", d.type());
        n.put("recordedId", d.recordedId());
        n.put("publishedId", d.publishedId());
        return n;
    }

    /** A divergence from {@link #write(Divergence)}. */
    public static Divergence divergence(JsonNode n) {
        return new Divergence(Divergence.Kind.valueOf(n.path("kind").asText().toUpperCase(java.util.Locale.ROOT)),
                n.path("delivery").asLong(), text(n, "causeId"), text(n, "type"), text(n, "recordedId"), text(n, "publishedId"));
    }

    /** An idempotency warning as JSON. */
    public static ObjectNode write(IdempotencyWarning w) {
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("delivery", w.delivery());
        n.put("eventId", w.eventId());
        n.put("deliveries", w.deliveries());
        return n;
    }

    /** A warning from {@link #write(IdempotencyWarning)}. */
    public static IdempotencyWarning warning(JsonNode n) {
        return new IdempotencyWarning(n.path("delivery").asLong(), n.path("eventId").asText(), n.path("deliveries").asInt());
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String json(JsonNode v) {
        return v == null || v.isNull() ? null : v.isTextual() ? v.asText() : Json.write(v);
    }

    private static Instant instant(JsonNode n, String field) {
        String t = text(n, field);
        return t == null ? null : Instant.parse(t);
    }

    private static String str(Instant t) {
        return t == null ? null : t.toString();
    }
}
