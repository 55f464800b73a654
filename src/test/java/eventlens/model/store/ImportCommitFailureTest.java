package eventlens.model.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eventlens.model.DeadLetter;
import eventlens.model.Origin;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 11, reliability 12: a failure at commit, after the last file, said "cannot write the import of null". */
class ImportCommitFailureTest {
    @TempDir
    Path dir;

    @Test
    void aFailureAtCommitSaysSoInsteadOfNamingANullFile() throws Exception {
        Path project = dir.resolve("p.db");
        ProjectStore.open(project).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + project)) {
            ImportWriter writer = new ImportWriter(c, Clock.systemUTC());
            writer.startFile("a.jsonl", "json", null);
            for (int i = 0; i < 3_000; i++) {
                writer.add(ProjectStoreTest.event("e" + i, "t", "c", i + 1, "a.jsonl"));
                writer.add(new DeadLetter(0, "e" + i, null, "h", "q", null, "Lost", "lost order " + i, null, 1, null,
                        null, "fp-lost", "{\"id\":\"e" + i + "\"}", new Origin("a.jsonl", i + 1, "test")));
            }
            writer.finishFile();
            try (Statement s = c.createStatement(); ResultSet pages = s.executeQuery("PRAGMA page_count")) {
                pages.next();
                // The dead letters' error texts are indexed at commit: with no room to grow, that fails.
                s.execute("PRAGMA max_page_count = " + pages.getLong(1));
            }
            assertThatThrownBy(writer::commit).isInstanceOf(StoreException.class)
                    .hasMessageStartingWith("cannot commit the import: ")
                    .hasMessageNotContaining("null");
            writer.close();
        }
    }
}
