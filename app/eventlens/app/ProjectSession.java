package eventlens.app;

import eventlens.model.store.ProjectStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** An open project: its store, the name shown to the user, and whether its file is deleted on close. */
record ProjectSession(ProjectStore store, String name, boolean temporary) {
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
