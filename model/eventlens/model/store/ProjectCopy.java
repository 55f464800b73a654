package eventlens.model.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * A copy of a project as it is committed now, written by SQLite's {@code VACUUM INTO} through a connection of its own
 * (reads and the work beside it go on): how a temporary project is kept (File → Save project as…). The copy is written
 * beside the target and renamed over it, so that a failure or a kill leaves the target as it was.
 */
final class ProjectCopy {
    private ProjectCopy() {
    }

    /** Writes the project {@code from} (opened read-only when {@code readOnly}) to {@code to}, replacing a project there. */
    static void write(Path from, boolean readOnly, Path to) {
        Path target = to.toAbsolutePath();
        if (target.equals(from.toAbsolutePath())) {
            throw new StoreException("cannot save " + from.getFileName() + " over itself: choose another file");
        }
        Path side = target.resolveSibling(target.getFileName() + ".saving");
        try {
            if (target.getParent() != null) {
                Files.createDirectories(target.getParent());
            }
            ProjectStore.delete(side);
            try (Connection c = Connections.open(from, Connections.Purpose.READ, readOnly);
                    PreparedStatement vacuum = c.prepareStatement("VACUUM INTO ?")) {
                vacuum.setString(1, side.toString());
                vacuum.execute();
            }
            // A project replaced loses its log too: a log left beside the copy would be replayed into it.
            Files.deleteIfExists(Path.of(target + "-wal"));
            Files.deleteIfExists(Path.of(target + "-shm"));
            Files.move(side, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (SQLException | IOException e) {
            try {
                ProjectStore.delete(side);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw new StoreException("cannot save the project as " + to + ": " + e.getMessage(), e);
        }
    }
}
