package eventlens.importers.json;

import eventlens.importers.FieldMapper;
import eventlens.importers.ImportException;
import eventlens.importers.ImportOptions;
import eventlens.importers.ImportSink;
import eventlens.importers.ImportSource;
import eventlens.importers.Importer;
import eventlens.importers.MappedRecord;
import eventlens.importers.SourceHead;
import java.util.List;
import java.util.Locale;

/**
 * Reads JSON event logs: JSON lines (one record per line), top-level arrays of records, and JSON
 * values one after another (pretty-printed objects). The layout is chosen from the first line (see
 * {@link JsonLayout}); the file is read as a stream, holding one record at a time.
 *
 * <p>Each record keeps its exact text (the line, or the bytes of the value) as {@code raw}; its
 * origin is the 1-based line where it starts and the format {@code json}. Fields are found by
 * {@link FieldMapper}. A record that cannot be read (invalid JSON or UTF-8, binary data, nesting
 * beyond {@link eventlens.model.Json#MAX_DEPTH}, not an object, no id, type or time) goes to
 * {@link ImportSink#reject} and reading goes on with the next record; cancellation thrown by the
 * sink propagates.
 */
public final class JsonImporter implements Importer {
    /** Bytes looked at to choose the layout. */
    static final int HEAD = 64 * 1024;
    private static final String FORMAT = "json";

    @Override
    public String name() {
        return FORMAT;
    }

    @Override
    public String description() {
        return "JSON lines, JSON arrays of records, or concatenated JSON objects";
    }

    @Override
    public List<FieldSource> fields() {
        return List.of(
                new FieldSource("id", "id, eventId, messageId; else sha- + SHA-256 of the record"),
                new FieldSource("type", "type, eventType, detail-type"),
                new FieldSource("time", "time, timestamp, occurredAt, createdAt, ts, eventTime (record, then metadata)"),
                new FieldSource("source", "source"),
                new FieldSource("aggregateType", "aggregateType, streamType"),
                new FieldSource("aggregateId", "aggregateId, streamId"),
                new FieldSource("version", "version, aggregateVersion (not eventVersion)"),
                new FieldSource("correlationId", "correlationId (record, then metadata)"),
                new FieldSource("causationId", "causationId (record, then metadata)"),
                new FieldSource("data", "data, payload, eventData, body, detail, data_base64; else the record minus its envelope"),
                new FieldSource("metadata", "metadata, meta, headers"));
    }

    /**
     * 90 for a source starting with an object, 80 with an array (after a BOM and whitespace); for a file
     * named {@code .json}, {@code .jsonl} or {@code .ndjson}, 50 when it is blank and 10 when it starts with
     * anything else (a damaged first line: the lines after it are read, unless another reader knows the
     * content); else 0.
     */
    @Override
    public int sniff(byte[] head, String name) {
        String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
        boolean jsonName = lower.endsWith(".json") || lower.endsWith(".jsonl") || lower.endsWith(".ndjson");
        int start = SourceHead.firstContent(head);
        if (start < 0) {
            return jsonName ? 50 : 0;
        }
        return switch (head[start]) {
            case '{' -> 90;
            case '[' -> 80;
            default -> jsonName ? 10 : 0;
        };
    }

    @Override
    public boolean takesMapping() {
        return true;
    }

    @Override
    public void read(ImportSource source, ImportOptions options, ImportSink sink) throws ImportException {
        String file = source.name();
        FieldMapper mapper = FieldMapper.forImport(file, options);
        JsonRecords.read(source, FORMAT, (node, raw, origin, sink2) -> {
            switch (mapper.map(node, raw, origin)) {
                case MappedRecord.EventRecord r -> sink2.accept(r.event());
                case MappedRecord.DeadLetterRecord r -> sink2.accept(r.deadLetter());
                case MappedRecord.Rejected r -> throw new IllegalArgumentException(r.reason());
            }
        }, sink, mapper.memberForms());
    }
}
