package eventlens.model.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The file a brand-new project is written to by its first import, beside the project's name (decision 0051):
 * {@code .NAME.PID.importing}, written without a journal and without syncs, then switched to WAL mode, synced
 * and linked to the project's name at commit. Nobody else can have it open, so nothing needs a journal: a kill
 * or a failure leaves no project (and a side file that the next import into that name removes), a commit
 * leaves the whole project. The WAL's double write of every page (about 4 s of a 1M-event import) is saved.
 */
final class NewProjectFile {
    private static final String SUFFIX = ".importing";

    private final Path target;
    private final Path side;
    private final Connection connection;
    private boolean published;

    private NewProjectFile(Path target, Path side, Connection connection) {
        this.target = target;
        this.side = side;
        this.connection = connection;
    }

    /** Starts the side file of a project to be created at {@code target}, which must not exist. */
    static NewProjectFile create(Path target) {
        Path absolute = target.toAbsolutePath();
        Path side = sideOf(absolute, ProcessHandle.current().pid());
        Connection c = null;
        try {
            if (absolute.getParent() != null) {
                Files.createDirectories(absolute.getParent());
            }
            if (Files.exists(absolute)) {
                throw new StoreException("cannot create project " + target + ": it exists already");
            }
            removeStale(absolute);
            deleteWithLogs(side);
            c = DriverManager.getConnection("jdbc:sqlite:" + side);
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=OFF");
                s.execute("PRAGMA synchronous=OFF");
                s.execute("PRAGMA locking_mode=EXCLUSIVE");
                s.execute("PRAGMA temp_store=MEMORY");
            }
            PackedText.register(c);
            Schema.migrate(c, target.toString());
            return new NewProjectFile(absolute, side, c);
        } catch (SQLException | IOException | RuntimeException e) {
            closeQuietly(c);
            try {
                deleteWithLogs(side);
            } catch (IOException ignored) {
                // the next import into this name removes it
            }
            if (e instanceof StoreException s) {
                throw s;
            }
            throw new StoreException("cannot create project " + target + ": " + e.getMessage(), e);
        }
    }

    Connection connection() {
        return connection;
    }

    /**
     * Puts the written project in place: switches it to WAL mode (what every connection to a project expects),
     * closes it, syncs it to disk and links it to the project's name, which must still be free.
     */
    void publish() {
        try {
            connection.setAutoCommit(true);
            try (Statement s = connection.createStatement();
                 ResultSet rs = s.executeQuery("PRAGMA journal_mode=WAL")) {
                if (!rs.next() || !"wal".equalsIgnoreCase(rs.getString(1))) {
                    throw new StoreException("cannot create project " + target + ": SQLite refused WAL mode");
                }
            }
            connection.close();
            try (FileChannel file = FileChannel.open(side, StandardOpenOption.WRITE)) {
                file.force(true);
            }
            for (Path orphan : ProjectStore.files(target).subList(1, 3)) {
                Files.deleteIfExists(orphan); // a log without its project belongs to no project
            }
            link();
            published = true;
            syncFolder(target.getParent());
        } catch (SQLException | IOException e) {
            throw new StoreException("cannot create project " + target + ": " + e.getMessage(), e);
        }
    }

    /** Removes the side file unless it was published; nothing of the import is kept. */
    void discard() {
        if (published) {
            return;
        }
        closeQuietly(connection);
        try {
            deleteWithLogs(side);
        } catch (IOException ignored) {
            // the next import into this name removes it
        }
    }

    private void link() throws IOException {
        try {
            Files.createLink(target, side);
            Files.delete(side);
        } catch (FileAlreadyExistsException e) {
            throw new StoreException("cannot create project " + target + ": a file of that name appeared during "
                    + "the import and was left as it was; import again into another name");
        } catch (UnsupportedOperationException | IOException noLinks) {
            if (Files.exists(target)) {
                throw new StoreException("cannot create project " + target + ": a file of that name appeared "
                        + "during the import and was left as it was; import again into another name");
            }
            Files.move(side, target); // a file system without hard links
        }
    }

    static Path sideOf(Path target, long pid) {
        return target.resolveSibling("." + target.getFileName() + "." + pid + SUFFIX);
    }

    /** Side files of this project's name left by imports that were killed (their process is gone). */
    private static void removeStale(Path target) throws IOException {
        Path folder = target.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            return;
        }
        String prefix = "." + target.getFileName() + ".";
        try (DirectoryStream<Path> sides = Files.newDirectoryStream(folder, p -> {
            String name = p.getFileName().toString();
            return name.startsWith(prefix) && name.endsWith(SUFFIX);
        })) {
            for (Path side : sides) {
                String pid = side.getFileName().toString().substring(prefix.length(),
                        side.getFileName().toString().length() - SUFFIX.length());
                if (pid.chars().allMatch(Character::isDigit) && !pid.isEmpty()
                        && ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false)) {
                    continue; // another import into this name is running
                }
                deleteWithLogs(side);
            }
        }
    }

    private static void deleteWithLogs(Path file) throws IOException {
        for (Path f : ProjectStore.files(file)) {
            Files.deleteIfExists(f);
        }
    }

    /** Makes the new name durable (Linux allows syncing a folder; elsewhere this is skipped). */
    private static void syncFolder(Path folder) {
        if (folder == null) {
            return;
        }
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException notSupported) {
            // the rename is durable at the file system's next sync
        }
    }

    private static void closeQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing a side file that is removed next
        }
    }
}
