package eventlens.importers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eventlens.model.store.ImportRecord;
import eventlens.model.store.ProjectStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mapping file is never silently ignored: the readers that map their records themselves (traces,
 * Temporal, brokers, Debezium, EventStoreDB) refuse a file they were given one for, with a reason that
 * says what to do; the json and csv readers apply it.
 */
class MappingRefusedTest {
    private static final ImportOptions MAPPED = new ImportOptions(Map.of("type", "/kind"));

    @TempDir
    Path dir;

    private Path zipkin() throws Exception {
        return Files.writeString(dir.resolve("trace.json"), "[{\"traceId\":\"4bf92f3577b34da6a3ce929d0e0e4736\","
                + "\"id\":\"53995c3f42cd8ad8\",\"name\":\"get\",\"timestamp\":1772359200000000,\"duration\":5,"
                + "\"localEndpoint\":{\"serviceName\":\"api\"}}]\n");
    }

    private Path json() throws Exception {
        return Files.writeString(dir.resolve("log.jsonl"), "{\"id\":\"a\",\"kind\":\"order.placed\"}\n");
    }

    @Test
    void aDetectedReaderThatMapsItsOwnRecordsRefusesTheFileAndTheOthersApplyTheMapping() throws Exception {
        try (ProjectStore store = ProjectStore.open(dir.resolve("p.db"))) {
            ImportSummary s = new ImportService(ImporterRegistry.standard()).run(store,
                    List.of(ImportInput.of(zipkin()), ImportInput.of(json())), null, MAPPED, ImportListener.NONE);
            assertThat(s.imported()).isEqualTo(1);
            assertThat(store.eventAt(1).orElseThrow().type()).isEqualTo("order.placed");
            assertThat(s.files()).extracting(ImportRecord::format).containsExactly("zipkin", "json");
            assertThat(s.errors()).singleElement().satisfies(e -> {
                assertThat(e.file()).endsWith("trace.json");
                assertThat(e.reason()).startsWith("the zipkin reader maps its records itself and takes no mapping file")
                        .contains("without --mapping");
            });
        }
    }

    @Test
    void aForcedReaderThatTakesNoMappingStopsTheImportBeforeAnythingIsRead() throws Exception {
        try (ProjectStore store = ProjectStore.open(dir.resolve("p.db"))) {
            assertThatThrownBy(() -> new ImportService(ImporterRegistry.standard()).run(store,
                    List.of(ImportInput.of(zipkin())), "zipkin", MAPPED, ImportListener.NONE))
                    .isInstanceOf(ImportException.class).hasMessageContaining("takes no mapping file");
            assertThat(store.imports()).isEmpty();
        }
    }

    @Test
    void thePreviewSaysWhyInsteadOfShowingUnmappedRecords() throws Exception {
        ImportPreview p = ImportPreview.of(ImporterRegistry.standard(), zipkin(), null, MAPPED, 10);
        assertThat(p.format()).isEqualTo("zipkin");
        assertThat(p.events()).isEmpty();
        assertThat(p.problem()).contains("takes no mapping file");
        assertThat(ImportPreview.of(ImporterRegistry.standard(), zipkin(), null, ImportOptions.AUTOMATIC, 10).events())
                .hasSize(1);
    }

    @Test
    void onlyTheJsonAndCsvReadersTakeAMapping() {
        assertThat(ImporterRegistry.standard().all()).filteredOn(Importer::takesMapping).extracting(Importer::name)
                .containsExactlyInAnyOrder("json", "csv");
    }
}
