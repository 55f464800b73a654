package eventlens.model.store;

import com.github.luben.zstd.util.Native;
import com.github.luben.zstd.util.ZstdVersion;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Loads zstd's native library, which packs and unpacks record texts, from {@link NativeCache} instead of zstd-jni's
 * default of a fresh copy of it in the temporary folder at every start: 40 ms of every command that reads a
 * project, 5 ms from the cache (measured 2026-12-04). On Linux only, where the jar's resource path is known
 * ({@code /linux/ARCH/}); elsewhere, or when the cached copy does not load (a cache folder mounted {@code
 * noexec}, or a damaged copy, which is then deleted), zstd-jni's own way is used.
 */
final class NativeZstd {
    private static final String PATH_PROPERTY = "ZstdNativePath";

    private NativeZstd() {
    }

    /** Loads the library once per JVM, from the cache where it can. */
    static synchronized void load() {
        if (Native.isLoaded()) {
            return;
        }
        if (System.getProperty(PATH_PROPERTY) == null) {
            try {
                Path lib = copyTo(NativeCache.root());
                if (lib != null) {
                    System.setProperty(PATH_PROPERTY, lib.toString());
                    try {
                        Native.load();
                    } catch (UnsatisfiedLinkError e) {
                        System.clearProperty(PATH_PROPERTY);
                        java.nio.file.Files.deleteIfExists(lib); // damaged: the next start copies it again
                    }
                }
            } catch (IOException | RuntimeException e) {
                // No cache to write to: zstd-jni copies to the temporary folder as it always did.
            }
        }
        Native.load();
    }

    /** Copies this platform's library into {@code root/zstd-jni-VERSION/linux/ARCH/}; null where that is not known. */
    static Path copyTo(Path root) throws IOException {
        if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("linux")) {
            return null;
        }
        String folder = "linux/" + System.getProperty("os.arch");
        String name = "libzstd-jni-" + ZstdVersion.VERSION + ".so";
        return NativeCache.copy(Native.class, "/" + folder + "/" + name,
                root.resolve("zstd-jni-" + ZstdVersion.VERSION).resolve(folder), name);
    }
}
