package eventlens.app.imports;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.app.work.SameThreadWork;
import eventlens.importers.ImportInput;
import eventlens.importers.ImportListener;
import eventlens.importers.ImportOptions;
import eventlens.importers.ImportService;
import eventlens.importers.ImporterRegistry;
import eventlens.model.ImportError;
import eventlens.model.store.ImportRecord;
import eventlens.model.store.ProjectStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Imports view lists a file's warnings (not only its errors) and says how many comment lines it skipped. */
class ImportsViewModelTest {
    @TempDir
    Path dir;

    @Test
    void aFileWithWarningsOnlyListsThemAndACleanFileNamesItsCommentLines() throws Exception {
        Path commas = Files.writeString(dir.resolve("commas.json"), "[{\"id\":\"a\",\"type\":\"t\"},]\n");
        Path clean = Files.writeString(dir.resolve("clean.jsonl"), "# header\n{\"id\":\"b\",\"type\":\"t\"}\n");
        try (ProjectStore store = ProjectStore.open(dir.resolve("p.eventlens"))) {
            new ImportService(ImporterRegistry.standard()).run(store, List.of(ImportInput.of(commas), ImportInput.of(clean)),
                    null, ImportOptions.AUTOMATIC, ImportListener.NONE);
            ImportsViewModel model = new ImportsViewModel(new SameThreadWork());
            model.setStore(store);
            assertThat(model.imports()).extracting(ImportRecord::warnings).containsExactly(1L, 0L);

            model.select(model.imports().get(0));
            assertThat(model.errors()).extracting(ImportError::warning).containsExactly(true);
            assertThat(model.errorsTitleProperty().get()).isEqualTo("1 warning: " + commas);

            model.select(model.imports().get(1));
            assertThat(model.errors()).isEmpty();
            assertThat(model.errorsTitleProperty().get()).isEqualTo(clean + ": every record was read (1 comment line skipped).");
        }
    }
}
