package eventlens.importers;

import eventlens.model.store.ProjectStore;
import java.util.List;

/** TEMPORARY stand-in with the lead's signatures until main is merged into gui; delete on merge. */
public final class ImportService {
    public ImportService(ImporterRegistry registry) {
    }

    public ImportSummary run(ProjectStore store, List<ImportInput> inputs, String formatOrNull,
                             ImportOptions options, ImportListener listener) throws ImportException {
        throw new ImportException("", 0, 0, "the importers are not merged into this branch yet");
    }
}
