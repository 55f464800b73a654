package eventlens.model.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.OSInfo;

/**
 * Where SQLite's native library is loaded from: one copy per library version in the user's cache folder
 * ({@code $XDG_CACHE_HOME/eventlens/native} or {@code ~/.cache/eventlens/native}), written once under a
 * temporary name and moved into place, instead of sqlite-jdbc's default of a fresh copy in the temporary
 * folder for every JVM. Two JVMs starting at once then never see each other's half-written or
 * just-deleted copy (which printed a SEVERE trace), and killed JVMs leave no 1 MB files behind. When the
 * cache cannot be written, sqlite-jdbc's own way is used.
 */
final class NativeSqlite {
    private static boolean prepared;

    private NativeSqlite() {
    }

    /** Points sqlite-jdbc at the cached library, extracting it first if needed; once per JVM. */
    static synchronized void prepare() {
        if (prepared || System.getProperty("org.sqlite.lib.path") != null) {
            prepared = true;
            return;
        }
        prepared = true;
        try {
            Path dir = extractTo(cacheRoot());
            if (dir != null) {
                System.setProperty("org.sqlite.lib.path", dir.toString());
                System.setProperty("org.sqlite.lib.name", System.mapLibraryName("sqlitejdbc"));
            }
        } catch (IOException | RuntimeException e) {
            // No cache to write to: sqlite-jdbc extracts to the temporary folder as it always did.
        }
    }

    /**
     * Copies this platform's library into {@code root/sqlite-VERSION/OS/ARCH/} unless it is there already;
     * returns that folder, or null when the jar has no library for this platform.
     */
    static Path extractTo(Path root) throws IOException {
        String folder = OSInfo.getNativeLibFolderPathForCurrentOS();
        String name = System.mapLibraryName("sqlitejdbc");
        String resource = "/org/sqlite/native/" + folder + "/" + name;
        if (SQLiteJDBCLoader.class.getResource(resource) == null) {
            return null;
        }
        Path dir = root.resolve("sqlite-" + SQLiteJDBCLoader.getVersion()).resolve(folder);
        Path lib = dir.resolve(name);
        if (Files.isRegularFile(lib)) {
            return dir; // only ever moved into place whole
        }
        Files.createDirectories(dir);
        Path part = Files.createTempFile(dir, name, ".part");
        try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
            Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
            Files.move(part, lib, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(part);
        }
        return dir;
    }

    private static Path cacheRoot() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("eventlens").resolve("native");
    }
}
