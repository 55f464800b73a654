package eventlens.model.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A project that cannot be written (a read-only file, or a file in a read-only folder, where SQLite cannot
 * even create its shared-memory index): it is opened immutable. A table EventLens derives from the events
 * as it reads — the flow list, the trace links, the state snapshots and the stamps in {@code meta} — is
 * shadowed by a temporary copy in the one connection about to write it, just before the first write, so
 * listing flows or folding states still works and writes only to memory. A project whose derived tables
 * are up to date (an import builds them) is thus never copied: copying the flow list and trace links of
 * ten million events into every connection took about 25 s of CPU each (decision 0059). Imports and saved
 * replay runs are refused with a clear message.
 */
final class ReadOnlyProject {
    /** The tables a read may write to, derived from the events and safe to rebuild in memory. */
    static final List<String> DERIVED = List.of("meta", "flows", "trace_links", "snapshots");

    private ReadOnlyProject() {
    }

    /** True when SQLite could not write this project: the file or its folder is read-only. */
    static boolean needed(Path absolute) {
        Path folder = absolute.getParent();
        return Files.exists(absolute) && (!Files.isWritable(absolute) || folder != null && !Files.isWritable(folder));
    }

    /** A connection that never writes the file; derived tables are shadowed in memory as they are written. */
    static Connection connect(Path absolute) throws SQLException {
        Connection c = immutable(absolute);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA temp_store=MEMORY");
            s.execute("PRAGMA cache_size=-65536");
            PackedText.register(c);
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    /**
     * A connection that reads the file as it is on disk and creates nothing beside it (no log, no
     * shared-memory index): what a read-only folder allows, and what looking at a foreign file needs.
     */
    static Connection immutable(Path absolute) throws SQLException {
        org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
        config.setReadOnly(true);
        config.setOpenMode(org.sqlite.SQLiteOpenMode.OPEN_URI);
        return DriverManager.getConnection("jdbc:sqlite:file:" + absolute.toUri().getRawPath() + "?immutable=1",
                config.toProperties());
    }

    /**
     * Gives {@code c} temporary copies of the derived {@code tables} and their indexes, unless it has them
     * already; unqualified names then find the copies, so the connection's writes go to memory and its reads
     * see them. A table the project lacks (an older schema) is left alone.
     */
    static void shadow(Connection c, String... tables) {
        try (Statement s = c.createStatement()) {
            for (String table : tables) {
                if (!DERIVED.contains(table)) {
                    throw new IllegalArgumentException(table + " is not a derived table");
                }
                if (!copied(s, table)) {
                    copy(s, table);
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot keep a copy in memory of the read-only project's " + String.join(", ",
                    tables) + ": " + e.getMessage(), e);
        }
    }

    private static boolean copied(Statement s, String table) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT 1 FROM temp.sqlite_master WHERE type = 'table' AND name = '"
                + table + "'")) {
            return rs.next();
        }
    }

    private static void copy(Statement s, String table) throws SQLException {
        List<String[]> objects = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("SELECT type, name, sql FROM main.sqlite_master WHERE sql IS NOT NULL"
                + " AND tbl_name = '" + table + "' ORDER BY type DESC")) {
            while (rs.next()) {
                objects.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
            }
        }
        for (String[] o : objects) { // the table first (type DESC), then its indexes
            if (o[0].equals("table")) {
                s.execute(o[2].replaceFirst("(?i)^CREATE TABLE", "CREATE TEMP TABLE"));
                s.execute("INSERT INTO temp." + o[1] + " SELECT * FROM main." + o[1]);
            } else if (o[0].equals("index")) {
                s.execute(o[2].replaceFirst("(?i)^CREATE (UNIQUE )?INDEX (IF NOT EXISTS )?(\\w+)",
                        "CREATE $1INDEX temp.$3"));
            }
        }
    }
}
