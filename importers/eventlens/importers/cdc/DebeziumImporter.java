package eventlens.importers.cdc;

import eventlens.importers.ImportException;
import eventlens.importers.ImportOptions;
import eventlens.importers.ImportSink;
import eventlens.importers.ImportSource;
import eventlens.importers.Importer;
import eventlens.importers.json.JsonRecords;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads Debezium change events and transactional-outbox rows: one JSON record per line or
 * pretty-printed records one after another, each bare or in the Kafka Connect JSON converter's
 * {@code {schema, payload}} envelope, optionally with a key record before each value (kcat's key
 * line then value line). Comment lines ({@code #}, {@code //}, {@code /* … *}{@code /}) are skipped.
 *
 * <p>A change event becomes an event of type {@code <table>.<verb>}: {@code op} c → created,
 * u → updated, d → deleted, r → read (snapshot), t → truncated, m → message. Its aggregate is the
 * row: aggregate type = the table, aggregate id = {@code <table>/} + the key (one column → its
 * value, several → joined by {@code /}), else + the row's id-like column; the table is in the id
 * because the store groups an aggregate by its id alone. data = the row after the change (before it
 * for a delete) plus {@code __op}, as Debezium's own {@code ExtractNewRecordState} writes it;
 * metadata keeps op, table, source, key, transaction, before, after and, for updates, the changed
 * columns. The id is derived from the change event's content (see {@link eventlens.importers.DerivedId}),
 * so the same change imported twice, with or without the schema envelope, is stored once.
 *
 * <p>A created or snapshot-read row of an outbox table ({@code aggregatetype}, {@code aggregateid},
 * {@code payload}), and such a row on its own, becomes the event it carries (see {@link OutboxEvents}).
 * kcat {@code -J} and rpk dumps of Kafka records are read too: a change event in the value as
 * above, any other value as the outbox event router's output (see {@link KafkaDumps}).
 */
public final class DebeziumImporter implements Importer {
    private static final String FORMAT = "debezium";
    private static final Pattern OP = Pattern.compile("\"op\"\\s*:\\s*\"[cudrtm]\"");
    private static final Pattern OUTBOX_TYPE = Pattern.compile("\"aggregate_?type\"\\s*:");
    private static final Pattern OUTBOX_ID = Pattern.compile("\"aggregate_?id\"\\s*:");
    private static final Pattern PAYLOAD = Pattern.compile("\"payload\"\\s*:");
    /** The op field of an envelope's schema: a schema can fill the whole head before the payload starts. */
    private static final Pattern SCHEMA_OP = Pattern.compile("\"field\"\\s*:\\s*\"op\"");
    /** The op inside JSON quoted as a string, as kcat prints a record's value. */
    private static final Pattern QUOTED_OP = Pattern.compile("\\\\\"op\\\\\"\\s*:\\s*\\\\\"[cudrtm]\\\\\"");

    @Override
    public String name() {
        return FORMAT;
    }

    @Override
    public String description() {
        return "Debezium change events (with or without the Connect schema envelope, kcat key/value lines) and outbox rows";
    }

    @Override
    public List<FieldSource> fields() {
        return List.of(
                new FieldSource("id", "derived from the change event's content; an outbox row's id"),
                new FieldSource("type", "<table>.created|updated|deleted|read|truncated|message from op; an outbox row's type"),
                new FieldSource("time", "source.ts_ns / ts_us / ts_ms (when the database made the change), else ts_* of the event; an outbox row's timestamp"),
                new FieldSource("source", "source.connector/db.schema.table"),
                new FieldSource("aggregateType / aggregateId", "table / table/key (else table/the row's id column); an outbox row's aggregatetype / aggregateid"),
                new FieldSource("correlationId", "transaction.id, else source.name:txId (PostgreSQL) or :gtid (MySQL); none for snapshot reads"),
                new FieldSource("data", "after (before for deletes) with __op; an outbox row's payload, JSON in a string parsed"),
                new FieldSource("metadata", "op, table, source, key, transaction, before, after, changed columns; outbox: the row but aggregatetype, aggregateid, payload"));
    }

    /**
     * 95 when the head holds a change event ({@code op} code with before/after and source) or outbox
     * columns in lower or snake case; 96 for a kcat/rpk dump of Kafka records holding change events
     * (as JSON in a string) or routed to an {@code outbox.event.*} topic, so that the Kafka reader,
     * which reads any record dump, leaves these to this one. Dumps with dead-letter headers stay
     * with the Kafka reader.
     */
    @Override
    public int sniff(byte[] head, String name) {
        String text = new String(head, StandardCharsets.ISO_8859_1);
        boolean change = (text.contains("\"before\"") || text.contains("\"after\"")) && text.contains("\"source\"")
                && (OP.matcher(text).find() || SCHEMA_OP.matcher(text).find() && text.contains("Envelope\""));
        if (text.contains("\"topic\"") && text.contains("\"offset\"")) {
            boolean quotedChange = text.contains("\\\"source\\\"") && QUOTED_OP.matcher(text).find();
            boolean deadLetters = text.contains("kafka_dlt-") || text.contains("__connect.errors.")
                    || text.contains("dead-letter-");
            return !deadLetters && (change || quotedChange || text.contains("\"outbox.event.")) ? 96 : 0;
        }
        // outbox columns as SQL folds them (lower case or snake case); camelCase aggregateType
        // records are generic event exports and stay with the JSON reader
        // records are generic event exports and stay with the JSON reader; JSON members only (a colon
        // after the name), so that a CSV export of an outbox table with a quoted header stays with csv
        boolean outbox = OUTBOX_TYPE.matcher(text).find() && OUTBOX_ID.matcher(text).find()
                && PAYLOAD.matcher(text).find();
        return change || outbox ? 95 : 0;
    }

    @Override
    public void read(ImportSource source, ImportOptions options, ImportSink sink) throws ImportException {
        CommentLines comments = new CommentLines(source.input());
        ChangeRecords records = new ChangeRecords(comments);
        JsonRecords.read(new ImportSource(source.name(), comments), FORMAT, records, sink);
        records.finish(sink);
        if (comments.commentLines() > 0) {
            sink.comments(comments.commentLines());
        }
    }
}
