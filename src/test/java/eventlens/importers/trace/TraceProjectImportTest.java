package eventlens.importers.trace;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.importers.ImportInput;
import eventlens.importers.ImportListener;
import eventlens.importers.ImportOptions;
import eventlens.importers.ImportService;
import eventlens.importers.ImportSummary;
import eventlens.importers.ImporterRegistry;
import eventlens.model.query.EventQuery;
import eventlens.model.store.ProjectStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real trace folder imported into a project the way the application does it (detection per
 * file, the store's duplicate rules): span ids reused by different traces stay different events.
 */
class TraceProjectImportTest {
    private static final Path TRACES = Path.of(System.getProperty("eventlens.realdata", "../shared/realdata"))
            .resolve("traces");

    @TempDir
    Path dir;

    @Test
    void everyRealTraceFileImportsIntoOneProjectWithoutDuplicatesOrFailures() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(TRACES),
                "real data not present at " + TRACES + " (system property eventlens.realdata); skipped");
        ImportService service = new ImportService(ImporterRegistry.standard());
        try (ProjectStore store = ProjectStore.open(dir.resolve("p.db"))) {
            ImportSummary first = service.run(store, List.of(ImportInput.of(TRACES)), null, ImportOptions.AUTOMATIC,
                    ImportListener.NONE);
            assertThat(first.errors()).isEmpty();
            assertThat(first.failed()).isZero();
            assertThat(first.duplicates()).isZero();
            assertThat(first.imported()).isEqualTo(11 + 4 + 1 + 5 + 1 + 4 + 28 + 13);
            assertThat(Arrays.asList(first.format().split(","))).containsExactlyInAnyOrder("jaeger", "otlp", "zipkin");
            // span 0000000000000004 is in two traces of two files: two events
            assertThat(store.count(EventQuery.correlation("00000000000000000000000000000011"))).isEqualTo(5);
            assertThat(store.count(EventQuery.correlation("00000000000000000000000000000226"))).isEqualTo(1);
            assertThat(store.count(EventQuery.correlation("a03ee8fff1dcd9b9"))).isEqualTo(13);

            ImportSummary again = service.run(store, List.of(ImportInput.of(TRACES)), null, ImportOptions.AUTOMATIC,
                    ImportListener.NONE);
            assertThat(again.imported()).isZero();
            assertThat(again.duplicates()).isZero();
            assertThat(again.skipped()).isEqualTo(first.imported());
        }
    }
}
