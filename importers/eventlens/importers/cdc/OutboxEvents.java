package eventlens.importers.cdc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eventlens.importers.Timestamps;
import eventlens.model.Event;
import eventlens.model.Json;
import eventlens.model.Origin;
import java.time.Instant;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Maps a transactional-outbox row to the event it carries: {@code aggregatetype} → aggregate type,
 * {@code aggregateid} → aggregate id, {@code type} → type, {@code payload} (JSON in a string is
 * parsed) → data, {@code id} → id, {@code timestamp} → time. Column names are matched ignoring case
 * and also in snake case ({@code aggregate_type}, {@code event_type}, {@code created_at}, …), as
 * outbox tables are named in both styles. The row's columns other than aggregate type, aggregate
 * id and payload (as {@code outbox}), and the change event's context when the row came through
 * Debezium, go to metadata.
 */
final class OutboxEvents {
    private static final String[] AGGREGATE_TYPE = {"aggregatetype", "aggregate_type"};
    private static final String[] AGGREGATE_ID = {"aggregateid", "aggregate_id"};
    private static final String[] TYPE = {"type", "eventtype", "event_type"};
    private static final String[] ID = {"id", "eventid", "event_id"};
    private static final String[] TIME = {"timestamp", "occurredon", "occurred_on", "occurred_at", "created_at", "createdat"};
    private static final Set<String> MAPPED = Set.of("aggregatetype", "aggregate_type", "aggregateid", "aggregate_id",
            "payload");

    private OutboxEvents() {
    }

    /** Whether a row has the outbox columns: aggregate type and id, and a payload. */
    static boolean isOutboxRow(JsonNode row) {
        return row != null && row.isObject() && Rows.member(row, AGGREGATE_TYPE) != null
                && Rows.member(row, AGGREGATE_ID) != null && Rows.member(row, "payload") != null;
    }

    /**
     * The event an outbox row carries.
     *
     * @param context the change event's context (op, table, source…), or an empty object for a bare row
     * @param derivedId the id to use when the row has no id column
     * @param fallbackTime the change event's time, used when the row has no time column
     * @param correlation the change's transaction, used when the row has no correlation column
     */
    static Event map(JsonNode row, ObjectNode context, String raw, Origin origin, String derivedId,
            Instant fallbackTime, String source, String correlation) {
        String aggregateType = Rows.text(row, AGGREGATE_TYPE);
        String aggregateId = Rows.text(row, AGGREGATE_ID);
        String type = Rows.text(row, TYPE);
        String id = Rows.text(row, ID);
        Instant time = Timestamps.parse(Rows.member(row, TIME));
        String correlationId = Rows.text(row, "correlationid", "correlation_id");
        ObjectNode columns = Json.mapper().createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = row.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (!MAPPED.contains(f.getKey().toLowerCase(Locale.ROOT))) {
                columns.set(f.getKey(), f.getValue());
            }
        }
        context.set("outbox", columns);
        return new Event(0, id != null ? id : derivedId, type != null ? type : aggregateType + ".event", source,
                time != null ? time : fallbackTime, aggregateType, aggregateId, null,
                correlationId != null ? correlationId : correlation, Rows.text(row, "causationid", "causation_id"),
                Json.write(payload(Rows.member(row, "payload"))), Json.write(context), raw, origin);
    }

    /** The payload as JSON: a text holding a JSON object or array is parsed, anything else kept as it is. */
    static JsonNode payload(JsonNode payload) {
        if (payload == null) {
            return Json.mapper().nullNode();
        }
        if (payload.isTextual()) {
            JsonNode parsed = Json.parseOrMissing(payload.textValue().strip());
            return parsed.isContainerNode() ? parsed : payload;
        }
        return payload;
    }
}
