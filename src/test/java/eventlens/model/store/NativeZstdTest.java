package eventlens.model.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeZstdTest {
    @TempDir
    Path cache;

    @Test
    void manyStartingAtOnceGetOneWholeCopyOfTheJarsLibraryAndLeaveNoPartsBehind() throws Exception {
        Assumptions.assumeTrue(System.getProperty("os.name").startsWith("Linux"), "zstd's library is cached on Linux only");
        Path lib = NativeCacheTest.oneFileFromManyAtOnce(() -> NativeZstd.copyTo(cache));
        Path inVersion = cache.relativize(lib).subpath(1, cache.relativize(lib).getNameCount());
        assertThat(Files.readAllBytes(lib)).isEqualTo(NativeCacheTest.resourceBytes(
                com.github.luben.zstd.util.Native.class, "/" + inVersion.toString().replace('\\', '/')));
    }

    @Test
    void theLibraryLoadsAndPacksWhereverItCameFrom() throws Exception {
        NativeZstd.load();
        try (TextPacker packer = new TextPacker(0, null)) {
            String text = "{\"id\":\"e1\",\"data\":{\"text\":\"" + "abc".repeat(100) + "\"}}";
            assertThat(new String(PackedText.unpack(packer.packed(text), id -> null), StandardCharsets.UTF_8))
                    .isEqualTo(text);
        }
    }

    @Test
    void aDamagedCachedCopyFallsBackToZstdsOwnWayAndIsDeleted() throws Exception {
        Assumptions.assumeTrue(System.getProperty("os.name").startsWith("Linux"), "zstd's library is cached on Linux only");
        Path lib = NativeZstd.copyTo(cache.resolve("eventlens").resolve("native"));
        Files.writeString(lib, "not a library");
        ProcessBuilder child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LoadInFreshJvm.class.getName())
                .redirectErrorStream(true);
        child.environment().put("XDG_CACHE_HOME", cache.toString());
        Process p = child.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(output).isZero();
        assertThat(output).contains("packed and unpacked");
        assertThat(lib).doesNotExist();
    }

    /** Loads the library the way a command does, in a JVM of its own (a JVM loads it once), and packs a text. */
    static final class LoadInFreshJvm {
        public static void main(String[] args) throws Exception {
            NativeZstd.load();
            try (TextPacker packer = new TextPacker(0, null)) {
                String text = "abc".repeat(100);
                String back = new String(PackedText.unpack(packer.packed(text), id -> null), StandardCharsets.UTF_8);
                System.out.println(back.equals(text) ? "packed and unpacked" : "differs: " + back);
            }
        }
    }
}
