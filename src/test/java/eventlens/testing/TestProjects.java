package eventlens.testing;

import eventlens.importers.ImportInput;
import eventlens.importers.ImportListener;
import eventlens.importers.ImportOptions;
import eventlens.importers.ImportService;
import eventlens.importers.ImporterRegistry;
import eventlens.model.store.ProjectStore;
import java.nio.file.Path;
import java.util.Arrays;

/** Projects for tests, imported through the real import path: the one test-support place for them. */
public final class TestProjects {
    private TestProjects() {
    }

    /** A project at {@code project} with {@code files} imported as the command line would. */
    public static ProjectStore imported(Path project, Path... files) throws Exception {
        ProjectStore store = ProjectStore.open(project);
        new ImportService(ImporterRegistry.standard()).run(store, Arrays.stream(files).map(ImportInput::of).toList(),
                null, ImportOptions.AUTOMATIC, ImportListener.NONE);
        return store;
    }

    /** The bundled order log and its dead letters, in {@code dir}/p.db. */
    public static ProjectStore samples(Path dir) throws Exception {
        return imported(dir.resolve("p.db"), Path.of("samples/orders.jsonl"), Path.of("samples/orders-dead-letters.jsonl"));
    }
}
