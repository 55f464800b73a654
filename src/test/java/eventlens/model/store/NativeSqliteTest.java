package eventlens.model.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeSqliteTest {
    @TempDir
    Path cache;

    @Test
    void manyStartingAtOnceGetOneWholeCopyAndLeaveNoPartsBehind() throws Exception {
        Path lib = NativeCacheTest.oneFileFromManyAtOnce(
                () -> NativeSqlite.extractTo(cache).resolve(System.mapLibraryName("sqlitejdbc")));
        assertThat(Files.size(lib)).isGreaterThan(100_000);
        assertThat(lib.toString()).contains("sqlite-" + org.sqlite.SQLiteJDBCLoader.getVersion());
    }

    @Test
    void thePlatformsFolderIsTheOneSqliteJdbcNamesWithoutItsTermuxCheck() {
        assertThat(NativeSqlite.platformFolder()).isEqualTo(org.sqlite.util.OSInfo.getNativeLibFolderPathForCurrentOS());
    }
}
