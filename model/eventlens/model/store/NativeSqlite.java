package eventlens.model.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.OSInfo;

/**
 * Where SQLite's native library is loaded from: one copy per library version in {@link NativeCache}, instead of
 * sqlite-jdbc's default of a fresh copy in the temporary folder for every JVM. Two JVMs starting at once then never
 * see each other's half-written or just-deleted copy (which printed a SEVERE trace), and killed JVMs leave no 1 MB
 * files behind. When the cache cannot be written, sqlite-jdbc's own way is used.
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
            Path dir = extractTo(NativeCache.root());
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
        String folder = platformFolder();
        String name = System.mapLibraryName("sqlitejdbc");
        Path lib = NativeCache.copy(SQLiteJDBCLoader.class, "/org/sqlite/native/" + folder + "/" + name,
                root.resolve("sqlite-" + SQLiteJDBCLoader.getVersion()).resolve(folder), name);
        return lib == null ? null : lib.getParent();
    }

    /**
     * sqlite-jdbc's name for this platform's folder ({@code Linux/x86_64}, {@code Mac/aarch64}, …). On a Linux that
     * is plainly neither musl nor Android it is {@code Linux/ARCH}, found without {@link OSInfo}'s check for Termux,
     * which runs {@code uname -o} in a process of its own (40 ms of every start, measured 2026-12-04); elsewhere
     * {@link OSInfo} says.
     */
    static String platformFolder() {
        String arch = System.getProperty("os.arch", "");
        boolean plainLinux = System.getProperty("os.name", "").contains("Linux") && !arch.startsWith("arm")
                && !OSInfo.isAndroidRuntime() && !OSInfo.isMusl() && !Files.exists(Path.of("/data/data/com.termux"))
                && !System.getenv().getOrDefault("PREFIX", "").contains("com.termux");
        return plainLinux ? "Linux/" + OSInfo.getArchName() : OSInfo.getNativeLibFolderPathForCurrentOS();
    }
}
