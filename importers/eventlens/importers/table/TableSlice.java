package eventlens.importers.table;

import java.time.Instant;
import java.util.Objects;

/**
 * Which table to read and which of its rows: events strictly after {@code after} and before
 * {@code before} (times, either may be null) and of one aggregate type (null for all). The user never
 * writes SQL: {@link TableReader} compiles these to bound parameters, and the table name is looked up
 * in the database's own catalogue before it is quoted into a statement.
 */
public record TableSlice(String table, Instant after, Instant before, String aggregateType) {
    public TableSlice {
        Objects.requireNonNull(table, "table");
    }

    /** The whole table. */
    public static TableSlice all(String table) {
        return new TableSlice(table, null, null, null);
    }
}
