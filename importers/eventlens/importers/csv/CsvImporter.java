package eventlens.importers.csv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eventlens.importers.FieldMapper;
import eventlens.importers.ImportException;
import eventlens.importers.ImportOptions;
import eventlens.importers.ImportSink;
import eventlens.importers.ImportSource;
import eventlens.importers.Importer;
import eventlens.importers.MappedRecord;
import eventlens.model.ImportError;
import eventlens.model.Json;
import eventlens.model.Origin;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads CSV and TSV with a header row. The delimiter (comma, tab, semicolon or bar) and quoting are
 * detected ({@link CsvDialect}, {@link CsvRecords}); each row becomes a JSON object named by the header
 * and goes through the same {@link FieldMapper} as JSON records, so columns are found by the same names
 * and synonyms ({@code event_id}, {@code eventType}, {@code occurred_at}, {@code aggregate_id}…) and a
 * mapping file overrides them the same way. A cell holding a JSON object or array is decoded (a
 * {@code data} or {@code payload} column, typically); whole numbers without leading zeros and decimals
 * become numbers, everything else stays text; empty cells are absent. A header {@code data.x} or
 * {@code metadata.x} nests its column under {@code data} or {@code metadata}. A row with more cells than
 * the header is rejected with its line; one with fewer has the missing cells empty.
 */
public final class CsvImporter implements Importer {
    private static final String FORMAT = "csv";
    private static final Pattern WHOLE = Pattern.compile("-?(0|[1-9][0-9]{0,17})");
    private static final Pattern DECIMAL = Pattern.compile("-?(0|[1-9][0-9]*)\\.[0-9]+");
    private static final Set<String> NESTING = Set.of("data", "metadata", "meta", "headers", "payload");

    @Override
    public String name() {
        return FORMAT;
    }

    @Override
    public String description() {
        return "CSV / TSV with a header row (delimiter and quoting detected; columns named like JSON fields)";
    }

    @Override
    public List<FieldSource> fields() {
        return List.of(
                new FieldSource("every field", "the column of that name or a synonym, as for JSON (see json)"),
                new FieldSource("data", "a data / payload column holding JSON, else the other columns"),
                new FieldSource("nested", "columns named data.x or metadata.x"));
    }

    /**
     * 85 for a {@code .csv}/{@code .tsv}/{@code .tab} file whose first lines agree on a delimiter, 60 for
     * another name; 0 for JSON (a first character of {@code {} or {@code [}) and for text without one.
     */
    @Override
    public int sniff(byte[] head, String name) {
        String text = new String(head, StandardCharsets.UTF_8);
        String start = text.stripLeading();
        if (start.startsWith("\uFEFF")) {
            start = start.substring(1).stripLeading();
        }
        if (start.isEmpty() || start.charAt(0) == '{' || start.charAt(0) == '[') {
            return 0;
        }
        if (CsvDialect.delimiter(start) == 0) {
            return 0;
        }
        String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
        boolean named = lower.endsWith(".csv") || lower.endsWith(".tsv") || lower.endsWith(".tab")
                || lower.endsWith(".csv.gz") || lower.endsWith(".tsv.gz");
        return named ? 85 : 60;
    }

    @Override
    public boolean takesMapping() {
        return true;
    }

    @Override
    public void read(ImportSource source, ImportOptions options, ImportSink sink) throws ImportException {
        String file = source.name();
        FieldMapper mapper = FieldMapper.forImport(file, options);
        try (Reader in = new InputStreamReader(source.input(), StandardCharsets.UTF_8)) {
            char[] head = new char[1 << 16];
            int headLength = fill(in, head);
            int skip = headLength > 0 && head[0] == '\uFEFF' ? 1 : 0;
            char delimiter = CsvDialect.delimiter(new String(head, skip, headLength - skip));
            if (delimiter == 0) {
                throw new ImportException(file, 1, 0, "not delimited text: the first lines agree on no delimiter "
                        + "(comma, tab, semicolon or bar)");
            }
            CsvRecords records = new CsvRecords(in, delimiter, java.util.Arrays.copyOfRange(head, skip, headLength),
                    headLength - skip);
            CsvRecords.Row header;
            try {
                header = records.next();
            } catch (CsvRecords.Malformed e) {
                throw new ImportException(file, 1, 0, "the header row: " + e.getMessage());
            }
            if (header == null) {
                return;
            }
            List<String> names = names(header.fields());
            while (true) {
                CsvRecords.Row row;
                try {
                    row = records.next();
                } catch (CsvRecords.Malformed e) {
                    sink.reject(new ImportError(file, e.row.line(), 0, e.getMessage(), e.row.text()));
                    return;
                }
                if (row == null) {
                    return;
                }
                readRow(names, row, mapper, new Origin(file, row.line(), FORMAT), sink);
            }
        } catch (IOException e) {
            throw new ImportException(file, 0, 0, "cannot read: " + e.getMessage());
        }
    }

    private static void readRow(List<String> names, CsvRecords.Row row, FieldMapper mapper, Origin origin,
            ImportSink sink) {
        if (row.fields().size() > names.size()) {
            sink.reject(new ImportError(origin.file(), row.line(), 0, "row has " + row.fields().size()
                    + " cells, the header " + names.size(), row.text()));
            return;
        }
        ObjectNode record = Json.mapper().createObjectNode();
        for (int i = 0; i < row.fields().size(); i++) {
            String cell = row.fields().get(i);
            if (!cell.isEmpty()) {
                put(record, names.get(i), value(cell));
            }
        }
        switch (mapper.map(record, row.text(), origin)) {
            case MappedRecord.EventRecord r -> sink.accept(r.event());
            case MappedRecord.DeadLetterRecord r -> sink.accept(r.deadLetter());
            case MappedRecord.Rejected r -> sink.reject(new ImportError(origin.file(), row.line(), 0, r.reason(), row.text()));
        }
    }

    private static void put(ObjectNode record, String name, JsonNode value) {
        int dot = name.indexOf('.');
        if (dot > 0 && dot < name.length() - 1 && NESTING.contains(name.substring(0, dot).toLowerCase(Locale.ROOT))) {
            JsonNode parent = record.get(name.substring(0, dot));
            ObjectNode nested = parent instanceof ObjectNode o ? o : record.putObject(name.substring(0, dot));
            nested.set(name.substring(dot + 1), value);
        } else {
            record.set(name, value);
        }
    }

    /** A cell as JSON: embedded JSON decoded, numbers as numbers, the rest as text. */
    static JsonNode value(String cell) {
        String t = cell.strip();
        if ((t.startsWith("{") && t.endsWith("}")) || (t.startsWith("[") && t.endsWith("]"))) {
            JsonNode parsed = Json.parseOrMissing(t);
            if (!parsed.isMissingNode()) {
                return parsed;
            }
        }
        if (WHOLE.matcher(t).matches()) {
            return Json.mapper().getNodeFactory().numberNode(Long.parseLong(t));
        }
        if (DECIMAL.matcher(t).matches()) {
            return Json.mapper().getNodeFactory().numberNode(new BigDecimal(t));
        }
        return Json.mapper().getNodeFactory().textNode(cell);
    }

    /** Header cells as member names: trimmed, a name for an empty one, repeats numbered. */
    private static List<String> names(List<String> header) {
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < header.size(); i++) {
            String n = header.get(i).strip();
            if (i == 0 && n.startsWith("\uFEFF")) {
                n = n.substring(1).strip();
            }
            if (n.isEmpty()) {
                n = "column" + (i + 1);
            }
            String unique = n;
            for (int k = 2; !seen.add(unique); k++) {
                unique = n + "_" + k;
            }
            out.add(unique);
        }
        return out;
    }

    /** Reads until the buffer is full or the input ends; returns how many characters. */
    private static int fill(Reader in, char[] buf) throws IOException {
        int n = 0;
        while (n < buf.length) {
            int r = in.read(buf, n, buf.length - n);
            if (r < 0) {
                break;
            }
            n += r;
        }
        return n;
    }

    /** For tests: reads from a reader with a known delimiter. */
    static List<CsvRecords.Row> rows(Reader in, char delimiter) throws IOException, CsvRecords.Malformed {
        CsvRecords records = new CsvRecords(in, delimiter);
        List<CsvRecords.Row> out = new ArrayList<>();
        for (CsvRecords.Row r = records.next(); r != null; r = records.next()) {
            out.add(r);
        }
        return out;
    }
}
