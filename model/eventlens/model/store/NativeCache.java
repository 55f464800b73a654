package eventlens.model.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The folder native libraries are copied to from the jar, once per library version: {@code
 * $XDG_CACHE_HOME/eventlens/native} or {@code ~/.cache/eventlens/native}. A copy is written under a temporary name
 * and moved into place whole, so that two JVMs starting at once never load each other's half-written copy.
 */
final class NativeCache {
    private NativeCache() {
    }

    static Path root() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("eventlens").resolve("native");
    }

    /**
     * The library {@code resource} of {@code owner}'s jar as a file {@code dir/name}, copied there unless it is
     * there already; null when the jar has no such resource (no library for this platform).
     */
    static Path copy(Class<?> owner, String resource, Path dir, String name) throws IOException {
        Path lib = dir.resolve(name);
        if (Files.isRegularFile(lib)) {
            return lib; // only ever moved into place whole
        }
        if (owner.getResource(resource) == null) {
            return null;
        }
        Files.createDirectories(dir);
        Path part = Files.createTempFile(dir, name, ".part");
        try (InputStream in = owner.getResourceAsStream(resource)) {
            Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
            Files.move(part, lib, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(part);
        }
        return lib;
    }
}
