package eventlens.importers;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.model.sample.SampleLog;
import eventlens.model.store.ProjectStore;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DESIGN.md §12: a kill in the middle of an import leaves the project file valid and as it was. */
class KilledImportTest {
    @TempDir
    Path dir;

    @Test
    void killingTheProcessMidImportLeavesTheProjectAsItWas() throws Exception {
        Path project = dir.resolve("p.db");
        writeLogs();
        long before;
        try (ProjectStore store = ProjectStore.open(project)) {
            new ImportService(ImporterRegistry.standard()).run(store, List.of(ImportInput.of(small)), null,
                    ImportOptions.AUTOMATIC, ImportListener.NONE);
            before = store.eventCount();
        }

        // The import holds its rows in a large page cache, so the WAL shows little until late; kill it
        // a few seconds in, well before the 300,000 lines are through (about 10 s on our machines).
        killImportInto(project);

        try (ProjectStore store = ProjectStore.open(project)) {
            assertThat(store.eventCount()).isEqualTo(before);
            assertThat(store.imports()).hasSize(1);
        }
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + project);
             ResultSet rs = c.createStatement().executeQuery("PRAGMA integrity_check")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("ok");
        }
    }

    @Test
    void killingTheImportThatCreatesAProjectLeavesNoProjectAndTheNextImportCleansUp() throws Exception {
        Path project = dir.resolve("new.eventlens");
        writeLogs();
        killImportInto(project);

        assertThat(project).as("a project appears only when its first import is done").doesNotExist();
        assertThat(sideFiles()).as("the killed import's side file").hasSize(1);
        new ImportService(ImporterRegistry.standard()).runIntoNewProject(project, List.of(ImportInput.of(small)),
                null, ImportOptions.AUTOMATIC, ImportListener.NONE);
        assertThat(sideFiles()).as("removed by the next import into that name").isEmpty();
        try (ProjectStore store = ProjectStore.open(project)) {
            assertThat(store.imports()).hasSize(1);
            assertThat(store.eventCount()).isPositive();
        }
    }

    private Path small;
    private Path big;

    private void writeLogs() throws java.io.IOException {
        small = dir.resolve("small.jsonl");
        big = dir.resolve("big.jsonl");
        try (Writer w = Files.newBufferedWriter(small)) {
            new SampleLog(1).write(w, 1_000);
        }
        try (Writer w = Files.newBufferedWriter(big)) {
            new SampleLog(2).write(w, 300_000);
        }
    }

    /** Starts {@code eventlens import PROJECT big.jsonl} in a process of its own and kills it 4 s in. */
    private void killImportInto(Path project) throws Exception {
        Process importer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "eventlens.cli.Main", "import", project.toString(),
                big.toString()).redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        Thread.sleep(4_000);
        assertThat(importer.isAlive()).as("the import was still running when killed").isTrue();
        importer.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    private List<Path> sideFiles() throws java.io.IOException {
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".importing")).toList();
        }
    }
}
