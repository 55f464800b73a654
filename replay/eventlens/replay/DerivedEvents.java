package eventlens.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eventlens.model.Event;
import eventlens.model.EventJson;
import eventlens.model.Json;
import eventlens.model.Origin;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Builds the events handlers publish. The id is {@code rpl-} + a hash of the run seed, the cause's id,
 * the handler's name and the publish's index within that handler call — the same in every run, and the
 * same again when a retried handler publishes again (so a handler that publishes and then fails shows up
 * as an idempotency warning). Correlation is inherited (the cause's, or the cause's id when it has
 * none), causation is the cause, time is the virtual now, source is {@code replay:HANDLER}.
 */
public final class DerivedEvents {
    /** The origin format of published events. */
    public static final String FORMAT = "replay";
    /** How every published id starts. */
    public static final String ID_PREFIX = "rpl-";
    private final String seed;

    /** Ids derived with this run seed. */
    public DerivedEvents(long seed) {
        this.seed = Long.toString(seed);
    }

    /** The {@code index}-th event {@code handler} publishes while handling {@code cause}, stamped {@code now}. */
    public Event derive(Event cause, String handler, int index, String type, String dataJson, String optionsJson, Instant now) {
        String id = ID_PREFIX + hash(seed + "|" + cause.id() + "|" + handler + "|" + index);
        JsonNode options = Json.parseOrMissing(optionsJson);
        String aggregateType = text(options, "aggregateType");
        String aggregateId = text(options, "aggregateId");
        String correlation = cause.correlationId() == null ? cause.id() : cause.correlationId();
        ObjectNode metadata = Json.mapper().createObjectNode();
        metadata.put("correlationId", correlation);
        metadata.put("causationId", cause.id());
        metadata.put("replayHandler", handler);
        Event draft = new Event(0, id, type, "replay:" + handler, now, aggregateType, aggregateId, null, correlation,
                cause.id(), dataJson == null ? "null" : dataJson, Json.write(metadata), "{}", new Origin("replay", 0, FORMAT));
        ObjectNode raw = EventJson.tree(draft);
        raw.remove("position");
        raw.remove("origin");
        return new Event(0, id, type, draft.source(), now, aggregateType, aggregateId, null, correlation, cause.id(),
                draft.data(), draft.metadata(), Json.write(raw), draft.origin());
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isTextual() ? v.asText() : null;
    }

    private static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
