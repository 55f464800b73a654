package eventlens.importers.table;

import eventlens.model.Exemption;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eventlens.importers.FieldMapper;
import eventlens.importers.ImportException;
import eventlens.importers.ImportOptions;
import eventlens.importers.ImportSink;
import eventlens.importers.MappedRecord;
import eventlens.model.ImportError;
import eventlens.model.Json;
import eventlens.model.Origin;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads events straight from a database table (SQLite or PostgreSQL), a page at a time: each page is
 * one parameterised {@code SELECT … WHERE key > last ORDER BY key LIMIT n} (keyset paging on the key
 * {@link TableShape} picks), so memory stays flat whatever the table's size and no row is read twice.
 * Each row becomes a JSON object keyed by column name ({@link RowJson}) and goes through the same
 * {@link FieldMapper} as a JSON file, so {@code --mapping} works as for files. A row that cannot be read
 * or mapped becomes an import error naming its key; the rest is imported.
 */
@Exemption(rule = Exemption.SQL_OUTSIDE_THE_STORE, why = "reads the user's own event-store database (SQLite or PostgreSQL), never the project")
public final class TableReader {
    /** The format the import is recorded under. */
    public static final String FORMAT = "table";
    static final int PAGE = 5_000;

    private final int pageSize;

    /** A reader fetching {@value #PAGE} rows a page. */
    public TableReader() {
        this(PAGE);
    }

    /** For tests: small pages, so that paging is exercised on a few rows. */
    TableReader(int pageSize) {
        this.pageSize = pageSize;
    }

    /** The name an import of this table is recorded under: the database, {@code #}, the table. */
    public static String sourceName(TableLocation location, TableSlice slice) {
        return location.name() + "#" + slice.table();
    }

    /**
     * Reads the slice of the table into the sink.
     *
     * @throws ImportException when the database cannot be reached, the table is missing (the message lists
     *     those there are), it has no column to page by, or the slice asks for a column it lacks
     */
    public void read(TableLocation location, TableSlice slice, ImportOptions options, ImportSink sink)
            throws ImportException {
        String name = sourceName(location, slice);
        try (Connection c = location.open()) {
            TableShape shape;
            try {
                shape = TableShape.of(c, slice.table());
            } catch (TableShape.MissingTable e) {
                throw new ImportException(name, 0, 0, e.getMessage());
            }
            FieldMapper mapper = mapper(shape, options, name);
            TableQuery query = TableQuery.compile(c, shape, slice, name);
            readPages(c, shape, query, mapper, name, sink);
        } catch (SQLException e) {
            throw new ImportException(name, 0, 0, "database: " + e.getMessage(), e);
        }
    }

    private static FieldMapper mapper(TableShape shape, ImportOptions options, String name) throws ImportException {
        Map<String, String> mapping = new LinkedHashMap<>(shape.defaultMapping());
        mapping.putAll(options.mapping()); // the user's mapping wins over the shape's
        return FieldMapper.forImport(name, new ImportOptions(mapping));
    }

    private void readPages(Connection c, TableShape shape, TableQuery query, FieldMapper mapper, String name,
            ImportSink sink) throws SQLException {
        List<TableShape.Column> columns = new ArrayList<>(shape.columns.values());
        List<Object> last = null;
        long row = 0;
        while (true) {
            int read = 0;
            try (PreparedStatement ps = c.prepareStatement(last == null ? query.firstPage() : query.nextPage())) {
                int p = query.bindSlice(ps);
                if (last != null) {
                    for (Object k : last) {
                        ps.setObject(p++, k);
                    }
                }
                ps.setInt(p, pageSize);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        read++;
                        row++;
                        last = keyOf(rs, columns.size(), shape.key.size());
                        readRow(rs, columns, mapper, new Origin(name, row, FORMAT), describe(shape.key, last), sink);
                    }
                }
            }
            if (read < pageSize) {
                return;
            }
        }
    }

    private static void readRow(ResultSet rs, List<TableShape.Column> columns, FieldMapper mapper, Origin origin,
            String key, ImportSink sink) {
        ObjectNode record;
        try {
            record = RowJson.of(rs, columns);
        } catch (SQLException | RuntimeException e) {
            sink.reject(new ImportError(origin.file(), origin.line(), 0, "row " + key + ": cannot read: "
                    + e.getMessage(), key));
            return;
        }
        String raw = Json.write(record);
        switch (mapper.map(record, raw, origin)) {
            case MappedRecord.EventRecord r -> sink.accept(r.event());
            case MappedRecord.DeadLetterRecord r -> sink.accept(r.deadLetter());
            case MappedRecord.Rejected r -> sink.reject(new ImportError(origin.file(), origin.line(), 0,
                    "row " + key + ": " + r.reason(), raw));
        }
    }

    /** The key columns, selected after the table's own columns. */
    private static List<Object> keyOf(ResultSet rs, int columns, int keys) throws SQLException {
        List<Object> key = new ArrayList<>(keys);
        for (int i = 1; i <= keys; i++) {
            key.add(rs.getObject(columns + i));
        }
        return key;
    }

    private static String describe(List<TableShape.Column> key, List<Object> values) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < key.size(); i++) {
            parts.add(key.get(i).name() + "=" + values.get(i));
        }
        return parts.stream().collect(Collectors.joining(", "));
    }
}
