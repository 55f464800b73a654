package eventlens.importers.esdb;

import com.fasterxml.jackson.databind.JsonNode;
import eventlens.importers.ImportException;
import eventlens.importers.ImportOptions;
import eventlens.importers.ImportSink;
import eventlens.importers.ImportSource;
import eventlens.importers.Importer;
import eventlens.importers.SourceHead;
import eventlens.importers.json.JsonRecords;
import eventlens.model.Origin;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Reads EventStoreDB exports: Atom feeds of the HTTP API ({@code application/vnd.eventstore.atom+json},
 * ideally read with {@code ?embed=body}), single entries and append batches, and folders that hold one
 * event per file with the recorded state beside each ({@code NNN--event--….json}, {@code NNN--state.json}).
 *
 * <p>Which shape a record has is decided per record: a record with {@code entries} is a feed page
 * ({@link AtomEntries}); a file named like a folder export is an event or a state snapshot
 * ({@link FolderExport}); any other record with {@code eventType} is one entry or one event of an
 * append batch whose stream is named by the file. Anything else is an error row.
 */
public final class EsdbImporter implements Importer {
    static final String FORMAT = "esdb";
    private static final String MEDIA_TYPE = "vnd.eventstore";

    @Override
    public String name() {
        return FORMAT;
    }

    @Override
    public String description() {
        return "EventStoreDB Atom feeds (embed=body), entries and folders of one event per file with state snapshots";
    }

    @Override
    public List<FieldSource> fields() {
        return List.of(
                new FieldSource("id", "eventId (a non-embedded feed: the ack link's id, else the entry's id URI)"),
                new FieldSource("type", "eventType, else summary"),
                new FieldSource("time", "updated; a folder export: the time in the file name"),
                new FieldSource("aggregateId", "streamId, else the stream of title N@stream, else the file name"),
                new FieldSource("aggregateType", "the stream's category (before the first '-')"),
                new FieldSource("version", "eventNumber, else N of title N@stream; a folder export: NNN of the file name"),
                new FieldSource("correlationId", "metadata $correlationId"),
                new FieldSource("causationId", "metadata $causationId; a snapshot: the event NNN it follows"),
                new FieldSource("data", "data (JSON in a string decoded when isJson, else kept as text)"),
                new FieldSource("metadata", "metaData / metadata, decoded"),
                new FieldSource("snapshot", "NNN--state.json: an event of type $snapshot, metadata {\"snapshot\":true,…}"));
    }

    /**
     * 97 for an Atom feed ({@code "entries"} with {@code "eventType"}, {@code "eventNumber"},
     * {@code "headOfStream"} or the author {@code EventStore}) or the vnd.eventstore media type;
     * 92 for a JSON object in a file named like a folder export ({@code 000--state.json},
     * {@code 000--event--….json}), just above the generic JSON reader, because the name alone tells
     * the state snapshots from events; 0 otherwise (append batches stay with the JSON reader).
     */
    @Override
    public int sniff(byte[] head, String name) {
        String text = new String(head, StandardCharsets.ISO_8859_1);
        if (text.contains(MEDIA_TYPE)) {
            return 97;
        }
        boolean feed = text.contains("\"entries\"") && (text.contains("\"eventType\"")
                || text.contains("\"eventNumber\"") || text.contains("\"headOfStream\"")
                || text.replaceAll("\\s", "").contains("\"author\":{\"name\":\"EventStore\"}"));
        if (feed) {
            return 97;
        }
        int start = SourceHead.firstContent(head);
        return start >= 0 && head[start] == '{' && FolderExport.matches(name) ? 92 : 0;
    }

    @Override
    public void read(ImportSource source, ImportOptions options, ImportSink sink) throws ImportException {
        FolderExport export = FolderExport.of(source.name());
        AtomEntries entries = new AtomEntries(source.name());
        JsonRecords.read(source, FORMAT, (node, raw, origin, out) -> readRecord(node, raw, origin, out, export, entries),
                sink);
    }

    private static void readRecord(JsonNode node, String raw, Origin origin, ImportSink sink, FolderExport export,
                                   AtomEntries entries) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("not an EventStoreDB record: expected a JSON object, found "
                    + node.getNodeType().toString().toLowerCase(Locale.ROOT));
        }
        if (node.has("entries")) {
            entries.readFeed(node, raw, origin, sink);
        } else if (export != null) {
            export.read(node, raw, origin, sink);
        } else if (node.has("eventType") || node.has("summary")) {
            sink.accept(entries.entry(node, raw, origin));
        } else {
            throw new IllegalArgumentException("not an EventStoreDB record: expected an Atom feed (entries), "
                    + "an entry or event (eventType), or a folder export file (NNN--event--….json, NNN--state.json)");
        }
    }
}
