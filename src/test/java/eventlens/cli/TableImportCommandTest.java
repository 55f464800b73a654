package eventlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eventlens.model.Json;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code eventlens import PROJECT FILE.sqlite|jdbc:… --table T} and its slice options. */
class TableImportCommandTest {
    @TempDir
    Path dir;

    private Path sqlite() throws Exception {
        Path db = dir.resolve("store.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE events(event_id TEXT, aggregate_id TEXT, aggregate_type TEXT, event_type TEXT, "
                    + "event_data TEXT, version INTEGER, occurred_at TEXT)");
            s.execute("INSERT INTO events VALUES ('e1','o-1','Order','OrderPlaced','{\"total\":5}',1,'2024-05-01T10:00:00Z'),"
                    + "('e2','o-1','Order','OrderPaid','{}',2,'2024-05-01T11:00:00Z'),"
                    + "('e3','c-1','Customer','CustomerMoved','{}',1,'2024-05-01T12:00:00Z')");
        }
        return db;
    }

    @Test
    void anSqliteTableIsImportedWithItsSlice() throws Exception {
        String project = dir.resolve("p.db").toString();
        CommandLineTest.Run r = CommandLineTest.run("import", project, sqlite().toString(), "--table", "events",
                "--aggregate-type", "Order", "--after", "2024-05-01T10:30:00Z", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode summary = Json.mapper().readTree(r.out());
        assertThat(summary.get("format").asText()).isEqualTo("table");
        assertThat(summary.get("imported").asLong()).isEqualTo(1);
        CommandLineTest.Run events = CommandLineTest.run("events", project, "--json");
        assertThat(events.out()).contains("\"type\":\"OrderPaid\"").doesNotContain("OrderPlaced");
    }

    @Test
    void aMissingTableIsOneLineListingTheTablesThere() throws Exception {
        CommandLineTest.Run r = CommandLineTest.run("import", dir.resolve("p.db").toString(), sqlite().toString(),
                "--table", "event");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("no table 'event'").contains("its tables: events");
    }

    @Test
    void aDatabaseNeedsATableAndNeverTakesAPasswordInItsUrl() {
        String project = dir.resolve("p.db").toString();
        assertThat(CommandLineTest.run("import", project, "jdbc:postgresql://127.0.0.1:1/db").err())
                .contains("needs --table");
        assertThat(CommandLineTest.run("import", project, "jdbc:postgresql://127.0.0.1:1/db?password=x", "--table", "events")
                .err()).contains("PGPASSWORD");
        assertThat(CommandLineTest.run("import", project, "samples/orders.jsonl", "--after", "2024-01-01").err())
                .contains("go with --table");
    }

    @Test
    void anSqliteFileWithoutTableIsToldToNameOne() throws Exception {
        CommandLineTest.Run r = CommandLineTest.run("import", dir.resolve("p.db").toString(), sqlite().toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("is an SQLite database: name its event table with --table T");
    }

    @Test
    void aFileThatIsNotSqliteIsRefusedWithTable() {
        CommandLineTest.Run r = CommandLineTest.run("import", dir.resolve("p.db").toString(), "samples/orders.jsonl",
                "--table", "events");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("not an SQLite database");
    }
}
