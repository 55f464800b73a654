package eventlens.app;

import eventlens.model.store.ProjectStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An open project: its store, the name shown to the user, whether its file is deleted on close, and the folder File →
 * Save project as… starts in (a kept project's, a temporary project's logs'; null for the samples).
 */
record ProjectSession(ProjectStore store, String name, boolean temporary, Path folder) {
    /** A project kept in a file: Save project as… starts beside it. */
    static ProjectSession kept(ProjectStore store, String name) {
        return new ProjectSession(store, name, false, store.file().toAbsolutePath().getParent());
    }

    void close() throws IOException {
        Path file = store.file();
        store.close();
        if (temporary) {
            Files.deleteIfExists(file);
            Files.deleteIfExists(Path.of(file + "-wal"));
            Files.deleteIfExists(Path.of(file + "-shm"));
        }
    }
}
