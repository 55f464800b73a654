package eventlens.importers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import eventlens.model.Json;
import eventlens.model.schema.JsonSchemaExport;
import eventlens.model.schema.SchemaCatalog;
import eventlens.model.schema.SchemaDrift;
import eventlens.model.schema.SchemaFolder;
import eventlens.model.schema.SchemaValidation;
import eventlens.model.schema.TypeSchema;
import eventlens.model.store.ProjectStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schemas inferred from the real files under {@code ../shared/realdata} (skipped where absent): CloudEvents
 * declaring a version through {@code dataschema}, EventStoreDB append batches; and the exported JSON Schema
 * of every type accepts every event it was inferred from.
 */
class SchemaRealDataTest {
    private static final Path REALDATA = Path.of(System.getProperty("eventlens.realdata", "../shared/realdata"));
    private static final SchemaCatalog.Progress QUIET = (done, total) -> { };

    @TempDir
    Path dir;

    private static List<ImportInput> jsonFiles(String folder) throws Exception {
        Path d = REALDATA.resolve(folder);
        assumeTrue(Files.isDirectory(d), "real data not present: " + d + " (see ../shared/realdata/SOURCES.md)");
        try (Stream<Path> files = Files.list(d)) {
            return files.filter(f -> f.toString().endsWith(".json") && !f.getFileName().toString().startsWith("persistent"))
                    .sorted().map(ImportInput::of).toList();
        }
    }

    private List<TypeSchema> imported(ProjectStore store, List<ImportInput> inputs) throws Exception {
        new ImportService(ImporterRegistry.standard()).run(store, inputs, null, ImportOptions.AUTOMATIC, ImportListener.NONE);
        return SchemaCatalog.schemas(store, QUIET);
    }

    @Test
    void cloudEventsDeclareTheirVersionThroughDataschemaAndExportsAcceptTheirEvents() throws Exception {
        try (ProjectStore store = ProjectStore.open(dir.resolve("ce.db"))) {
            List<TypeSchema> schemas = imported(store, jsonFiles("cloudevents"));
            assertThat(schemas).extracting(TypeSchema::label).contains("google.cloud.audit.log.v1.written@1");
            TypeSchema audit = schemas.stream().filter(s -> s.type().equals("google.cloud.audit.log.v1.written"))
                    .findFirst().orElseThrow();
            assertThat(audit.fields()).extracting(f -> f.path()).contains("protoPayload.methodName");
            assertThat(exportsAccept(store, schemas)).isZero();
        }
    }

    @Test
    void eventStoreBatchesHaveOneShapeAndNoDrift() throws Exception {
        try (ProjectStore store = ProjectStore.open(dir.resolve("esdb.db"))) {
            List<TypeSchema> schemas = imported(store, jsonFiles("eventstore/esdb_http_api_samples"));
            assertThat(schemas).singleElement().satisfies(s -> {
                assertThat(s.type()).isEqualTo("ItemAdded");
                assertThat(s.events()).isEqualTo(7);
                assertThat(s.shapes()).hasSize(1);
                assertThat(s.fields()).anySatisfy(f -> {
                    assertThat(f.path()).isEqualTo("Description");
                    assertThat(f.present()).isEqualTo(7);
                });
            });
            assertThat(SchemaDrift.of(schemas)).isEmpty();
            assertThat(exportsAccept(store, schemas)).isZero();
        }
    }

    /** Writes every inferred schema as TYPE[.vN].json, validates the project against them; the invalid count. */
    private long exportsAccept(ProjectStore store, List<TypeSchema> schemas) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("exported-" + System.nanoTime()));
        for (TypeSchema s : schemas) {
            String name = s.type() + (s.version() == null ? "" : ".v" + s.version()) + ".json";
            Files.writeString(folder.resolve(name), Json.write(JsonSchemaExport.of(s)));
        }
        SchemaValidation.Outcome o = SchemaValidation.run(store, SchemaFolder.read(folder), QUIET);
        assertThat(o.unchecked()).isEmpty();
        assertThat(o.failures()).as("failures").isEmpty();
        return o.invalid();
    }
}
