package eventlens.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DuckDB baseline of {@code benchmark import}: found beside the app or reported missing with a reason, and
 * its SQL (read_json into a table, an index on id) run for real on a tiny file with the jar the build copies.
 */
class DuckDbBaselineTest {
    @TempDir
    Path dir;

    /** The jar the build copied to target/bench-lib (surefire passes where); the test fails if it is not there. */
    private static Path builtJar() {
        String jar = System.getProperty("eventlens.duckdb.jar");
        assumeTrue(jar != null, "run through Maven: it copies DuckDB to target/bench-lib and says where");
        assertThat(Path.of(jar)).as("the build copies DuckDB to target/bench-lib before the tests").isRegularFile();
        return Path.of(jar);
    }

    @Test
    void readsEveryLineIntoATableAndIndexesTheIds() throws Exception {
        Path log = dir.resolve("tiny.jsonl");
        Files.writeString(log, """
                {"id":"evt-1","type":"order.created","timestamp":"2024-01-15T09:00:00Z","data":{"total":27.9},"metadata":{"correlationId":"evt-1"}}
                {"id":"evt-2","type":"order.paid","timestamp":"2024-01-15T09:00:01Z","data":{"total":27.9},"metadata":{"correlationId":"evt-1","causationId":"evt-1"}}
                {"event":{"id":"evt-3","type":"order.shipped"},"handler":"shipping","error":"timeout"}
                """);
        Path database = dir.resolve("baseline.duckdb");

        try (DuckDbBaseline duckDb = DuckDbBaseline.open(builtJar())) {
            DuckDbBaseline.Load load = duckDb.load(log, database);

            assertThat(duckDb.version()).startsWith("v");
            assertThat(load.rows()).as("every line is a row, a dead letter too").isEqualTo(3);
            assertThat(load.rowsWithId()).as("the dead letter has no top-level id").isEqualTo(2);
            assertThat(load.readNanos()).isPositive();
            assertThat(load.indexNanos()).isPositive();
            assertThat(load.nanos()).isEqualTo(load.readNanos() + load.indexNanos());
            assertThat(load.databaseBytes()).isEqualTo(Files.size(database)).isPositive();
            assertThat(duckDb.indexes(database)).isEqualTo("events_id");
        }
    }

    @Test
    void aSecondLoadReplacesTheDatabaseAndDeleteRemovesIt() throws Exception {
        Path log = dir.resolve("one.jsonl");
        Files.writeString(log, "{\"id\":\"a\"}\n");
        Path database = dir.resolve("baseline.duckdb");
        try (DuckDbBaseline duckDb = DuckDbBaseline.open(builtJar())) {
            duckDb.load(log, database);

            assertThat(duckDb.load(log, database).rows()).as("a new table, not a second CREATE failing").isEqualTo(1);
        }
        DuckDbBaseline.delete(database);
        assertThat(database).doesNotExist();
        assertThat(dir.resolve("baseline.duckdb.wal")).doesNotExist();
    }

    @Test
    void aFileThatIsNotJsonLinesFailsWithDuckDbsReason() throws Exception {
        Path log = dir.resolve("broken.jsonl");
        Files.writeString(log, "{\"id\":\"a\"}\n{\"id\": oops\n");
        try (DuckDbBaseline duckDb = DuckDbBaseline.open(builtJar())) {
            assertThatThrownBy(() -> duckDb.load(log, dir.resolve("broken.duckdb"))).isInstanceOf(DuckDbBaseline.LoadFailed.class)
                    .hasMessageContaining("broken.jsonl");
        }
    }

    @Test
    void aMissingJarIsUnavailableAndSaysWhereItLooked() {
        Path jar = dir.resolve("bench-lib").resolve(DuckDbBaseline.JAR);

        assertThatThrownBy(() -> DuckDbBaseline.open(jar)).isInstanceOf(DuckDbBaseline.Unavailable.class)
                .hasMessageContaining("no " + jar).hasMessageContaining("mvn package").hasMessageContaining("--duckdb-jar");
    }

    @Test
    void aJarWithoutTheDriverIsUnavailable() throws IOException {
        Path jar = dir.resolve("other.jar");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            zip.putNextEntry(new ZipEntry("README.txt"));
            zip.write("not DuckDB".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.closeEntry();
        }

        assertThatThrownBy(() -> DuckDbBaseline.open(jar)).isInstanceOf(DuckDbBaseline.Unavailable.class)
                .hasMessage("no DuckDB JDBC driver (org.duckdb.DuckDBDriver) in " + jar);
    }

    @Test
    void theJarIsLookedForInBenchLibBesideTheAppJarOrTheClassesFolder() throws IOException {
        Path target = Files.createDirectories(dir.resolve("target"));
        Path classes = Files.createDirectories(target.resolve("classes"));
        Path appJar = Files.createFile(target.resolve("eventlens.jar"));
        Path expected = target.resolve("bench-lib").resolve("duckdb_jdbc.jar");

        assertThat(DuckDbBaseline.besideTheApp(appJar)).isEqualTo(expected);
        assertThat(DuckDbBaseline.besideTheApp(classes)).isEqualTo(expected);
    }

    @Test
    void fromTheBuildTheDefaultIsTheJarTheBuildCopied() throws IOException {
        assertThat(DuckDbBaseline.besideTheApp().toRealPath()).isEqualTo(builtJar().toRealPath());
    }
}
