package eventlens.model.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeCacheTest {
    private static final String RESOURCE = "/org/sqlite/SQLiteJDBCLoader.class";

    @TempDir
    Path cache;

    /**
     * Runs {@code start} 16 times at once, as JVMs starting together would, checks every run answered the same
     * file and that its folder holds that file alone (no parts left behind), and returns it.
     */
    static Path oneFileFromManyAtOnce(Callable<Path> start) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Path>> started = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                started.add(pool.submit(start));
            }
            Path lib = started.get(0).get();
            for (Future<Path> f : started) {
                assertThat(f.get()).isEqualTo(lib);
            }
            try (var files = Files.list(lib.getParent())) {
                assertThat(files.map(p -> p.getFileName().toString()).toList())
                        .containsExactly(lib.getFileName().toString());
            }
            return lib;
        } finally {
            pool.shutdownNow();
        }
    }

    static byte[] resourceBytes(Class<?> owner, String resource) throws Exception {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return in.readAllBytes();
        }
    }

    @Test
    void aCopyIsTheResourceWholeAndIsMadeOnce() throws Exception {
        Path dir = cache.resolve("v1");
        Path lib = oneFileFromManyAtOnce(() -> NativeCache.copy(org.sqlite.SQLiteJDBCLoader.class, RESOURCE, dir,
                "loader.bin"));
        assertThat(lib).isEqualTo(dir.resolve("loader.bin"));
        assertThat(Files.readAllBytes(lib)).isEqualTo(resourceBytes(org.sqlite.SQLiteJDBCLoader.class, RESOURCE));
        long written = Files.getLastModifiedTime(lib).toMillis();
        Files.setLastModifiedTime(lib, java.nio.file.attribute.FileTime.fromMillis(written - 60_000));
        NativeCache.copy(org.sqlite.SQLiteJDBCLoader.class, RESOURCE, dir, "loader.bin");
        assertThat(Files.getLastModifiedTime(lib).toMillis()).isEqualTo(written - 60_000);
    }

    @Test
    void aResourceTheJarLacksIsNoCopyAndNoFolder() throws Exception {
        Path dir = cache.resolve("none");
        assertThat(NativeCache.copy(org.sqlite.SQLiteJDBCLoader.class, "/no/such/library.so", dir, "x.so")).isNull();
        assertThat(dir).doesNotExist();
    }
}
