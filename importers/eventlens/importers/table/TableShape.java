package eventlens.importers.table;

import eventlens.model.Exemption;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What an event table looks like, read from the database's own catalogue: its exact (quoted) name,
 * its columns and their types, the columns rows are paged by, and the columns the time and
 * aggregate-type slices compare. Column names are compared without case.
 *
 * <p>The paging key is, first found: a sequence column ({@code global_index} (Axon), {@code seq_id}
 * (Marten), {@code global_position}, {@code position}, {@code sequence}); an integer {@code id}; a time
 * column with an id as tie-breaker ({@code occurred_at, event_id}); SQLite's {@code rowid}. Rows whose
 * key is null cannot be paged to and are left out, which is why a sequence is preferred.
 */
@Exemption(rule = Exemption.SQL_OUTSIDE_THE_STORE, why = "reads the user's own event-store database (SQLite or PostgreSQL), never the project")
final class TableShape {
    private static final List<String> SEQUENCES = List.of("global_index", "seq_id", "global_position", "position",
            "sequence", "sequence_number_global");
    private static final List<String> INTEGER_IDS = List.of("id", "event_id");
    static final List<String> TIMES = List.of("occurred_at", "timestamp", "time_stamp", "created_at", "recorded_at",
            "time", "event_time", "ts");
    private static final List<String> TIE_BREAKERS = List.of("event_id", "id", "event_identifier", "message_id");
    private static final List<String> AGGREGATE_TYPES = List.of("aggregate_type", "stream_type", "aggregatetype");

    final String quotedTable;
    final String table;
    /** Lower-cased column name → column, in table order. */
    final Map<String, Column> columns;
    final List<Column> key;
    final Column time;
    final Column aggregateType;
    final boolean sqlite;

    record Column(String name, int jdbcType, String typeName) {
        String quoted() {
            return TableShape.quote(name);
        }

        boolean integer() {
            return jdbcType == Types.INTEGER || jdbcType == Types.BIGINT || jdbcType == Types.SMALLINT
                    || jdbcType == Types.TINYINT || typeName.toLowerCase(Locale.ROOT).contains("int")
                    || typeName.toLowerCase(Locale.ROOT).contains("serial");
        }
    }

    private TableShape(String table, String quotedTable, Map<String, Column> columns, boolean sqlite) {
        this.table = table;
        this.quotedTable = quotedTable;
        this.columns = columns;
        this.sqlite = sqlite;
        this.time = first(TIMES).orElse(null);
        this.aggregateType = first(AGGREGATE_TYPES).or(this::axonAggregateType).orElse(null);
        this.key = pagingKey();
    }

    /**
     * Looks the table up in the catalogue ({@code schema.table} or {@code table}).
     *
     * @throws MissingTable listing the tables that exist when there is none of that name
     */
    static TableShape of(Connection c, String requested) throws SQLException, MissingTable {
        DatabaseMetaData meta = c.getMetaData();
        boolean sqlite = meta.getDatabaseProductName().toLowerCase(Locale.ROOT).contains("sqlite");
        String wantedSchema = requested.contains(".") ? requested.substring(0, requested.indexOf('.')) : null;
        String wantedTable = requested.substring(requested.indexOf('.') + 1);
        List<String> existing = new ArrayList<>();
        String schema = null;
        String table = null;
        try (ResultSet rs = meta.getTables(null, null, "%", new String[] {"TABLE", "VIEW", "PARTITIONED TABLE"})) {
            while (rs.next()) {
                String s = rs.getString("TABLE_SCHEM");
                String t = rs.getString("TABLE_NAME");
                if (s != null && (s.equals("pg_catalog") || s.equals("information_schema"))) {
                    continue;
                }
                existing.add(s == null || s.equals("public") || s.equals("main") ? t : s + "." + t);
                boolean schemaMatches = wantedSchema == null ? s == null || s.equals("public") || s.equals("main")
                        : wantedSchema.equalsIgnoreCase(s);
                if (schemaMatches && t.equalsIgnoreCase(wantedTable) && (table == null || t.equals(wantedTable))) {
                    schema = wantedSchema == null ? null : s;
                    table = t;
                }
            }
        }
        if (table == null) {
            throw new MissingTable(requested, existing.stream().sorted().toList());
        }
        String quoted = schema == null ? quote(table) : quote(schema) + "." + quote(table);
        Map<String, Column> columns = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + quoted + " WHERE 1 = 0")) {
            ResultSetMetaData md = rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                String typeName = md.getColumnTypeName(i) == null ? "" : md.getColumnTypeName(i);
                columns.put(md.getColumnName(i).toLowerCase(Locale.ROOT),
                        new Column(md.getColumnName(i), md.getColumnType(i), typeName));
            }
        }
        return new TableShape(table, quoted, columns, sqlite);
    }

    /**
     * The mapping this shape needs before the automatic one: Axon's {@code type} is the aggregate's type
     * and its event type is {@code payload_type}; its identifiers have names the field finder does not know.
     */
    Map<String, String> defaultMapping() {
        if (!isAxon()) {
            return Map.of();
        }
        Map<String, String> m = new LinkedHashMap<>();
        m.put("id", "/" + columns.get("event_identifier").name());
        m.put("type", "/" + columns.get("payload_type").name());
        m.put("aggregateType", "/" + columns.get("type").name());
        m.put("aggregateId", "/" + columns.get("aggregate_identifier").name());
        m.put("version", "/" + columns.get("sequence_number").name());
        return m;
    }

    private boolean isAxon() {
        return columns.containsKey("payload_type") && columns.containsKey("aggregate_identifier")
                && columns.containsKey("event_identifier") && columns.containsKey("sequence_number")
                && columns.containsKey("type");
    }

    private Optional<Column> axonAggregateType() {
        return isAxon() ? Optional.of(columns.get("type")) : Optional.empty();
    }

    private List<Column> pagingKey() {
        for (String name : SEQUENCES) {
            Column c = columns.get(name);
            if (c != null && c.integer()) {
                return List.of(c);
            }
        }
        for (String name : INTEGER_IDS) {
            Column c = columns.get(name);
            if (c != null && c.integer()) {
                return List.of(c);
            }
        }
        Optional<Column> tie = first(TIE_BREAKERS);
        if (time != null && tie.isPresent()) {
            return List.of(time, tie.get());
        }
        if (sqlite) {
            return List.of(new Column("rowid", Types.BIGINT, "INTEGER"));
        }
        return List.of();
    }

    private Optional<Column> first(List<String> names) {
        return names.stream().map(columns::get).filter(c -> c != null).findFirst();
    }

    /** A catalogue name as a quoted SQL identifier (embedded quotes doubled). */
    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** No table of the requested name; the message lists the tables there are. */
    static final class MissingTable extends Exception {
        MissingTable(String requested, List<String> existing) {
            super("no table '" + requested + "' in the database; its tables: "
                    + (existing.isEmpty() ? "none" : String.join(", ", existing)));
        }
    }
}
