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

    /**
     * Imports with a chosen reader and mapping. An importer that knows only automatic imports (a test's)
     * refuses a request that is not automatic.
     */
    default ImportSummary importFiles(ProjectStore store, ImportRequest request, ImportListener listener)
            throws ImportException {
        if (!request.isAutomatic()) {
            throw new ImportException(String.valueOf(request.format()), 0, 0, "this importer reads with automatic detection only");
        }
        return importFiles(store, request.files(), listener);
    }

    /** The built-in readers, format detected per file unless the request names one. */
    static LogImporter standard() {
        ImportService service = new ImportService(ImporterRegistry.standard());
        return new LogImporter() {
            @Override
            public ImportSummary importFiles(ProjectStore store, List<Path> files, ImportListener listener)
                    throws ImportException {
                return importFiles(store, ImportRequest.automatic(files), listener);
            }

            @Override
            public ImportSummary importFiles(ProjectStore store, ImportRequest request, ImportListener listener)
                    throws ImportException {
                return service.run(store, request.files().stream().map(ImportInput::of).toList(), request.format(),
                        request.options(), listener);
            }
        };
    }
}
