package eventlens.importers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eventlens.model.Event;
import eventlens.model.schema.DriftChange;
import eventlens.model.schema.SchemaCatalog;
import eventlens.model.schema.SchemaDrift;
import eventlens.model.schema.SchemaFolder;
import eventlens.model.schema.SchemaValidation;
import eventlens.model.schema.TypeSchema;
import eventlens.model.store.ImportWriter;
import eventlens.model.store.ProjectStore;
import eventlens.model.store.SchemasTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Schemas are built at import, merged over imports, caught up on first use, and validated against files. */
class SchemaImportTest {
    private static final SchemaCatalog.Progress QUIET = (done, total) -> { };

    @TempDir
    Path dir;

    private static String line(int n, String type, String version, String data) {
        return "{\"id\":\"e" + n + "\",\"type\":\"" + type + "\",\"timestamp\":\"2024-01-15T10:00:" + (10 + n) + "Z\""
                + (version == null ? "" : ",\"eventVersion\":\"" + version + "\"") + ",\"data\":" + data + "}\n";
    }

    private void importText(ProjectStore store, String name, String text) throws Exception {
        Path file = Files.writeString(dir.resolve(name), text);
        new ImportService(ImporterRegistry.standard()).run(store, List.of(ImportInput.of(file)), null,
                ImportOptions.AUTOMATIC, ImportListener.NONE);
    }

    @Test
    void aBigImportLeavesItsSchemasForAfterAndTheCatchUpFindsWhatTheImportWouldHave() throws Exception {
        StringBuilder log = new StringBuilder();
        for (int n = 1; n <= 4500; n++) { // more than two of the catch-up's pages, read ahead
            log.append(n % 3 == 0 ? line(n, "OrderShipped", null, "{\"carrier\":\"DHL\",\"n\":" + n + "}")
                    : line(n, "OrderPlaced", n < 3000 ? "1" : "2", "{\"items\":[\"p" + n + "\"]}"));
        }
        Path file = Files.writeString(dir.resolve("big.jsonl"), log);
        List<TypeSchema> tapped;
        try (ProjectStore store = ProjectStore.open(dir.resolve("tapped.db"))) {
            new ImportService(ImporterRegistry.standard()).run(store, List.of(ImportInput.of(file)), null,
                    ImportOptions.AUTOMATIC, ImportListener.NONE);
            assertThat(SchemaCatalog.upToDate(store)).as("a small import infers as it stores").isTrue();
            tapped = SchemaCatalog.schemas(store, QUIET);
        }
        try (ProjectStore store = ProjectStore.open(dir.resolve("later.db"))) {
            new ImportService(ImporterRegistry.standard()).schemasLaterAbove(Files.size(file) - 1).run(store,
                    List.of(ImportInput.of(file)), null, ImportOptions.AUTOMATIC, ImportListener.NONE);
            assertThat(SchemaCatalog.upToDate(store)).as("a bigger one leaves them for after").isFalse();
            List<Long> told = new ArrayList<>();
            List<TypeSchema> caughtUp = SchemaCatalog.schemas(store, (done, total) -> told.add(done));
            assertThat(caughtUp).usingRecursiveComparison().isEqualTo(tapped);
            assertThat(told).as("told page by page").containsExactly(2000L, 4000L, 4500L);
            assertThat(SchemaCatalog.upToDate(store)).isTrue();
        }
        try (ProjectStore store = ProjectStore.open(dir.resolve("slices.db"))) {
            new ImportService(ImporterRegistry.standard()).schemasLaterAbove(0).run(store, List.of(ImportInput.of(file)),
                    null, ImportOptions.AUTOMATIC, ImportListener.NONE);
            int slices = 1;
            while (!SchemaCatalog.catchUp(store, 2000, QUIET)) {
                assertThat(SchemaCatalog.upToDate(store)).isFalse();
                slices++;
            }
            assertThat(slices).as("a page a slice, each stored").isEqualTo(3);
            assertThat(SchemaCatalog.schemas(store, QUIET)).as("in slices as at once").usingRecursiveComparison()
                    .isEqualTo(tapped);
        }
    }

    @Test
    void aCatchUpCancelledAfterItsFirstPageStoresNothingAndStopsReadingAhead() throws Exception {
        StringBuilder log = new StringBuilder();
        for (int n = 1; n <= 9000; n++) {
            log.append(line(n, "OrderPlaced", null, "{\"n\":" + n + "}"));
        }
        Path file = Files.writeString(dir.resolve("big.jsonl"), log);
        try (ProjectStore store = ProjectStore.open(dir.resolve("p.db"))) {
            new ImportService(ImporterRegistry.standard()).schemasLaterAbove(0).run(store, List.of(ImportInput.of(file)),
                    null, ImportOptions.AUTOMATIC, ImportListener.NONE);
            List<Long> told = new ArrayList<>();
            List<TypeSchema> none = SchemaCatalog.schemas(store, new SchemaCatalog.Progress() {
                @Override
                public void events(long done, long total) {
                    told.add(done);
                }

                @Override
                public boolean cancelled() {
                    return !told.isEmpty();
                }
            });
            assertThat(none).isNull();
            assertThat(told).containsExactly(2000L);
            assertThat(SchemaCatalog.upToDate(store)).isFalse();
            assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                    .as("the read-ahead ended with the catch-up").doesNotContain("eventlens-schema-pages");
            assertThat(SchemaCatalog.schemas(store, QUIET)).extracting(TypeSchema::events).containsExactly(9000L);
        }
    }

    @Test
    void anImportStoresTheSchemasAndTheNextOneMergesIntoThem() throws Exception {
        try (ProjectStore store = ProjectStore.open(dir.resolve("p.db"))) {
            importText(store, "a.jsonl", line(1, "OrderPlaced", "1", "{\"items\":[\"p1\"]}")
                    + line(2, "OrderPlaced", "1", "{\"items\":[\"p2\"]}"));
            assertThat(SchemaCatalog.upToDate(store)).isTrue();
            importText(store, "b.jsonl", line(3, "OrderPlaced", "2", "{\"items\":[{\"productId\":\"p1\"}]}")
                    + line(4, "OrderShipped", null, "{\"carrier\":\"DHL\"}"));
            assertThat(SchemaCatalog.upToDate(store)).isTrue();
            List<TypeSchema> schemas = SchemaCatalog.schemas(store, QUIET);
            assertThat(schemas).extracting(TypeSchema::label, TypeSchema::events)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("OrderPlaced@1", 2L),
                            org.assertj.core.groups.Tuple.tuple("OrderPlaced@2", 1L),
                            org.assertj.core.groups.Tuple.tuple("OrderShipped", 1L));
            List<DriftChange> drift = SchemaDrift.of(schemas);
            assertThat(drift).anySatisfy(c -> {
                assertThat(c.path()).isEqualTo("items[]");
                assertThat(c.kind()).isEqualTo(DriftChange.Kind.TYPE_CHANGED);
                assertThat(c.first().id()).isEqualTo("e3");
                assertThat(c.first().position()).as("the position it was stored at").isEqualTo(3);
            });
        }
    }

    @Test
    void aBigRecordKeepsItsDeclaredVersionThoughOnlyItsDataWaitsForTheInference() throws Exception {
        String big = "x".repeat(100_000);
        try (ProjectStore store = ProjectStore.open(dir.resolve("p.db"))) {
            importText(store, "big.jsonl", line(1, "Blob", "3", "{\"text\":\"" + big + "\"}")
                    + line(2, "Blob", null, "{\"text\":\"small\"}"));
            assertThat(SchemaCatalog.upToDate(store)).isTrue();
            assertThat(SchemaCatalog.schemas(store, QUIET)).extracting(TypeSchema::label).containsExactly("Blob", "Blob@3");
        }
    }

    @Test
    void aProjectWithoutStoredSchemasIsCaughtUpOnFirstUseWithProgress() throws Exception {
        try (ProjectStore store = ProjectStore.open(dir.resolve("p.db"))) {
            try (ImportWriter w = store.beginImport()) { // an import that keeps no schemas, as before they existed
                w.startFile("old.jsonl", "jsonl", null);
                for (int i = 1; i <= 3; i++) {
                    w.add(new Event(0, "e" + i, "T", null, null, null, null, null, null, null, "{\"n\":" + i + "}", null,
                            "{}", null));
                }
                w.commit();
            }
            assertThat(SchemaCatalog.upToDate(store)).isFalse();
            importText(store, "new.jsonl", line(4, "T", null, "{\"n\":4}"));
            assertThat(SchemaCatalog.upToDate(store)).as("an import does not cover events it did not see").isFalse();
            List<long[]> steps = new ArrayList<>();
            List<TypeSchema> schemas = SchemaCatalog.schemas(store, (done, total) -> steps.add(new long[] {done, total}));
            assertThat(schemas).singleElement().satisfies(s -> assertThat(s.events()).isEqualTo(4));
            assertThat(steps).isNotEmpty();
            assertThat(steps.getLast()).containsExactly(4, 4);
            assertThat(SchemaCatalog.upToDate(store)).isTrue();
            importText(store, "more.jsonl", line(5, "T", null, "{\"n\":5}"));
            assertThat(SchemaCatalog.upToDate(store)).isTrue();
            assertThat(SchemaCatalog.schemas(store, QUIET).getFirst().events()).isEqualTo(5);
        }
    }

    @Test
    void aValidationOverManyPagesChecksEveryEventOnce() throws Exception {
        Path schemas = Files.createDirectories(dir.resolve("schemas"));
        Files.writeString(schemas.resolve("OrderShipped.json"), """
                {"type":"object","properties":{"n":{"type":"integer","maximum":3000}}}""");
        StringBuilder log = new StringBuilder();
        for (int n = 1; n <= 4500; n++) {
            log.append(n % 3 == 0 ? line(n, "OrderShipped", null, "{\"n\":" + n + "}")
                    : line(n, "OrderPlaced", null, "{\"n\":" + n + "}"));
        }
        try (ProjectStore store = ProjectStore.open(dir.resolve("p.db"))) {
            importText(store, "big.jsonl", log.toString());
            List<Long> told = new ArrayList<>();
            SchemaValidation.Outcome o = SchemaValidation.run(store, SchemaFolder.read(schemas),
                    (done, total) -> told.add(done));
            assertThat(o.checked()).isEqualTo(1500);
            assertThat(o.unchecked()).containsEntry("OrderPlaced", 3000L);
            assertThat(o.invalid()).as("n above 3000: 3003 to 4500, every third").isEqualTo(500);
            assertThat(told).containsExactly(2000L, 4000L, 4500L);
            try (SchemasTable table = new SchemasTable(store)) {
                long[] invalid = table.invalidPositions();
                assertThat(invalid).hasSize(500).startsWith(3003L, 3006L).endsWith(4500L);
            }
        }
    }

    @Test
    void eventsAreValidatedAgainstTheSchemaOfTheirTypeAndVersion() throws Exception {
        Path schemas = Files.createDirectories(dir.resolve("schemas"));
        Files.writeString(schemas.resolve("OrderPlaced.v2.json"), """
                {"type":"object","required":["items"],"properties":{"items":{"type":"array",
                 "items":{"type":"object","required":["productId"]}}}}""");
        Files.writeString(schemas.resolve("OrderPlaced.json"), """
                {"type":"object","required":["items"]}""");
        try (ProjectStore store = ProjectStore.open(dir.resolve("p.db"))) {
            importText(store, "a.jsonl", line(1, "OrderPlaced", "1", "{\"items\":[\"p1\"]}")
                    + line(2, "OrderPlaced", "2", "{\"items\":[\"p2\"]}")
                    + line(3, "OrderPlaced", "2.0", "{\"items\":[{\"productId\":\"p1\"}]}")
                    + line(4, "OrderPlaced", "1", "{}")
                    + line(5, "Other", null, "{}"));
            SchemaValidation.Outcome o = SchemaValidation.run(store, SchemaFolder.read(schemas), QUIET);
            assertThat(o.checked()).isEqualTo(4);
            assertThat(o.unchecked()).containsEntry("Other", 1L);
            assertThat(o.invalid()).isEqualTo(2);
            assertThat(o.byTypeAndRule()).containsEntry("OrderPlaced", java.util.Map.of("required", 1L, "type", 1L));
            try (SchemasTable table = new SchemasTable(store)) {
                assertThat(table.invalidPositions()).containsExactly(2, 4);
                assertThat(table.failures(0, 10)).extracting(SchemasTable.Failure::schemaFile)
                        .containsExactly("OrderPlaced.v2.json", "OrderPlaced.json");
                assertThat(table.validatedAgainst()).endsWith("schemas");
            }
        }
    }

    @Test
    void aBrokenSchemaFileIsRefusedWithItsName() throws Exception {
        Path schemas = Files.createDirectories(dir.resolve("schemas"));
        Files.writeString(schemas.resolve("T.json"), "[1, 2]");
        assertThatThrownBy(() -> SchemaFolder.read(schemas)).hasMessageContaining("T.json")
                .hasMessageContaining("not a JSON Schema");
        assertThatThrownBy(() -> SchemaFolder.read(dir.resolve("none"))).hasMessageContaining("not a folder");
    }
}
