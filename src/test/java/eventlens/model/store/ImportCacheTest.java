package eventlens.model.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Decision 0084: a bulk load keeps a small cache until it writes many rows at random places of an index. */
class ImportCacheTest {
    @Test
    void aBulkLoadKeepsASmallCacheUntilManyRowsGoToRandomPlaces() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            ImportCache cache = new ImportCache(c, true);
            assertThat(cacheSize(c)).isEqualTo(2000);
            cache.wroteAtRandom(4_583); // the 1M sample's dead letters
            cache.wroteAtRandom(15_000);
            assertThat(cacheSize(c)).as("a few thousand rows fit the small cache").isEqualTo(2000);
            cache.wroteAtRandom(1_000);
            assertThat(cacheSize(c)).as("256 MB, in KiB").isEqualTo(-262144);
        }
    }

    @Test
    void anImportIntoAProjectWithEventsOrOnceTheIdIndexIsBuiltKeepsTheBigOne() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            new ImportCache(c, false);
            assertThat(cacheSize(c)).isEqualTo(-262144);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            ImportCache cache = new ImportCache(c, true);
            cache.big();
            assertThat(cacheSize(c)).isEqualTo(-262144);
        }
    }

    private static long cacheSize(Connection c) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA cache_size")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
