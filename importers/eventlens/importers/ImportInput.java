package eventlens.importers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Something to import: a file or folder on disk, or a stream such as standard input. Folders are
 * expanded by {@link ImportService}; {@code .gz} files are decompressed on the fly.
 */
public record ImportInput(String name, Path path, InputStream stream) {
    /** The name under which standard input is recorded. */
    public static final String STDIN = "-";

    public ImportInput {
        Objects.requireNonNull(name, "name");
        if ((path == null) == (stream == null)) {
            throw new IllegalArgumentException("an input is either a path or a stream");
        }
    }

    /** A file or folder; recorded under its absolute, normalised path. */
    public static ImportInput of(Path file) {
        Path p = file.toAbsolutePath().normalize();
        return new ImportInput(p.toString(), p, null);
    }

    /** A stream (standard input, or a resource), recorded under {@code name}. */
    public static ImportInput of(String name, InputStream stream) {
        return new ImportInput(name, null, stream);
    }

    /** A command-line argument: {@code -} for standard input, else a path. */
    public static ImportInput argument(String arg, InputStream stdin) {
        return STDIN.equals(arg) ? of(STDIN, stdin) : of(Path.of(arg));
    }

    /** Bytes in the input when known (a regular file's size), else -1 (a stream, a device, a named pipe). */
    long size() {
        try {
            return path == null || !Files.isRegularFile(path) ? -1 : Files.size(path);
        } catch (IOException e) {
            return -1;
        }
    }
}
