package eventlens.importers.esdb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eventlens.importers.ImportSink;
import eventlens.importers.Timestamps;
import eventlens.model.Event;
import eventlens.model.Json;
import eventlens.model.Origin;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One file of a folder that holds a stream one event per file, with the state recorded after each
 * event beside it: {@code 004--event--2023-11-03--00-00-02--Usage-go-into-overage.json} holding
 * {@code {"type":…, "value":{…}}} and {@code 004--state.json} holding the state after event 004.
 *
 * <p>An event file becomes an event: id {@code <folder>/<NNN>}, version NNN, time from the name (UTC),
 * data = {@code value}, aggregate = the {@code resourceId} in the value (or in one of its objects),
 * else the {@code partitionId} (a partition-wide message such as a ping). A state file becomes an event
 * of type {@code $snapshot} caused by event NNN, with no aggregate of its own so that it never enters a
 * fold; its metadata names the aggregates it records (see docs/decisions/0020-esdb-snapshots.md).
 */
final class FolderExport {
    /** The type of the events that hold a recorded state. */
    static final String SNAPSHOT = "$snapshot";
    private static final Pattern NAME = Pattern.compile(
            "(?i)^(\\d{1,18})--(state|event)(?:--(\\d{4})-(\\d{2})-(\\d{2})--(\\d{2})-(\\d{2})-(\\d{2}))?(?:--(.+))?\\.json$");

    private final String folder;
    private final String fileName;
    private final long sequence;
    private final boolean state;
    private final Instant nameTime;
    private final String label;

    private FolderExport(String folder, String fileName, Matcher m) {
        this.folder = folder;
        this.fileName = fileName;
        this.sequence = Long.parseLong(m.group(1));
        this.state = m.group(2).equalsIgnoreCase("state");
        this.nameTime = m.group(3) == null ? null : nameTime(m);
        this.label = m.group(9);
    }

    /** Whether a source of this name is a file of such a folder. */
    static boolean matches(String sourceName) {
        return sourceName != null && NAME.matcher(fileName(sourceName)).matches();
    }

    /** The file of a folder export that the source is, or null when its name does not say so. */
    static FolderExport of(String sourceName) {
        if (sourceName == null) {
            return null;
        }
        String name = fileName(sourceName);
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            return null;
        }
        String parent = sourceName.substring(0, sourceName.length() - name.length());
        parent = parent.isEmpty() ? "" : fileName(parent.substring(0, parent.length() - 1));
        return new FolderExport(parent, name, m);
    }

    /** The file's name without folders and extensions ({@code shoppingCart-1.json} → {@code shoppingCart-1}). */
    static String stem(String sourceName) {
        String name = fileName(sourceName);
        int dot = name.indexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    void read(JsonNode record, String raw, Origin origin, ImportSink sink) {
        Origin at = new Origin(origin.file(), origin.line(), EsdbImporter.FORMAT);
        sink.accept(state ? snapshot(record, raw, at) : event(record, raw, at));
    }

    private Event event(JsonNode record, String raw, Origin origin) {
        JsonNode typeNode = record.has("type") ? record.get("type") : record.get("eventType");
        if (typeNode == null || !typeNode.isTextual() || typeNode.textValue().isBlank()) {
            throw new IllegalArgumentException("an event file needs a \"type\" (found members "
                    + names(record) + ")");
        }
        JsonNode value = record.has("value") ? record.get("value") : record.get("data");
        if (value == null) {
            ObjectNode rest = record.deepCopy();
            rest.remove(List.of("type", "eventType"));
            value = rest;
        }
        String aggregateId = resourceId(value);
        String aggregateType = aggregateId == null ? null : "resource";
        if (aggregateId == null && value.path("partitionId").isValueNode()) {
            aggregateType = "partition";
            aggregateId = "partition-" + value.get("partitionId").asText();
        }
        Instant time = nameTime != null ? nameTime : Timestamps.parse(value.path("timestamp"));
        JsonNode correlation = value.path("httpHeaders").path("xMsCorrelationId");
        ObjectNode metadata = Json.mapper().createObjectNode();
        metadata.put("file", fileName);
        metadata.put("sequenceNumber", sequence);
        if (label != null) {
            metadata.put("label", label);
        }
        return new Event(0, eventId(), typeNode.textValue(), null, time, aggregateType, aggregateId, sequence,
                correlation.isTextual() ? correlation.textValue() : null, null, Json.write(value),
                Json.write(metadata), raw, origin);
    }

    private Event snapshot(JsonNode record, String raw, Origin origin) {
        ArrayNode aggregates = Json.mapper().createArrayNode();
        for (JsonNode meter : record.path("meters")) {
            String id = resourceId(meter);
            if (id != null) {
                aggregates.add(id);
            }
        }
        String own = resourceId(record);
        if (aggregates.isEmpty() && own != null) {
            aggregates.add(own);
        }
        JsonNode last = record.path("lastProcessedMessage");
        ObjectNode metadata = Json.mapper().createObjectNode();
        metadata.put("snapshot", true);
        metadata.put("after", eventId());
        metadata.put("version", sequence);
        metadata.set("aggregateIds", aggregates);
        metadata.put("file", fileName);
        if (last.path("sequenceNumber").isValueNode() && !last.get("sequenceNumber").asText().equals(Long.toString(sequence))) {
            metadata.put("recordedSequenceNumber", last.get("sequenceNumber").asText());
        }
        return new Event(0, eventId() + "/state", SNAPSHOT, null, Timestamps.parse(last.path("partitionTimestamp")),
                null, null, sequence, null, eventId(), Json.write(record), Json.write(metadata), raw, origin);
    }

    /** {@code <folder>/<NNN>}: the folder names the export, NNN the event in it (kept as written, leading zeros too). */
    private String eventId() {
        String number = fileName.substring(0, fileName.indexOf("--"));
        return folder.isEmpty() ? number : folder + "/" + number;
    }

    /** {@code resourceId} of the object, else of the first of its member objects that has one. */
    private static String resourceId(JsonNode node) {
        if (node.path("resourceId").isTextual()) {
            return node.get("resourceId").textValue();
        }
        for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
            JsonNode child = it.next();
            if (child.isObject() && child.path("resourceId").isTextual()) {
                return child.get("resourceId").textValue();
            }
        }
        return null;
    }

    private static String names(JsonNode record) {
        StringBuilder out = new StringBuilder();
        record.fieldNames().forEachRemaining(n -> out.append(out.isEmpty() ? "" : ", ").append(n));
        return out.isEmpty() ? "none" : out.toString();
    }

    private static Instant nameTime(Matcher m) {
        try {
            return LocalDateTime.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)),
                    Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)), Integer.parseInt(m.group(7)),
                    Integer.parseInt(m.group(8))).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static String fileName(String path) {
        return path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
    }
}
