package eventlens.importers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eventlens.model.Event;
import eventlens.model.Json;
import eventlens.model.Origin;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns one JSON record into an {@link Event} or a {@link eventlens.model.DeadLetter}, finding the
 * fields automatically or through a mapping (see {@link MappingFile}).
 *
 * <p>Member names are compared normalised (case, {@code _}, {@code -} and {@code $} ignored, so
 * {@code event_id} matches {@code eventId}). Each event field is looked for in this order; the
 * first member present wins:
 * <table>
 *   <caption>Where each field is found</caption>
 *   <tr><th>field</th><th>members of the record, then of its metadata</th></tr>
 *   <tr><td>id</td><td>id, eventId, messageId (record only); else derived, see {@link DerivedId}</td></tr>
 *   <tr><td>type</td><td>type, eventType, detail-type (record only)</td></tr>
 *   <tr><td>time</td><td>time, timestamp, occurredAt, createdAt, ts, eventTime; then in metadata</td></tr>
 *   <tr><td>source</td><td>source</td></tr>
 *   <tr><td>aggregateType / aggregateId</td><td>aggregateType, streamType / aggregateId, streamId</td></tr>
 *   <tr><td>version</td><td>version, aggregateVersion (an integer; {@code eventVersion} is a schema
 *       version and is <em>not</em> used)</td></tr>
 *   <tr><td>correlationId / causationId</td><td>correlationId / causationId (CloudEvents
 *       {@code correlationid}, {@code correlation_id}, {@code $correlationId} all match)</td></tr>
 *   <tr><td>data</td><td>data, payload, eventData, body, detail, data_base64 (decoded when it is
 *       base64 of JSON); JSON held in a string is decoded; without any, the record minus its
 *       envelope members</td></tr>
 *   <tr><td>metadata</td><td>metadata, meta, headers (JSON in a string is decoded)</td></tr>
 * </table>
 *
 * <p>A record must be a JSON object. An object with none of id, type or time is rejected with the
 * list of its members, so that a mapping can be written for it; one with at least one of them is
 * imported. With automatic mapping, records shaped like dead letters ({@code event} plus an error)
 * are handed to {@link DeadLetterMapper}; with a mapping every record is an event. A field named in the mapping is read from its pointer only (no
 * automatic fallback, so a mapping never mixes with guesses). Not thread-safe: one per import.
 */
public final class FieldMapper {
    static final String[] ID = {"id", "eventid", "messageid"};
    static final String[] TYPE = {"type", "eventtype", "detailtype"};
    static final String[] TIME = {"time", "timestamp", "occurredat", "createdat", "ts", "eventtime"};
    static final String[] SOURCE = {"source"};
    static final String[] AGGREGATE_TYPE = {"aggregatetype", "streamtype"};
    static final String[] AGGREGATE_ID = {"aggregateid", "streamid"};
    static final String[] VERSION = {"version", "aggregateversion"};
    static final String[] CORRELATION = {"correlationid"};
    static final String[] CAUSATION = {"causationid"};
    static final String[] DATA = {"data", "payload", "eventdata", "body", "detail"};
    static final String[] DATA_BASE64 = {"database64"};
    static final String[] METADATA = {"metadata", "meta", "headers"};
    private static final Set<String> ENVELOPE = envelopeNames();
    private static final int LISTED_FIELDS = 12;

    private final Map<String, String> mapping;
    /** The record being mapped: where it is, and its 1-based index in its file (for {@code {file}} / {@code {record}}). */
    private Origin current;
    private long recordIndex;
    private final FieldIndex.NameNormaliser normaliser = new FieldIndex.NameNormaliser();
    private final DerivedId derivedId = new DerivedId();
    private final DeadLetterMapper deadLetters = new DeadLetterMapper(this);

    /**
     * A mapper using the given field → JSON pointer mapping (empty for fully automatic mapping).
     *
     * @throws IllegalArgumentException when the mapping names unknown fields or malformed pointers
     */
    public FieldMapper(Map<String, String> mapping) {
        List<String> problems = MappingFile.problems(mapping);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        this.mapping = Map.copyOf(mapping);
    }

    /**
     * The mapper of one import: {@code options}' mapping, or the reason it is bad as an error about
     * {@code file} (what every reader that maps records says).
     */
    public static FieldMapper forImport(String file, ImportOptions options) throws ImportException {
        try {
            return new FieldMapper(options.mapping());
        } catch (IllegalArgumentException e) {
            throw new ImportException(file, 0, 0, "bad mapping: " + e.getMessage());
        }
    }

    /** Maps one parsed record; {@code raw} is its original text, kept as is. */
    public MappedRecord map(JsonNode record, String raw, Origin origin) {
        current = origin;
        recordIndex++;
        if (!record.isObject()) {
            return new MappedRecord.Rejected("record is " + describe(record) + ", not a JSON object");
        }
        FieldIndex top = index(record);
        if (mapping.isEmpty() && deadLetters.looksLikeDeadLetter(top)) {
            return new MappedRecord.DeadLetterRecord(deadLetters.map(top, raw, origin));
        }
        Fields fields = fields(record, top);
        if (fields.id == null && fields.type == null && !fields.hasTime) {
            return new MappedRecord.Rejected("no id, type or time field found (fields: " + memberList(record) + ")");
        }
        String id = fields.id != null ? fields.id : derivedId.of(raw);
        return new MappedRecord.EventRecord(new Event(0, id, fields.type, fields.source, fields.time,
                fields.aggregateType, fields.aggregateId, fields.version, fields.correlationId,
                fields.causationId, fields.data, fields.metadata, raw, origin));
    }

    /** The event fields of an object, as mapped (no derived id: {@code id} is null when absent). */
    Fields fields(JsonNode record, FieldIndex top) {
        JsonNode metaNode = decodeJsonString(node(record, top, "metadata", METADATA));
        FieldIndex meta = index(metaNode);
        Fields f = new Fields();
        f.id = text(record, top, null, "id", ID);
        f.type = text(record, top, null, "type", TYPE);
        f.source = text(record, top, meta, "source", SOURCE);
        f.aggregateType = text(record, top, meta, "aggregateType", AGGREGATE_TYPE);
        f.aggregateId = text(record, top, meta, "aggregateId", AGGREGATE_ID);
        f.correlationId = text(record, top, meta, "correlationId", CORRELATION);
        f.causationId = text(record, top, meta, "causationId", CAUSATION);
        f.version = integer(mapped(record, top, meta, "version", VERSION));
        JsonNode timeNode = mapped(record, top, meta, "time", TIME);
        f.hasTime = timeNode != null;
        f.time = Timestamps.parse(timeNode);
        f.metadata = metaNode == null ? null : VerbatimMember.textOrWritten(metaNode);
        f.data = data(record, top);
        return f;
    }

    FieldIndex index(JsonNode object) {
        return FieldIndex.of(object, normaliser);
    }

    /**
     * How a JSON reader may hand over the top-level members holding an object or an array ({@link VerbatimMember}):
     * the data's candidates as their text (all an event keeps of them), the metadata's as trees that know their
     * text (their members are looked up, and the text is kept as written), the rest as trees. Null with a mapping,
     * whose pointers may look inside any member.
     */
    public Function<String, VerbatimMember.Form> memberForms() {
        if (!mapping.isEmpty()) {
            return null;
        }
        Set<String> data = Set.of(DATA);
        Set<String> metadata = Set.of(METADATA);
        return name -> {
            String normal = normaliser.normalise(name);
            return data.contains(normal) ? VerbatimMember.Form.TEXT
                    : metadata.contains(normal) ? VerbatimMember.Form.TREE_AND_TEXT : VerbatimMember.Form.TREE;
        };
    }

    private String data(JsonNode record, FieldIndex top) {
        JsonNode data = node(record, top, "data", DATA);
        String verbatim = VerbatimMember.text(data);
        if (verbatim != null) {
            return verbatim;
        }
        if (data == null && !mapping.containsKey("data")) {
            data = decodeBase64Json(top.first(DATA_BASE64));
            if (data == null) {
                data = envelopeRemainder(record);
            }
        }
        data = decodeJsonString(data);
        return data == null ? null : Json.write(data);
    }

    /** The node of a field: through its pointer when mapped, else the first candidate member. */
    private JsonNode node(JsonNode record, FieldIndex top, String field, String[] candidates) {
        String pointer = mapping.get(field);
        if (pointer != null) {
            JsonNode value = lookup(record, pointer);
            return value.isMissingNode() || value.isNull() ? null : value;
        }
        return top.first(candidates);
    }

    /** Like {@link #node} but also looking in the metadata, for the fields that may sit there. */
    private JsonNode mapped(JsonNode record, FieldIndex top, FieldIndex meta, String field, String[] candidates) {
        JsonNode value = node(record, top, field, candidates);
        if (value == null && meta != null && !mapping.containsKey(field)) {
            value = meta.first(candidates);
        }
        return value;
    }

    private String text(JsonNode record, FieldIndex top, FieldIndex meta, String field, String[] candidates) {
        String pointer = mapping.get(field);
        if (pointer != null) {
            JsonNode value = lookup(record, pointer);
            return value.isValueNode() && !value.isNull() ? value.asText() : null;
        }
        String value = top.firstScalar(candidates);
        return value == null && meta != null ? meta.firstScalar(candidates) : value;
    }

    /**
     * A mapped value: a JSON pointer into the record, or {@link MappingFile#FILE} (the file's name
     * without its extensions: one stream per file, as EventStoreDB exports) or {@link MappingFile#RECORD}
     * (the record's 1-based index in its file).
     */
    private JsonNode lookup(JsonNode record, String pointer) {
        if (MappingFile.FILE.equals(pointer)) {
            String name = current == null ? "" : current.file();
            name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
            int dot = name.indexOf('.');
            return com.fasterxml.jackson.databind.node.TextNode.valueOf(dot > 0 ? name.substring(0, dot) : name);
        }
        if (MappingFile.RECORD.equals(pointer)) {
            return com.fasterxml.jackson.databind.node.LongNode.valueOf(recordIndex);
        }
        return record.at(pointer);
    }

    private static Long integer(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isTextual()) {
            try {
                return Long.parseLong(node.textValue().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** A string holding a JSON object or array, parsed; any other node as it is. */
    static JsonNode decodeJsonString(JsonNode node) {
        if (node == null || !node.isTextual()) {
            return node;
        }
        String text = node.textValue().strip();
        if (text.length() < 2 || (text.charAt(0) != '{' && text.charAt(0) != '[')) {
            return node;
        }
        JsonNode parsed = Json.parseOrMissing(text);
        return parsed.isContainerNode() ? parsed : node;
    }

    private static JsonNode decodeBase64Json(JsonNode node) {
        if (node == null || !node.isTextual()) {
            return node;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(node.textValue().strip()), StandardCharsets.UTF_8);
            JsonNode parsed = Json.parseOrMissing(decoded);
            return parsed.isMissingNode() ? node : parsed;
        } catch (IllegalArgumentException e) {
            return node; // not base64: keep the text as it is
        }
    }

    /** The record without its envelope members, or null when nothing is left. */
    private JsonNode envelopeRemainder(JsonNode record) {
        ObjectNode rest = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = record.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            if (!ENVELOPE.contains(normaliser.normalise(member.getKey()))) {
                if (rest == null) {
                    rest = Json.mapper().createObjectNode();
                }
                rest.set(member.getKey(), member.getValue());
            }
        }
        return rest;
    }

    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "a JSON array";
            case NUMBER -> "a number";
            case STRING -> "a string";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String memberList(JsonNode record) {
        List<String> names = new ArrayList<>();
        record.fieldNames().forEachRemaining(names::add);
        if (names.isEmpty()) {
            return "none";
        }
        String listed = String.join(", ", names.subList(0, Math.min(names.size(), LISTED_FIELDS)));
        return names.size() > LISTED_FIELDS ? listed + ", …" : listed;
    }

    private static Set<String> envelopeNames() {
        List<String> names = new ArrayList<>();
        for (String[] group : new String[][] {ID, TYPE, TIME, SOURCE, AGGREGATE_TYPE, AGGREGATE_ID, VERSION,
                CORRELATION, CAUSATION, METADATA, DATA_BASE64}) {
            names.addAll(List.of(group));
        }
        names.addAll(List.of("eventversion", "schemaversion", "specversion", "datacontenttype", "dataschema", "subject"));
        return Set.copyOf(names);
    }

    /** The mapped event fields of one object. */
    static final class Fields {
        String id;
        String type;
        String source;
        Instant time;
        boolean hasTime;
        String aggregateType;
        String aggregateId;
        Long version;
        String correlationId;
        String causationId;
        String data;
        String metadata;
    }
}
