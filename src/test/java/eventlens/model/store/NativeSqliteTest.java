package eventlens.model.store;

import static org.assertj.core.api.Assertions.assertThat;

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

class NativeSqliteTest {
    @TempDir
    Path cache;

    @Test
    void manyStartingAtOnceGetOneWholeCopyAndLeaveNoPartsBehind() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Path>> started = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                started.add(pool.submit((Callable<Path>) () -> NativeSqlite.extractTo(cache)));
            }
            Path dir = started.get(0).get();
            for (Future<Path> f : started) {
                assertThat(f.get()).isEqualTo(dir);
            }
            try (var files = Files.list(dir)) {
                assertThat(files.map(p -> p.getFileName().toString()).toList())
                        .containsExactly(System.mapLibraryName("sqlitejdbc"));
            }
            assertThat(Files.size(dir.resolve(System.mapLibraryName("sqlitejdbc")))).isGreaterThan(100_000);
            assertThat(dir.toString()).contains("sqlite-" + org.sqlite.SQLiteJDBCLoader.getVersion());
        } finally {
            pool.shutdownNow();
        }
    }
}
