package eventlens.importers.table;

import eventlens.model.Exemption;
import eventlens.importers.ImportException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The two statements of a table read — the first page and each next one — with the slice as bound
 * parameters. Only catalogue names (quoted) go into the SQL text; every user value is a parameter.
 *
 * <p>A time bound is given to the database in the time column's own kind: a timestamp for a timestamp
 * column (PostgreSQL), epoch seconds or milliseconds for numbers (as the column's first value suggests), and
 * for text (SQLite keeps times as text) ISO-8601 text shaped like the
 * column's first value ({@code 2024-05-01T10:00:00Z} or {@code 2024-05-01 10:00:00}), compared as text.
 */
@Exemption(rule = Exemption.SQL_OUTSIDE_THE_STORE, why = "reads the user's own event-store database (SQLite or PostgreSQL), never the project")
final class TableQuery {
    private final String firstPage;
    private final String nextPage;
    private final List<Object> sliceValues;

    private TableQuery(String firstPage, String nextPage, List<Object> sliceValues) {
        this.firstPage = firstPage;
        this.nextPage = nextPage;
        this.sliceValues = sliceValues;
    }

    static TableQuery compile(Connection c, TableShape shape, TableSlice slice, String name)
            throws SQLException, ImportException {
        if (shape.key.isEmpty()) {
            throw new ImportException(name, 0, 0, "no column to page by: the table needs a sequence (global_index, "
                    + "seq_id, position), an integer id, or a time column with an id (columns: "
                    + String.join(", ", shape.columns.values().stream().map(TableShape.Column::name).toList()) + ")");
        }
        List<String> conditions = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        if (slice.after() != null || slice.before() != null) {
            if (shape.time == null) {
                throw new ImportException(name, 0, 0, "--after/--before need a time column (one of "
                        + String.join(", ", TableShape.TIMES) + "); the table has none");
            }
            String sample = sample(c, shape);
            if (slice.after() != null) {
                conditions.add(shape.time.quoted() + " > ?");
                values.add(timeValue(slice.after(), shape.time, sample, shape.sqlite));
            }
            if (slice.before() != null) {
                conditions.add(shape.time.quoted() + " < ?");
                values.add(timeValue(slice.before(), shape.time, sample, shape.sqlite));
            }
        }
        if (slice.aggregateType() != null) {
            if (shape.aggregateType == null) {
                throw new ImportException(name, 0, 0, "--aggregate-type needs an aggregate-type column "
                        + "(aggregate_type, stream_type, or Axon's type); the table has none");
            }
            conditions.add(shape.aggregateType.quoted() + " = ?");
            values.add(slice.aggregateType());
        }
        String keyList = shape.key.stream().map(k -> k.name().equals("rowid") && !shape.columns.containsKey("rowid")
                ? "rowid" : k.quoted()).collect(Collectors.joining(", "));
        String select = "SELECT " + shape.columns.values().stream().map(TableShape.Column::quoted)
                .collect(Collectors.joining(", ")) + ", " + keyList + " FROM " + shape.quotedTable;
        String order = " ORDER BY " + keyList + " LIMIT ?";
        String after = shape.key.size() == 1 ? keyList + " > ?"
                : "(" + keyList + ") > (" + shape.key.stream().map(k -> "?").collect(Collectors.joining(", ")) + ")";
        List<String> next = new ArrayList<>(conditions);
        next.add(after);
        return new TableQuery(select + where(conditions) + order, select + where(next) + order, List.copyOf(values));
    }

    String firstPage() {
        return firstPage;
    }

    String nextPage() {
        return nextPage;
    }

    /** Binds the slice's values from parameter 1; returns the next parameter's index. */
    int bindSlice(PreparedStatement ps) throws SQLException {
        int p = 1;
        for (Object v : sliceValues) {
            ps.setObject(p++, v);
        }
        return p;
    }

    private static String where(List<String> conditions) {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    /** The first non-null value of the time column as text, to shape a bound like it. */
    private static String sample(Connection c, TableShape shape) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT " + shape.time.quoted()
                + " FROM " + shape.quotedTable + " WHERE " + shape.time.quoted() + " IS NOT NULL LIMIT 1")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    static Object timeValue(Instant t, TableShape.Column column, String sample, boolean sqlite) {
        String type = column.typeName().toLowerCase(Locale.ROOT);
        boolean textual = type.isEmpty() || type.contains("char") || type.contains("text") || type.contains("clob");
        if (!sqlite && !textual && (type.contains("timestamp") || type.equals("date"))) {
            return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
        }
        if (sample != null && sample.strip().matches("-?[0-9]+")) {
            // epoch numbers: seconds when the column's values are that small, else milliseconds
            return Math.abs(Long.parseLong(sample.strip())) < 100_000_000_000L ? t.getEpochSecond() : t.toEpochMilli();
        }
        if (column.integer()) {
            return t.toEpochMilli();
        }
        String iso = t.toString();
        if (sample != null && sample.length() > 10 && sample.charAt(10) == ' ') {
            iso = iso.replace('T', ' ');
            if (!sample.endsWith("Z")) {
                iso = iso.substring(0, iso.length() - 1);
            }
        }
        return iso;
    }
}
