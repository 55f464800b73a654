package eventlens.importers.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import eventlens.importers.ImportException;
import eventlens.importers.ImportListener;
import eventlens.importers.ImportOptions;
import eventlens.importers.ImportService;
import eventlens.importers.ImportSummary;
import eventlens.importers.ImporterRegistry;
import eventlens.importers.RecordingSink;
import eventlens.model.Event;
import eventlens.model.Json;
import eventlens.model.store.ImportRecord;
import eventlens.model.store.ProjectStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Event tables of the three known shapes in an SQLite file, read a few rows a page. */
class TableSqliteTest {
    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    @TempDir
    Path dir;
    private Path db;
    private TableLocation location;

    @BeforeEach
    void createTables() throws Exception {
        db = dir.resolve("events.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE events(event_id TEXT PRIMARY KEY, aggregate_id TEXT, aggregate_type TEXT, "
                    + "event_type TEXT, event_data TEXT, version INTEGER, occurred_at TEXT)");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO events VALUES (?,?,?,?,?,?,?)")) {
                for (int i = 0; i < 12; i++) {
                    ps.setString(1, "ev-" + (char) ('a' + (11 - i))); // ids sort against time order
                    ps.setString(2, "order-" + (i % 3));
                    ps.setString(3, i % 4 == 0 ? "Customer" : "Order");
                    ps.setString(4, "OrderEvent" + i);
                    ps.setString(5, "{\"n\":" + i + "}");
                    ps.setLong(6, i / 3 + 1);
                    // rows 4 and 5 share a time: the id breaks the tie, across a page boundary
                    ps.setString(7, T0.plusSeconds(60L * (i == 5 ? 4 : i)).toString());
                    ps.executeUpdate();
                }
            }
            s.execute("CREATE TABLE mt_events(seq_id INTEGER PRIMARY KEY, id TEXT, stream_id TEXT, version INTEGER, "
                    + "data TEXT, type TEXT, timestamp TEXT, tenant_id TEXT, mt_dotnet_type TEXT, "
                    + "correlation_id TEXT, causation_id TEXT, headers TEXT)");
            s.execute("INSERT INTO mt_events VALUES (1, 'm1', 'cart-1', 1, '{\"sku\":\"A\"}', 'item_added', "
                    + "'2024-05-01 10:00:00', '*DEFAULT*', 'Shop.ItemAdded, Shop', 'corr-1', NULL, '{\"user\":\"ann\"}')");
            s.execute("INSERT INTO mt_events VALUES (2, 'm2', 'cart-1', 2, '{}', 'checked_out', "
                    + "'2024-05-01 10:05:00', '*DEFAULT*', 'Shop.CheckedOut, Shop', 'corr-1', 'm1', NULL)");
            s.execute("INSERT INTO mt_events(seq_id, stream_id) VALUES (3, 'cart-2')"); // no id, type or time
            s.execute("INSERT INTO mt_events VALUES (4, 'm4', 'cart-2', 1, '{}', 'item_added', "
                    + "'2024-05-01 10:06:00', '*DEFAULT*', 'Shop.ItemAdded, Shop', 'corr-2', NULL, NULL)");
            s.execute("CREATE TABLE domain_event_entry(global_index INTEGER PRIMARY KEY, event_identifier TEXT, "
                    + "aggregate_identifier TEXT, sequence_number INTEGER, type TEXT, payload BLOB, payload_type TEXT, "
                    + "meta_data BLOB, time_stamp TEXT)");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO domain_event_entry VALUES (?,?,?,?,?,?,?,?,?)")) {
                ps.setLong(1, 7);
                ps.setString(2, "axon-1");
                ps.setString(3, "gift-card-9");
                ps.setLong(4, 0);
                ps.setString(5, "GiftCard");
                ps.setBytes(6, "{\"amount\":25}".getBytes(StandardCharsets.UTF_8));
                ps.setString(7, "com.example.CardIssuedEvent");
                ps.setBytes(8, "{\"traceId\":\"t-1\",\"correlationId\":\"corr-9\"}".getBytes(StandardCharsets.UTF_8));
                ps.setString(9, "2024-05-02T08:00:00.123Z");
                ps.executeUpdate();
            }
            s.execute("CREATE TABLE log(kind TEXT, body TEXT)"); // no key column: SQLite's rowid pages it
            s.execute("INSERT INTO log VALUES ('a', '{\"x\":1}'), ('b', '{\"x\":2}'), ('c', '{\"x\":3}')");
        }
        location = TableLocation.sqlite(db);
    }

    private RecordingSink read(int pageSize, TableSlice slice, Map<String, String> mapping) throws ImportException {
        RecordingSink sink = new RecordingSink();
        new TableReader(pageSize).read(location, slice, new ImportOptions(mapping), sink);
        return sink;
    }

    @Test
    void seedsTableIsMappedAndReadAcrossSeveralPagesWithoutLosingTiedRows() throws Exception {
        RecordingSink sink = read(5, TableSlice.all("events"), Map.of());
        assertThat(sink.errors).isEmpty();
        assertThat(sink.events).hasSize(12);
        assertThat(sink.events).extracting(Event::type).containsExactly("OrderEvent0", "OrderEvent1", "OrderEvent2",
                "OrderEvent3", "OrderEvent5", "OrderEvent4", "OrderEvent6", "OrderEvent7", "OrderEvent8",
                "OrderEvent9", "OrderEvent10", "OrderEvent11"); // 5 and 4 share a time; ev-g < ev-h
        Event e = sink.events.get(1);
        assertThat(e.id()).isEqualTo("ev-k");
        assertThat(e.aggregateType()).isEqualTo("Order");
        assertThat(e.aggregateId()).isEqualTo("order-1");
        assertThat(e.version()).isEqualTo(1L);
        assertThat(e.time()).isEqualTo(T0.plusSeconds(60));
        assertThat(Json.parseOrMissing(e.data()).get("n").asInt()).isEqualTo(1);
        assertThat(e.origin().file()).isEqualTo(db.toAbsolutePath() + "#events");
        assertThat(e.origin().line()).isEqualTo(2);
        assertThat(e.origin().format()).isEqualTo("table");
        JsonNode raw = Json.parseOrMissing(e.raw());
        assertThat(raw.get("event_type").asText()).isEqualTo("OrderEvent1");
    }

    @Test
    void aPageSizeOfOneStillReadsEveryRowOnce() throws Exception {
        assertThat(read(1, TableSlice.all("events"), Map.of()).events).extracting(Event::id).doesNotHaveDuplicates()
                .hasSize(12);
    }

    @Test
    void timeSliceKeepsOnlyEventsStrictlyBetweenItsBounds() throws Exception {
        RecordingSink sink = read(2, new TableSlice("events", T0.plusSeconds(120), T0.plusSeconds(420), null), Map.of());
        assertThat(sink.events).extracting(Event::type)
                .containsExactly("OrderEvent3", "OrderEvent5", "OrderEvent4", "OrderEvent6");
    }

    @Test
    void aggregateTypeSliceIsABoundValueNotSql() throws Exception {
        assertThat(read(5, new TableSlice("events", null, null, "Customer"), Map.of()).events)
                .extracting(Event::type).containsExactly("OrderEvent0", "OrderEvent4", "OrderEvent8");
        assertThat(read(5, new TableSlice("events", null, null, "x' OR '1'='1"), Map.of()).events).isEmpty();
    }

    @Test
    void martenEventsMapStreamCorrelationCausationAndHeadersAndABadRowIsAnErrorWithItsKey() throws Exception {
        RecordingSink sink = read(2, TableSlice.all("mt_events"), Map.of());
        assertThat(sink.events).extracting(Event::id).containsExactly("m1", "m2", "m4");
        Event checkedOut = sink.events.get(1);
        assertThat(checkedOut.type()).isEqualTo("checked_out");
        assertThat(checkedOut.aggregateId()).isEqualTo("cart-1");
        assertThat(checkedOut.version()).isEqualTo(2L);
        assertThat(checkedOut.correlationId()).isEqualTo("corr-1");
        assertThat(checkedOut.causationId()).isEqualTo("m1");
        assertThat(checkedOut.time()).isEqualTo(Instant.parse("2024-05-01T10:05:00Z"));
        assertThat(Json.parseOrMissing(sink.events.get(0).metadata()).get("user").asText()).isEqualTo("ann");
        assertThat(Json.parseOrMissing(sink.events.get(0).data()).get("sku").asText()).isEqualTo("A");
        assertThat(sink.errors).singleElement().satisfies(err -> {
            assertThat(err.reason()).startsWith("row seq_id=3: no id, type or time");
            assertThat(err.line()).isEqualTo(3);
        });
    }

    @Test
    void martenTimeSliceComparesTextShapedLikeTheColumn() throws Exception {
        RecordingSink sink = read(5, new TableSlice("mt_events", Instant.parse("2024-05-01T10:01:00Z"), null, null),
                Map.of());
        assertThat(sink.events).extracting(Event::id).containsExactly("m2", "m4");
    }

    @Test
    void axonEntryTakesItsEventTypeFromPayloadTypeAndDecodesBlobs() throws Exception {
        RecordingSink sink = read(5, TableSlice.all("domain_event_entry"), Map.of());
        Event e = sink.events.get(0);
        assertThat(e.id()).isEqualTo("axon-1");
        assertThat(e.type()).isEqualTo("com.example.CardIssuedEvent");
        assertThat(e.aggregateType()).isEqualTo("GiftCard");
        assertThat(e.aggregateId()).isEqualTo("gift-card-9");
        assertThat(e.version()).isEqualTo(0L);
        assertThat(e.time()).isEqualTo(Instant.parse("2024-05-02T08:00:00.123Z"));
        assertThat(e.correlationId()).isEqualTo("corr-9");
        assertThat(Json.parseOrMissing(e.data()).get("amount").asInt()).isEqualTo(25);
        assertThat(Json.parseOrMissing(e.metadata()).get("traceId").asText()).isEqualTo("t-1");
        assertThat(read(5, new TableSlice("domain_event_entry", null, null, "Other"), Map.of()).events).isEmpty();
    }

    @Test
    void aMappingWorksAsForFiles() throws Exception {
        RecordingSink sink = read(5, TableSlice.all("mt_events"), Map.of("aggregateType", "/mt_dotnet_type"));
        assertThat(sink.events.get(0).aggregateType()).isEqualTo("Shop.ItemAdded, Shop");
    }

    @Test
    void aTableWithoutKeyColumnsIsPagedByRowid() throws Exception {
        RecordingSink sink = read(2, TableSlice.all("log"), Map.of("type", "/kind"));
        assertThat(sink.events).extracting(Event::type).containsExactly("a", "b", "c");
        assertThat(Json.parseOrMissing(sink.events.get(2).data()).get("x").asInt()).isEqualTo(3);
    }

    @Test
    void aMissingTableListsTheTablesThatExist() {
        assertThatThrownBy(() -> read(5, TableSlice.all("evnets"), Map.of()))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("no table 'evnets'")
                .hasMessageContaining("domain_event_entry, events, log, mt_events");
    }

    @Test
    void aTableImportIsRecordedLikeAFileAndAReimportSkipsWhatItHas() throws Exception {
        ImportService service = new ImportService(ImporterRegistry.standard());
        try (ProjectStore store = ProjectStore.open(dir.resolve("p.db"))) {
            ImportSummary first = service.runSource(store, new TableSource(location, TableSlice.all("events"),
                    new TableReader(4)), ImportOptions.AUTOMATIC, ImportListener.NONE);
            assertThat(first.imported()).isEqualTo(12);
            assertThat(first.format()).isEqualTo("table");
            ImportSummary again = service.runSource(store, new TableSource(location, TableSlice.all("events"),
                    new TableReader(4)), ImportOptions.AUTOMATIC, ImportListener.NONE);
            assertThat(again.imported()).isZero();
            List<ImportRecord> imports = store.imports();
            assertThat(imports).extracting(ImportRecord::file).containsOnly(db.toAbsolutePath() + "#events");
            assertThat(imports).extracting(ImportRecord::format).containsOnly("table");
        }
    }
}
