package eventlens.model.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eventlens.model.Event;
import eventlens.model.Origin;
import eventlens.model.query.EventQuery;
import eventlens.model.query.QueryException;
import eventlens.model.query.QueryParser;
import eventlens.model.store.ImportWriter;
import eventlens.model.store.ProjectStore;
import eventlens.model.store.SchemasTable;
import eventlens.model.store.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code schema:TYPE@VERSION} and {@code is:invalid} on a hand-made project whose events declare their
 * versions in each way {@link eventlens.model.DeclaredVersion} reads: the query selects exactly the groups
 * the schema inference (and so the Schemas view) shows, and exactly the events the last validation failed.
 */
class SchemaQueryTest {
    private static final Instant T0 = Instant.parse("2024-03-01T09:00:00Z");
    @TempDir
    Path dir;
    private Path file;

    @BeforeEach
    void project() {
        file = dir.resolve("s.eventlens");
        try (ProjectStore store = ProjectStore.open(file); ImportWriter w = store.beginImport()) {
            w.startFile("s.jsonl", "json", null);
            w.add(event("p1", "OrderPlaced", "\"eventVersion\":\"1\",", "{\"orderId\":\"o1\"}", "{}"));
            w.add(event("p2", "OrderPlaced", "\"eventVersion\":\"v2\",", "{\"orderId\":\"o2\",\"placedAt\":\"x\"}", "{}"));
            w.add(event("p3", "OrderPlaced", "", "{\"orderId\":\"o3\"}", "{\"headers\":{\"schema_version\":2}}"));
            w.add(event("p4", "OrderPlaced", "\"dataschema\":\"https://example.com/schemas/order/v2\",",
                    "{\"orderId\":\"o4\",\"placedAt\":\"y\"}", "{}"));
            w.add(event("p5", "OrderPlaced", "\"eventVersion\":\"2.0\",", "{\"orderId\":\"o5\"}", "{}"));
            w.add(event("p6", "OrderPlaced", "", "{\"total\":1}", "{}"));
            w.add(event("p7", "Other", "\"EVENT_VERSION\":2,", "{}", "{}"));
            w.add(event("p8", "OrderPlaced", "\"version\":7,", "{\"note\":\"schemaVersion\"}", "{}"));
            // Metadata that is not part of the record (as a broker's headers are): stored apart from it.
            w.add(new Event(0, "p9", "Other", "s", T0.plusSeconds(9), null, null, null, null, null, "{}",
                    "{\"schemaVersion\":\"3\",\"from\":\"headers\"}", "{\"id\":\"p9\",\"type\":\"Other\"}",
                    new Origin("s.jsonl", 9, "json")));
            w.commit();
        }
    }

    private static Event event(String id, String type, String declared, String data, String metadata) {
        String raw = "{\"id\":\"" + id + "\",\"type\":\"" + type + "\"," + declared + "\"data\":" + data
                + ",\"metadata\":" + metadata + "}";
        int n = Integer.parseInt(id.substring(1));
        return new Event(0, id, type, "s", T0.plusSeconds(n), null, null, null, null, null, data, metadata, raw,
                new Origin("s.jsonl", n, "json"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            schema:OrderPlaced@2          | p2 p3 p4
            schema:OrderPlaced@v2         | p2 p3 p4
            schema:OrderPlaced@2.0        | p5
            schema:OrderPlaced@1          | p1
            schema:OrderPlaced            | p6 p8
            schema:OrderPlaced@*          | p1 p2 p3 p4 p5
            schema:*@2                    | p2 p3 p4 p7
            schema:Order*@2*              | p2 p3 p4 p5
            schema:Other                  |
            schema:Other@3                | p9
            schema:OrderPlaced@3          |
            NOT schema:OrderPlaced@2      | p1 p5 p6 p7 p8 p9
            schema:Other@2 OR id:p1       | p1 p7
            """)
    void schemaSelectsTheEventsOfATypeThatDeclareTheVersion(String query, String ids) throws QueryException {
        try (ProjectStore store = ProjectStore.open(file)) {
            assertThat(ids(store, QueryParser.parse(query))).containsExactlyElementsOf(list(ids));
            assertThat(store.count(QueryParser.parse(query))).isEqualTo(list(ids).size());
        }
    }

    /** Every group the inference shows (the Schemas view's rows) is exactly what {@code schema:LABEL} selects. */
    @Test
    void eachGroupOfTheSchemasViewIsWhatItsLabelSelects() throws QueryException {
        try (ProjectStore store = ProjectStore.open(file)) {
            List<TypeSchema> groups = SchemaCatalog.schemas(store, (done, total) -> { });
            assertThat(groups).extracting(TypeSchema::label)
                    .containsExactlyInAnyOrder("OrderPlaced", "OrderPlaced@1", "OrderPlaced@2", "OrderPlaced@2.0", "Other@2",
                    "Other@3");
            long total = 0;
            for (TypeSchema g : groups) {
                EventQuery q = QueryParser.parse("schema:" + g.label());
                List<String> found = ids(store, q);
                assertThat(found).as(g.label()).hasSize((int) g.events());
                assertThat(found.getFirst()).as(g.label()).isEqualTo(g.first().id());
                assertThat(found.getLast()).as(g.label()).isEqualTo(g.last().id());
                total += found.size();
            }
            assertThat(total).isEqualTo(store.eventCount());
            try (SchemasTable table = new SchemasTable(store)) {
                assertThat(table.groups()).extracting(SchemasTable.Group::label).containsExactly("OrderPlaced", "OrderPlaced@1", "OrderPlaced@2",
                        "OrderPlaced@2.0", "Other@2", "Other@3");
            }
        }
    }

    @Test
    void isInvalidBeforeAnyValidationIsAnErrorThatSaysWhatToRun() throws QueryException {
        try (ProjectStore store = ProjectStore.open(file)) {
            EventQuery q = QueryParser.parse("is:invalid");
            assertThatThrownBy(() -> store.count(q)).isInstanceOf(StoreException.class)
                    .hasMessageContaining("is:invalid needs a validation first")
                    .hasMessageContaining("eventlens schemas PROJECT --validate DIR");
            assertThatThrownBy(() -> store.page(QueryParser.parse("NOT is:invalid"), 0, 10))
                    .isInstanceOf(StoreException.class);
        }
    }

    @Test
    void isInvalidSelectsTheEventsTheLastValidationFailed() throws Exception {
        Path schemas = Files.createDirectories(dir.resolve("schemas"));
        Files.writeString(schemas.resolve("OrderPlaced.json"), "{\"required\":[\"orderId\"]}");
        Files.writeString(schemas.resolve("OrderPlaced.v2.json"), "{\"required\":[\"orderId\",\"placedAt\"]}");
        try (ProjectStore store = ProjectStore.open(file)) {
            SchemaValidation.Outcome o = SchemaValidation.run(store, SchemaFolder.read(schemas), (done, total) -> { });
            assertThat(o.invalid()).isEqualTo(4);
            assertThat(ids(store, QueryParser.parse("is:invalid"))).containsExactly("p3", "p5", "p6", "p8");
            assertThat(ids(store, QueryParser.parse("is:invalid schema:OrderPlaced@2"))).containsExactly("p3");
            assertThat(ids(store, QueryParser.parse("NOT is:invalid"))).containsExactly("p1", "p2", "p4", "p7", "p9");

            // A second validation replaces the first: only its failures count.
            Files.writeString(schemas.resolve("OrderPlaced.json"), "{}");
            Files.delete(schemas.resolve("OrderPlaced.v2.json"));
            SchemaValidation.run(store, SchemaFolder.read(schemas), (done, total) -> { });
            assertThat(ids(store, QueryParser.parse("is:invalid"))).isEmpty();
        }
    }

    @Test
    void aCancelledValidationLeavesIsInvalidWithoutAnAnswer() throws Exception {
        Path schemas = Files.createDirectories(dir.resolve("schemas"));
        Files.writeString(schemas.resolve("OrderPlaced.json"), "{\"required\":[\"nothing-has-this\"]}");
        try (ProjectStore store = ProjectStore.open(file)) {
            SchemaValidation.run(store, SchemaFolder.read(schemas), (done, total) -> { });
            assertThat(store.count(QueryParser.parse("is:invalid"))).isEqualTo(7);
            SchemaCatalog.Progress cancel = new SchemaCatalog.Progress() {
                @Override
                public void events(long done, long total) {
                }

                @Override
                public boolean cancelled() {
                    return true;
                }
            };
            assertThat(SchemaValidation.run(store, SchemaFolder.read(schemas), cancel)).isNull();
            EventQuery q = QueryParser.parse("is:invalid");
            assertThatThrownBy(() -> store.count(q)).hasMessageContaining("is:invalid needs a validation first");
        }
    }

    private static List<String> list(String ids) {
        return ids == null || ids.isBlank() ? List.of() : Arrays.asList(ids.strip().split(" "));
    }

    private static List<String> ids(ProjectStore store, EventQuery q) {
        return store.page(q, 0, 1000).stream().map(Event::id).toList();
    }
}
