package eventlens.cli.bench;

import eventlens.model.Exemption;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * DuckDB's {@code read_json} of a JSON-lines file into a table plus an index on {@code id}: the outside
 * baseline that {@code eventlens benchmark import} times next to its own import (issue 13).
 *
 * <p>DuckDB is a benchmark-only tool and its jar is large (natives for every platform), so it is not part
 * of {@code eventlens.jar}: the build copies it to {@code target/bench-lib/duckdb_jdbc.jar} and this class
 * loads it from there through its own class loader, whose parent is the platform loader so that DuckDB
 * sees {@code java.sql} and nothing of the app (decision 0035). Without the jar the benchmark says why and
 * carries on.
 */
@Exemption(rule = Exemption.SQL_OUTSIDE_THE_STORE, why = "times DuckDB, a benchmark baseline, on a database of "
        + "its own; it never opens the project")
public final class DuckDbBaseline implements AutoCloseable {
    /** The jar's file name in {@link #BENCH_LIB}. */
    public static final String JAR = "duckdb_jdbc.jar";
    /** The folder beside {@code eventlens.jar} (or {@code classes/}) that the build copies DuckDB into. */
    public static final String BENCH_LIB = "bench-lib";
    /** Threads DuckDB may use: the baseline, and the two cores of the standard machine. */
    public static final int THREADS = 2;
    private static final String DRIVER = "org.duckdb.DuckDBDriver";

    private final URLClassLoader loader;
    private final Driver driver;
    private final String version;

    private DuckDbBaseline(URLClassLoader loader, Driver driver, String version) {
        this.loader = loader;
        this.driver = driver;
        this.version = version;
    }

    /** Why DuckDB cannot be measured in this run: no jar, no driver in it, or a library that cannot start here. */
    public static final class Unavailable extends Exception {
        private static final long serialVersionUID = 1L;

        Unavailable(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    /** DuckDB refused the file or the statements: its reason, first line only. */
    public static final class LoadFailed extends Exception {
        private static final long serialVersionUID = 1L;

        LoadFailed(SQLException cause) {
            super(cause.getMessage() == null ? cause.toString() : cause.getMessage().lines().findFirst().orElse(""), cause);
        }
    }

    /** One timed load: rows read, how many carry an {@code id}, the two timed steps, the database's size. */
    public record Load(long rows, long rowsWithId, long readNanos, long indexNanos, long databaseBytes) {
        /** Both steps, as the benchmark compares them with an import. */
        public long nanos() {
            return readNanos + indexNanos;
        }
    }

    /**
     * {@code bench-lib/duckdb_jdbc.jar} beside where this class was loaded from: next to {@code eventlens.jar},
     * or next to {@code target/classes} when run from the build (tests, an IDE).
     */
    public static Path besideTheApp() {
        try {
            return besideTheApp(Path.of(DuckDbBaseline.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return Path.of(BENCH_LIB, JAR); // no code source to go by: the working directory
        }
    }

    /** {@code bench-lib/duckdb_jdbc.jar} beside {@code codeSource}, a jar file or a classes folder. */
    static Path besideTheApp(Path codeSource) {
        Path folder = codeSource.toAbsolutePath().getParent();
        return (folder == null ? codeSource.toAbsolutePath() : folder).resolve(BENCH_LIB).resolve(JAR);
    }

    /**
     * Loads DuckDB from {@code jar} and starts it once in memory to learn its version, so that a jar that
     * cannot run here fails now with a reason rather than in the middle of the benchmark.
     */
    public static DuckDbBaseline open(Path jar) throws Unavailable {
        if (!Files.isRegularFile(jar)) {
            throw new Unavailable("no " + jar + " (`mvn package` copies it there; --duckdb-jar names another)", null);
        }
        URLClassLoader loader;
        try {
            loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        } catch (MalformedURLException e) {
            throw new Unavailable("cannot load " + jar + ": " + e.getMessage(), e);
        }
        try {
            Driver driver = (Driver) Class.forName(DRIVER, true, loader).getDeclaredConstructor().newInstance();
            return new DuckDbBaseline(loader, driver, query(driver, "jdbc:duckdb:", "SELECT version()"));
        } catch (ClassNotFoundException | ClassCastException e) {
            throw closing(loader, new Unavailable("no DuckDB JDBC driver (" + DRIVER + ") in " + jar, e));
        } catch (ReflectiveOperationException | SQLException | LinkageError e) {
            throw closing(loader, new Unavailable("DuckDB from " + jar + " cannot start here: " + e, e));
        }
    }

    /** DuckDB's own version string, e.g. {@code v2.0.0}. */
    public String version() {
        return version;
    }

    /**
     * Reads {@code jsonLines} with {@code read_json} into a new table in a new database file
     * {@code database} (replaced if present), then indexes {@code id} and checkpoints, the two steps timed
     * separately. The database is left for the caller to look at or delete.
     */
    public Load load(Path jsonLines, Path database) throws LoadFailed, IOException {
        delete(database);
        String file = jsonLines.toAbsolutePath().toString().replace("'", "''");
        long read;
        long index;
        long rows;
        long withId;
        try (Connection c = connect(driver, "jdbc:duckdb:" + database.toAbsolutePath()); Statement s = c.createStatement()) {
            s.execute("SET threads = " + THREADS);
            long t = System.nanoTime();
            s.execute("CREATE TABLE events AS SELECT * FROM read_json('" + file + "', format = 'newline_delimited')");
            read = System.nanoTime() - t;
            t = System.nanoTime();
            s.execute("CREATE INDEX events_id ON events (id)");
            s.execute("CHECKPOINT");
            index = System.nanoTime() - t;
            try (ResultSet r = s.executeQuery("SELECT count(*), count(id) FROM events")) {
                r.next();
                rows = r.getLong(1);
                withId = r.getLong(2);
            }
        } catch (SQLException e) {
            throw new LoadFailed(e);
        }
        return new Load(rows, withId, read, index, Files.size(database));
    }

    /** Deletes a database {@link #load} made, and its write-ahead log. */
    public static void delete(Path database) throws IOException {
        Files.deleteIfExists(database);
        Files.deleteIfExists(database.resolveSibling(database.getFileName() + ".wal"));
    }

    /** The names of the indexes on table {@code events} of {@code database}, for checking what a load built. */
    String indexes(Path database) throws SQLException {
        return query(driver, "jdbc:duckdb:" + database.toAbsolutePath(),
                "SELECT string_agg(index_name, ',' ORDER BY index_name) FROM duckdb_indexes() WHERE table_name = 'events'");
    }

    private static String query(Driver driver, String url, String sql) throws SQLException {
        try (Connection c = connect(driver, url); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getString(1) : "";
        }
    }

    private static Connection connect(Driver driver, String url) throws SQLException {
        Connection c = driver.connect(url, new Properties());
        if (c == null) {
            throw new SQLException("the DuckDB driver does not accept " + url);
        }
        return c;
    }

    @Override
    public void close() throws IOException {
        loader.close();
    }

    /** Closes the loader of a jar that cannot be used; a failure to close rides along with the reason. */
    private static Unavailable closing(URLClassLoader loader, Unavailable reason) {
        try {
            loader.close();
        } catch (IOException e) {
            reason.addSuppressed(e);
        }
        return reason;
    }
}
