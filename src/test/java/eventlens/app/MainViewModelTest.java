package eventlens.app;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.app.imports.LogImporter;
import eventlens.app.work.SameThreadWork;
import eventlens.importers.ImportListener;
import eventlens.importers.ImportSummary;
import eventlens.model.store.ImportRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainViewModelTest {
    @TempDir
    Path dir;
    private MainViewModel model;

    static Path log(Path dir, String name, int events, boolean withBadLine) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= events; i++) {
            b.append("{\"id\":\"evt-").append(i).append("\",\"type\":\"order.").append(i % 2 == 0 ? "paid" : "created")
                    .append("\",\"timestamp\":\"2024-01-15T10:00:0").append(i % 10).append(".123456Z\",")
                    .append("\"source\":\"order-service\",\"aggregateType\":\"Order\",\"aggregateId\":\"order-")
                    .append(i).append("\",\"version\":1,\"data\":{\"orderId\":\"order-").append(i)
                    .append("\",\"total\":").append(10 * i).append("},\"metadata\":{\"correlationId\":\"corr-")
                    .append(i).append("\"}}\n");
            if (withBadLine && i == 2) {
                b.append("{\"id\": broken\n");
            }
        }
        return Files.writeString(dir.resolve(name), b.toString());
    }

    @AfterEach
    void tearDown() {
        if (model != null) {
            model.close();
        }
    }

    @Test
    void importingALogShowsItsEventsCountsAndASummary() throws IOException {
        model = new MainViewModel(new SameThreadWork(), LogImporter.standard());
        model.openProject(dir.resolve("p.eventlens"));
        assertThat(model.projectNameProperty().get()).isEqualTo("p");

        model.importFiles(List.of(log(dir, "orders.jsonl", 5, true)));

        assertThat(model.busyProperty().get()).isFalse();
        assertThat(model.eventCountProperty().get()).isEqualTo(5);
        assertThat(model.importErrorCountProperty().get()).isEqualTo(1);
        assertThat(model.messageProperty().get())
                .isEqualTo("Imported 5 events · 0 duplicates · 0 skipped · 1 failed — see Imports for the errors");
        assertThat(model.events().rowsProperty().get()).hasSize(5);
        assertThat(model.imports().imports()).extracting(ImportRecord::failed).containsExactly(1L);

        model.imports().select(model.imports().imports().get(0));
        assertThat(model.imports().errors()).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(3);
            assertThat(error.raw()).contains("broken");
        });
    }

    @Test
    void theImportMessageCountsCommentLinesAndWarnings() {
        assertThat(ProjectImport.describe(new ImportSummary("json", 3, 3, 0, 0, 0, 0, 2, 1, List.of(), List.of())))
                .isEqualTo("Imported 3 events · 0 duplicates · 0 skipped · 0 failed · 2 comment lines skipped · 1 warning"
                        + " — see Imports for the warnings");
    }

    @Test
    void anImportWithAChosenReaderAndMappingUsesThem() throws IOException {
        Path rows = Files.writeString(dir.resolve("rows.txt"), "ref,what,when\nr-1,thing.done,2024-01-01T00:00:00Z\n");
        model = new MainViewModel(new SameThreadWork(), LogImporter.standard());
        model.openProject(dir.resolve("p.eventlens"));
        model.importFiles(new eventlens.app.imports.ImportRequest(List.of(rows), "csv",
                new eventlens.importers.ImportOptions(java.util.Map.of("id", "/ref", "type", "/what", "time", "/when"))));
        assertThat(model.eventCountProperty().get()).isEqualTo(1);
        assertThat(model.events().rowsProperty().get().get(0).id()).isEqualTo("r-1");
        assertThat(model.messageProperty().get()).startsWith("Imported 1 event");
    }

    @Test
    void whileALogIsImportedTheEmptyEventsTableSaysItsEventsComeAtTheEnd() throws IOException {
        LogImporter standard = LogImporter.standard();
        String[] seenDuring = new String[1];
        LogImporter watching = (store, files, listener) -> {
            seenDuring[0] = model.events().emptyTextProperty().get();
            return standard.importFiles(store, files, listener);
        };
        model = new MainViewModel(new SameThreadWork(), watching);
        model.openTemporaryProject("orders.jsonl", List.of(log(dir, "orders.jsonl", 3, false)));
        assertThat(seenDuring[0]).startsWith("Importing… the events show here when the import ends");
        assertThat(model.eventCountProperty().get()).isEqualTo(3);
        assertThat(model.events().importingProperty().get()).isFalse();
    }

    @Test
    void aCancelledImportSaysSoAndLeavesTheProjectUnchanged() throws IOException {
        LogImporter standard = LogImporter.standard();
        LogImporter cancelling = (store, files, listener) -> standard.importFiles(store, files, new ImportListener() {
            @Override
            public boolean cancelled() {
                return true;
            }
        });
        model = new MainViewModel(new SameThreadWork(), cancelling);
        model.openProject(dir.resolve("p.eventlens"));

        model.importFiles(List.of(log(dir, "orders.jsonl", 50, false)));

        assertThat(model.messageProperty().get()).isEqualTo("Import cancelled — the project is unchanged");
        assertThat(model.eventCountProperty().get()).isZero();
        assertThat(model.imports().imports()).isEmpty();
        assertThat(model.busyProperty().get()).isFalse();
    }

    @Test
    void droppingFilesWithNoProjectOpenImportsThemIntoATemporaryProject() throws IOException {
        model = new MainViewModel(new SameThreadWork(), LogImporter.standard());
        model.importFiles(List.of(log(dir, "a.jsonl", 3, false)));
        assertThat(model.projectNameProperty().get()).isEqualTo("Untitled project");
        assertThat(model.eventCountProperty().get()).isEqualTo(3);
    }

    @Test
    void aTemporaryProjectIsKeptBySavingItAsAFileAndTheWindowGoesOnInTheCopy() throws IOException {
        model = new MainViewModel(new SameThreadWork(), LogImporter.standard());
        model.openTemporaryProject("orders.jsonl", List.of(log(dir, "orders.jsonl", 4, false)));
        assertThat(model.projectFileProperty().get()).as("temporary: no file of its own").isNull();
        assertThat(model.saveFolder()).as("Save as starts beside the log").isEqualTo(dir.toAbsolutePath());
        assertThat(model.saveName()).isEqualTo("orders.eventlens");
        Path kept = dir.resolve("sub").resolve("kept.eventlens");
        model.saveProjectAs(kept);
        assertThat(model.saveFolder()).isEqualTo(kept.toAbsolutePath().getParent());
        assertThat(model.saveName()).isEqualTo("kept.eventlens");
        assertThat(model.projectNameProperty().get()).isEqualTo("kept");
        assertThat(model.projectFileProperty().get()).isEqualTo(kept);
        assertThat(model.eventCountProperty().get()).isEqualTo(4);
        assertThat(model.messageProperty().get()).startsWith("Saved as ");
        model.close().join();
        model = null;
        try (eventlens.model.store.ProjectStore store = eventlens.model.store.ProjectStore.open(kept)) {
            assertThat(store.eventCount()).as("still there once the window closed").isEqualTo(4);
        }
    }

    @Test
    void theBundledSamplesImportIntoATemporaryProject() {
        model = new MainViewModel(new SameThreadWork(), LogImporter.standard());
        model.openTemporaryProject("Samples", () -> SampleLogs.extractTo(Files.createDirectory(dir.resolve("s"))));
        assertThat(model.projectNameProperty().get()).isEqualTo("Samples");
        assertThat(model.saveFolder()).as("not the folder the samples are extracted to").isNull();
        assertThat(model.eventCountProperty().get()).isGreaterThan(400);
        assertThat(model.deadLetterCountProperty().get()).isPositive();
        assertThat(model.deadLetters().groups().stream().mapToLong(r -> r.group().count()).sum())
                .isEqualTo(model.deadLetterCountProperty().get());
        assertThat(model.messageProperty().get()).startsWith("Imported ");
    }

    @Test
    void aProjectThatCannotBeOpenedIsReportedInTheStatusBar() throws IOException {
        model = new MainViewModel(new SameThreadWork(), LogImporter.standard());
        Path notAProject = Files.writeString(dir.resolve("notes.txt"), "hello, this is not SQLite");
        model.openProject(notAProject);
        assertThat(model.messageProperty().get()).startsWith("Cannot open notes.txt:");
        assertThat(model.hasProjectProperty().get()).isFalse();
    }
}
