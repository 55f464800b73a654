package eventlens.model.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store's query helper: bind in order, map rows, one transaction, and failures as store exceptions. */
class SqlTest {
    @TempDir
    Path dir;
    private Connection connection;
    private Sql sql;

    @BeforeEach
    void open() throws SQLException {
        NativeSqlite.prepare();
        connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("t.db"));
        sql = new Sql(connection, "cannot read project t.db");
        sql.update("CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT, n INTEGER)");
        sql.update("INSERT INTO t(id, name, n) VALUES (?, ?, ?), (?, ?, ?), (?, ?, ?)", 1, "a", 10, 2, "b", null, 3,
                "c", 30);
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void listBindsTheParametersInOrderAndMapsEveryRow() {
        List<String> names = sql.list("SELECT name FROM t WHERE id >= ? AND id <= ? ORDER BY id", rs -> rs.getString(1),
                2, 3);
        assertThat(names).containsExactly("b", "c");
        assertThat(sql.list("SELECT name FROM t WHERE n IS ?", rs -> rs.getString(1), (Object) null))
                .containsExactly("b");
    }

    @Test
    void firstReadsOneRowOrNoneAndScalarCountsWithZeroForNoRow() {
        assertThat(sql.first("SELECT name FROM t WHERE id = ?", rs -> rs.getString(1), 3)).contains("c");
        assertThat(sql.first("SELECT name FROM t WHERE id = ?", rs -> rs.getString(1), 9)).isEmpty();
        assertThat(sql.scalar("SELECT count(*) FROM t WHERE n > ?", 5)).isEqualTo(2);
        assertThat(sql.scalar("SELECT n FROM t WHERE id = ?", 9)).isZero();
        assertThat(sql.update("DELETE FROM t WHERE n IS NULL")).isEqualTo(1);
    }

    @Test
    void aFailureSaysWhatFailedAndWhySQLiteRefused() {
        assertThatThrownBy(() -> sql.list("SELECT nope FROM t", rs -> rs.getString(1)))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("cannot read project t.db: ")
                .hasMessageContaining("no such column: nope")
                .hasCauseInstanceOf(SQLException.class);
        assertThatThrownBy(() -> sql.failingAs("cannot build the flow list of project t.db").scalar("SELECT x FROM t"))
                .hasMessageStartingWith("cannot build the flow list of project t.db: ");
    }

    @Test
    void aMalformedFileIsReportedAsDamagedNotAsItsGarbage() {
        StoreException e = sql.failure(new SQLException("database disk image is malformed", null, 11));
        assertThat(e.isDamage()).isTrue();
        assertThat(e.getMessage()).startsWith(StoreException.DAMAGED).contains("cannot read project t.db");
        assertThat(sql.failure(new SQLException("busy", null, 5)).isDamage()).isFalse();
    }

    @Test
    void aTransactionCommitsWhatItsWorkDidAndReturnsItsResult() throws SQLException {
        long inserted = sql.transaction(() -> (long) sql.update("INSERT INTO t(id, name) VALUES (?, ?)", 4, "d"));
        assertThat(inserted).isEqualTo(1);
        assertThat(sql.scalar("SELECT count(*) FROM t")).isEqualTo(4);
        assertThat(connection.getAutoCommit()).isTrue();
    }

    @Test
    void aTransactionWhoseWorkFailsLeavesNothingBehind() throws SQLException {
        assertThatThrownBy(() -> sql.transaction(() -> {
            sql.update("INSERT INTO t(id, name) VALUES (?, ?)", 4, "d");
            return sql.update("INSERT INTO t(id, name) VALUES (?, ?)", 1, "duplicate key");
        })).isInstanceOf(StoreException.class).hasMessageContaining("UNIQUE");
        assertThatThrownBy(() -> sql.transaction(() -> {
            sql.update("INSERT INTO t(id, name) VALUES (?, ?)", 5, "e");
            throw new IllegalStateException("the caller's own failure");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(sql.scalar("SELECT count(*) FROM t")).isEqualTo(3);
        assertThat(connection.getAutoCommit()).isTrue();
    }
}
