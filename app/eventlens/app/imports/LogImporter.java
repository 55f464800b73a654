package eventlens.app.imports;

import eventlens.importers.ImportException;
import eventlens.importers.ImportInput;
import eventlens.importers.ImportListener;
import eventlens.importers.ImportOptions;
import eventlens.importers.ImportService;
import eventlens.importers.ImportSummary;
import eventlens.importers.ImporterRegistry;
import eventlens.model.store.ProjectStore;
import java.nio.file.Path;
import java.util.List;

/** Imports files into a project; runs on a worker thread. The application uses {@link #standard()}. */
@FunctionalInterface
public interface LogImporter {
    ImportSummary importFiles(ProjectStore store, List<Path> files, ImportListener listener) throws ImportException;

    /** The built-in readers, format detected per file. */
    static LogImporter standard() {
        ImportService service = new ImportService(ImporterRegistry.standard());
        return (store, files, listener) -> service.run(store, files.stream().map(ImportInput::of).toList(), null,
                ImportOptions.AUTOMATIC, listener);
    }
}
