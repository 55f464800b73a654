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
 * even create its shared-memory index): it is opened immutable, and the tables EventLens derives from the
 * events as it reads — the flow list, the trace links, the state snapshots and the stamps in
 * {@code meta} — are shadowed per connection by temporary copies, so listing flows or folding states
 * still works and writes only to memory. Imports and saved replay runs are refused with a clear message.
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

    /** A connection that never writes the file, with the derived tables shadowed in memory. */
    static Connection connect(Path absolute) throws SQLException {
        Connection c = immutable(absolute);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA temp_store=MEMORY");
            s.execute("PRAGMA cache_size=-65536");
            shadow(c, s);
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

    /** Temporary copies of the derived tables and their indexes; unqualified names then find the copies. */
    private static void shadow(Connection c, Statement s) throws SQLException {
        List<String[]> objects = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("SELECT type, name, tbl_name, sql FROM main.sqlite_master WHERE sql IS NOT NULL"
                + " AND tbl_name IN ('" + String.join("','", DERIVED) + "') ORDER BY type DESC")) {
            while (rs.next()) {
                objects.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)});
            }
        }
        for (String[] o : objects) {
            if (o[0].equals("table")) {
                s.execute(o[3].replaceFirst("(?i)^CREATE TABLE", "CREATE TEMP TABLE"));
                s.execute("INSERT INTO temp." + o[1] + " SELECT * FROM main." + o[1]);
            }
        }
        for (String[] o : objects) {
            if (o[0].equals("index")) {
                s.execute(o[3].replaceFirst("(?i)^CREATE (UNIQUE )?INDEX (IF NOT EXISTS )?(\\w+)", "CREATE $1INDEX temp.$3"));
            }
        }
    }
}
