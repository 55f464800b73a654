package eventlens.app;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.app.imports.LogImporter;
import eventlens.app.work.SameThreadWork;
import eventlens.model.Event;
import eventlens.model.Origin;
import eventlens.model.store.ImportWriter;
import eventlens.model.store.ProjectStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window builds the indexes a bulk-loaded project lacks (decision 0067), then infers the schemas it left for after
 * (decision 0079), saying so in the status bar.
 */
class ProjectIndexingTest {
    @TempDir
    Path dir;
    private MainViewModel main;

    @AfterEach
    void close() {
        if (main != null) {
            main.close();
        }
    }

    @Test
    void aProjectOpenedWithoutItsIndexesGetsThemWhileTheStatusBarSaysWhichOne() {
        Path project = bulkLoaded("p.eventlens");
        main = new MainViewModel(new SameThreadWork(), LogImporter.standard());
        List<String> shown = new ArrayList<>();
        main.indexingProperty().subscribe((String text) -> shown.add(text));

        main.openProject(project);

        assertThat(main.projectProperty().get().missingIndexes()).isEmpty();
        assertThat(shown).containsExactly("", "Indexing events by id (1 of 7)…", "Indexing events by correlation (2 of 7)…",
                "Indexing events by type (3 of 7)…", "Indexing events by time (4 of 7)…",
                "Indexing events by aggregate (5 of 7)…", "Indexing events by causation (6 of 7)…",
                "Indexing the replay's blocks (7 of 7)…",
                "Inferring schemas (3 of 3 events)…", "");
        assertThat(main.status().textProperty().get()).isEmpty();
        assertThat(eventlens.model.schema.SchemaCatalog.upToDate(main.projectProperty().get()))
                .as("the schemas the bulk load left for after (decision 0079)").isTrue();
    }

    @Test
    void anImportInTheWindowIntoAnEmptyProjectIsIndexedAfter() throws Exception {
        main = new MainViewModel(new SameThreadWork(), LogImporter.standard());
        main.openTemporaryProject("Samples", () -> SampleLogs.extractTo(Files.createDirectory(dir.resolve("samples"))));

        ProjectStore store = main.projectProperty().get();
        assertThat(store.eventCount()).isPositive();
        assertThat(store.missingIndexes()).as("loaded in bulk, then indexed").isEmpty();
        assertThat(main.indexingProperty().get()).isEmpty();
    }

    @Test
    void aReadOnlyProjectIsLeftAsItIsAndStillAnswers() {
        Path project = bulkLoaded("r.eventlens");
        main = new MainViewModel(new SameThreadWork(), LogImporter.standard());
        List<String> shown = new ArrayList<>();
        main.indexingProperty().subscribe((String text) -> shown.add(text));

        main.openProjectReadOnly(project);

        ProjectStore store = main.projectProperty().get();
        assertThat(store.missingIndexes()).hasSize(7); // six indexes, the key's too, and the replay's blocks
        assertThat(store.page(eventlens.model.query.EventQuery.ALL.withType("t"), 0, 10)).hasSize(3);
        assertThat(shown).containsOnly("");
    }

    /** A project as `eventlens import` leaves it when killed before its indexes: loaded in bulk, no index. */
    private Path bulkLoaded(String name) {
        Path project = dir.resolve(name);
        try (ProjectStore store = ProjectStore.open(project); ImportWriter w = store.beginImport()) {
            w.startFile("a.jsonl", "json", null);
            for (int i = 1; i <= 3; i++) {
                w.add(new Event(0, "e" + i, "t", "svc", Instant.parse("2024-01-15T10:00:00Z").plusSeconds(i), "Order",
                        "order-1", (long) i, "c1", null, "{\"n\":" + i + "}", "{}", "{\"id\":\"e" + i + "\"}",
                        new Origin("a.jsonl", i, "json")));
            }
            w.finishFile();
            w.commit();
        }
        try (ProjectStore store = ProjectStore.open(project)) {
            assertThat(store.missingIndexes()).hasSize(7); // six indexes, the key's too, and the replay's blocks
        }
        return project;
    }
}
