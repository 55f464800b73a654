package eventlens.importers;

import java.io.InputStream;

/**
 * One stream to read: its display name (a path, or {@code -} for standard input) and its bytes,
 * already decompressed. The caller owns and closes the stream.
 */
public record ImportSource(String name, InputStream input) {
}
