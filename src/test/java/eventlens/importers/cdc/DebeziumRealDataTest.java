package eventlens.importers.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eventlens.importers.ImportInput;
import eventlens.importers.ImportListener;
import eventlens.importers.ImportOptions;
import eventlens.importers.ImportService;
import eventlens.importers.ImportSummary;
import eventlens.importers.ImportSource;
import eventlens.importers.Importer;
import eventlens.importers.ImporterRegistry;
import eventlens.importers.RecordingSink;
import eventlens.model.Event;
import eventlens.model.store.AggregateCursor;
import eventlens.model.store.AggregateStore;
import eventlens.model.store.ProjectStore;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Debezium reader on the real files under {@code ../shared/realdata/debezium} (system property
 * {@code eventlens.realdata}); each test is skipped, saying why, when its file is absent. Every file
 * is detected as {@code debezium} and imports without error rows.
 */
class DebeziumRealDataTest {
    private static final Path REALDATA = Path.of(System.getProperty("eventlens.realdata", "../shared/realdata"));

    private static RecordingSink read(String name) throws Exception {
        Path file = REALDATA.resolve("debezium").resolve(name);
        Assumptions.assumeTrue(Files.isRegularFile(file),
                "real data not present at " + file + " (system property eventlens.realdata); skipped");
        Importer importer = ImporterRegistry.standard().detect(Files.readAllBytes(file), file.toString());
        assertThat(importer.name()).isEqualTo("debezium");
        RecordingSink sink = new RecordingSink();
        try (InputStream in = Files.newInputStream(file)) {
            importer.read(new ImportSource(file.toString(), in), ImportOptions.AUTOMATIC, sink);
        }
        assertThat(sink.errors).isEmpty();
        assertThat(sink.deadLetters).isEmpty();
        for (Event e : sink.events) {
            assertThat(e.raw()).startsWith("{").contains("\"op\"");
            assertThat(e.origin().format()).isEqualTo("debezium");
        }
        return sink;
    }

    @Test
    void outboxTableInsertFromTheDocsBecomesTheOrderCreatedEventItCarries() throws Exception {
        RecordingSink sink = read("debezium_docs_outbox_raw_change_event.txt");
        assertThat(sink.events).hasSize(1);
        Event e = sink.events.get(0);
        assertThat(e.id()).isEqualTo("406c07f3-26f0-4eea-a50c-109940064b8f");
        assertThat(e.type()).isEqualTo("OrderCreated");
        assertThat(e.aggregateType()).isEqualTo("Order");
        assertThat(e.aggregateId()).isEqualTo("1");
        assertThat(e.time()).isEqualTo(Instant.ofEpochMilli(1556890294344L)); // the row's timestamp column
        assertThat(e.source()).isEqualTo("postgresql/orderdb.inventory.outboxevent");
        assertThat(e.correlationId()).isEqualTo("dbserver1-bare:584");
        assertThat(e.origin().line()).isEqualTo(4); // after the three '# Kafka Message' comment lines
        JsonNode data = e.dataTree();
        assertThat(data.path("customerId").asInt()).isEqualTo(123);
        assertThat(data.path("lineItems").get(0).path("item").asText()).isEqualTo("Debezium in Action");
        JsonNode meta = e.metadataTree();
        assertThat(meta.path("op").asText()).isEqualTo("c");
        assertThat(meta.path("table").asText()).isEqualTo("outboxevent");
        assertThat(meta.path("source").path("lsn").asLong()).isEqualTo(24064704L);
        assertThat(meta.path("outbox").path("timestamp").asLong()).isEqualTo(1556890294344L);
        assertThat(meta.path("outbox").has("payload")).isFalse();
        // the '# Kafka Message key/Headers/Timestamp' lines above the record
        assertThat(meta.path("key").asText()).isEqualTo("406c07f3-26f0-4eea-a50c-109940064b8f");
        assertThat(meta.path("kafka").path("timestamp").asLong()).isEqualTo(1556890294484L);
        assertThat(meta.path("kafka").path("headers").asText()).isEmpty();
    }

    @Test
    void schemalessMySqlUpdateKeepsBothImagesAndNamesTheChangedColumn() throws Exception {
        RecordingSink sink = read("debezium_serde_update.json");
        assertThat(sink.events).hasSize(1);
        Event e = sink.events.get(0);
        assertThat(e.type()).isEqualTo("customers.updated");
        assertThat(e.source()).isEqualTo("mysql/inventory.customers");
        assertThat(e.aggregateType()).isEqualTo("customers");
        assertThat(e.aggregateId()).isEqualTo("customers/1004");
        // source.ts_ms is 0 in this file: the event's own ts_ms is used
        assertThat(e.time()).isEqualTo(Instant.ofEpochMilli(1465491411815L));
        assertThat(e.id()).startsWith("sha-");
        assertThat(e.dataTree().path("first_name").asText()).isEqualTo("Anne");
        assertThat(e.dataTree().path("__op").asText()).isEqualTo("u");
        JsonNode meta = e.metadataTree();
        assertThat(meta.path("before").path("first_name").asText()).isEqualTo("Anne-Marie");
        assertThat(meta.path("changed").toString()).isEqualTo("[\"first_name\"]");
        assertThat(meta.path("source").path("file").asText()).isEqualTo("mysql-bin.000003");
        assertThat(e.correlationId()).isNull(); // gtid is null
    }

    @Test
    void connectEnvelopeWithSchemaIsUnwrapped() throws Exception {
        RecordingSink sink = read("debezium_serde_with_schema_customers.json");
        assertThat(sink.events).hasSize(1);
        Event e = sink.events.get(0);
        assertThat(e.type()).isEqualTo("customers.created");
        assertThat(e.aggregateId()).isEqualTo("customers/1004");
        assertThat(e.time()).isEqualTo(Instant.ofEpochMilli(1465491411815L)); // from ts_ns
        assertThat(e.dataTree().path("email").asText()).isEqualTo("annek@noanswer.org");
        assertThat(e.metadataTree().path("before").isNull()).isTrue();
        assertThat(e.raw()).contains("\"schema\"");
    }

    @Test
    void paimonSchemalessLinesAfterALicenceCommentGiveEachRowsHistory() throws Exception {
        RecordingSink sink = read("paimon_debezium_mysql_cud_schemaless.txt");
        assertThat(sink.events).extracting(Event::type)
                .containsExactly("product.created", "product.deleted", "product.updated", "product.created");
        assertThat(sink.events).extracting(Event::aggregateId).containsExactly("product/105", "product/101", "product/105", "product/107");
        assertThat(sink.events).extracting(e -> e.origin().line()).containsExactly(19L, 20L, 21L, 22L);
        assertThat(sink.events).extracting(Event::id).doesNotHaveDuplicates();
        Event deleted = sink.events.get(1);
        assertThat(deleted.dataTree().path("name").asText()).isEqualTo("scooter"); // the before image
        assertThat(deleted.dataTree().path("__op").asText()).isEqualTo("d");
        assertThat(deleted.source()).isEqualTo("mysql/test.product");
        assertThat(deleted.time()).isEqualTo(Instant.ofEpochMilli(1596684883000L));
        Event updated = sink.events.get(2);
        // the before image holds only the changed column; the id comes from the after image
        assertThat(updated.metadataTree().path("changed").toString()).isEqualTo("[\"address\"]");
        assertThat(updated.dataTree().path("address").asText()).isEqualTo("Beijing");
        assertThat(updated.time()).isEqualTo(Instant.ofEpochMilli(1596684906000L));
    }

    @Test
    void paimonSchemaEnvelopeLineAfterALicenceComment() throws Exception {
        RecordingSink sink = read("paimon_debezium_mysql_with_schema.txt");
        assertThat(sink.events).hasSize(1);
        Event e = sink.events.get(0);
        assertThat(e.type()).isEqualTo("products.created");
        assertThat(e.source()).isEqualTo("mysql/inventory.products");
        assertThat(e.aggregateType()).isEqualTo("products");
        assertThat(e.aggregateId()).isEqualTo("products/101");
        assertThat(e.time()).isEqualTo(Instant.ofEpochMilli(1589355606100L));
        assertThat(e.origin().line()).isEqualTo(19);
        assertThat(e.dataTree().path("weight").asDouble()).isEqualTo(3.140000104904175);
        assertThat(e.metadataTree().path("source").path("snapshot").asText()).isEqualTo("true");
    }

    @Test
    void theWholeFolderImportsIntoAProjectOnceAndEachRowHasItsHistory(@TempDir Path dir) throws Exception {
        Path folder = REALDATA.resolve("debezium");
        Assumptions.assumeTrue(Files.isDirectory(folder), "real data not present at " + folder + "; skipped");
        ImportService service = new ImportService(ImporterRegistry.standard());
        try (ProjectStore store = ProjectStore.open(dir.resolve("p.db"))) {
            ImportSummary first = service.run(store, List.of(ImportInput.of(folder)), null, ImportOptions.AUTOMATIC,
                    ImportListener.NONE);
            assertThat(first.failed()).isZero();
            assertThat(first.imported()).isEqualTo(8);
            ImportSummary again = service.run(store, List.of(ImportInput.of(folder)), null, ImportOptions.AUTOMATIC,
                    ImportListener.NONE);
            assertThat(again.imported()).isZero();
            assertThat(store.eventCount()).isEqualTo(8);
            List<Event> hammer = new AggregateStore(store).events("product/105", AggregateCursor.START, 10);
            assertThat(hammer).extracting(Event::type).containsExactly("product.created", "product.updated");
            // row 101 of "product" and row 101 of "products" stay two histories
            assertThat(new AggregateStore(store).events("product/101", AggregateCursor.START, 10)).hasSize(1);
            assertThat(new AggregateStore(store).events("products/101", AggregateCursor.START, 10)).hasSize(1);
        }
    }

    @Test
    void cutAndDamagedCopiesOfEveryRealFileNeverStopTheImport() throws Exception {
        Path folder = REALDATA.resolve("debezium");
        Assumptions.assumeTrue(Files.isDirectory(folder), "real data not present at " + folder + "; skipped");
        byte[] damage = {'"', '{', '}', '\n', '\\', 0, '9'};
        try (var files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                byte[] bytes = Files.readAllBytes(file);
                for (int at = 0; at < bytes.length; at += 23) {
                    byte[] cut = java.util.Arrays.copyOf(bytes, at);
                    byte[] broken = bytes.clone();
                    broken[at] = damage[at % damage.length];
                    for (byte[] variant : List.of(cut, broken)) {
                        RecordingSink sink = new RecordingSink();
                        new DebeziumImporter().read(new ImportSource(file.toString(), new java.io.ByteArrayInputStream(variant)),
                                ImportOptions.AUTOMATIC, sink);
                        for (Event e : sink.events) {
                            assertThat(e.raw()).as(file + " at " + at).isNotBlank();
                        }
                        if (variant == broken) { // one damaged byte: still something to show, an event or an error row
                            assertThat(sink.events.size() + sink.errors.size()).as(file + " at " + at).isPositive();
                        }
                    }
                }
            }
        }
    }
}
