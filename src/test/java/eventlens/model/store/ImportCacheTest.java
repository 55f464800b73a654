package eventlens.model.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Decision 0084: a bulk load keeps a small cache until it writes many entries at random places of indexes. */
class ImportCacheTest {
    @Test
    void aBulkLoadKeepsASmallCacheUntilManyRowsGoToRandomPlaces() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            ImportCache cache = new ImportCache(c, true);
            assertThat(cacheSize(c)).isEqualTo(2000);
            cache.wroteAtRandom(46_327); // the 10M sample's dead letters
            cache.wroteAtRandom(150_000);
            assertThat(cacheSize(c)).as("index entries that fit the small cache").isEqualTo(2000);
            cache.wroteAtRandom(5_000);
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
