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
}
