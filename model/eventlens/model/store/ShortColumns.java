package eventlens.model.store;

import eventlens.model.Event;
import eventlens.model.Origin;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An event row read as two columns instead of twenty (decision 0070): its record text as stored, and every other
 * column in one text that SQLite puts together with {@code concat}. The driver's cost is per column
 * (a call into C, a lock, a buffer object), and a replay reading twenty columns a row spent more time in those calls
 * than SQLite spent finding the row.
 *
 * <p>The text holds the numbers first (the position, whether the record text is packed, then the rest), each
 * followed by a comma (nothing before it for NULL), then the texts, each
 * as its length in UTF-8 bytes, a colon and the bytes ({@code -1:} for NULL). {@code concat} keeps a NUL inside a
 * text, where {@code printf} would stop at it. A text that does not follow this shape means the row is not what the
 * query wrote: it fails as a damaged project. One reader serves one query (and the events it makes, one thread at a
 * time): it keeps 64 values of each of the
 * columns that repeat (type, source, aggregate type, file, format) and shares their strings.
 */
final class ShortColumns {
    private static final List<String> NUMBERS = List.of("e.position", "typeof(b.raw) = 'blob'", "e.time_us",
            "e.version", "e.line", "b.data_at", "b.data_len", "b.metadata_at", "b.metadata_len");
    private static final List<String> TEXTS = List.of("e.id", "e.type", "e.source", "e.aggregate_type",
            "e.aggregate_id", "e.correlation_id", "e.causation_id", "b.data", "b.metadata", "i.file", "e.format");
    /** The first column: every short column in one text, over {@link Rows#EVENT_FROM}. */
    static final String TEXT = "concat("
            + NUMBERS.stream().map(c -> "CAST(" + c + " AS INTEGER), ','").collect(Collectors.joining(", ")) + ", "
            + TEXTS.stream().map(c -> "ifnull(octet_length(" + c + "), -1), ':', " + c).collect(Collectors.joining(", "))
            + ")";
    /** The two columns, over {@link Rows#EVENT_FROM}. */
    static final String COLUMNS = TEXT + ", b.raw";

    private final Recent types = new Recent();
    private final Recent sources = new Recent();
    private final Recent aggregateTypes = new Recent();
    private final Recent files = new Recent();
    private final Recent formats = new Recent();
    private PackedText.Dictionaries dictionaries;
    private byte[] text;
    private int at;
    /** Where the current row's text ends: the end of the column, or of the row in a block ({@link EventBlocks}). */
    private int end;
    /** Whether the current row's record text is packed. */
    private boolean rowPacked;

    /**
     * What the reading thread takes from the row (decision 0070): the concatenated text and the record text as stored,
     * the position and whether it is packed read, a packed text's dictionary found (through the row's connection).
     * The rest is made into an event by {@link #event(Row)}, on whichever thread takes the row: a replay reads on one
     * thread and delivers on another, and reading is the busier.
     */
    Row read(ResultSet rs) throws SQLException {
        byte[] column = rs.getBytes(1);
        if (column == null) {
            throw damaged();
        }
        return take(column, 0, column.length, rs.getBytes(2), rs);
    }

    /**
     * As {@link #read}, for a row kept in a block ({@link EventBlocks}): its text is {@code [from, to)} of {@code block},
     * and {@code body} is its row of {@code event_bodies} (position, record text as stored), which must be the same
     * position.
     */
    Row read(byte[] block, int from, int to, ResultSet body) throws SQLException {
        Row row = take(block, from, to, body.getBytes(2), body);
        if (row.position() != body.getLong(1)) {
            throw damaged();
        }
        return row;
    }

    /**
     * As {@link #read(byte[], int, int, ResultSet)}, its record text left in the store: read with the rest of
     * {@code page}'s when first asked for (decision 0078).
     */
    Row readLater(byte[] block, int from, int to, PageBodies page) throws SQLException {
        long position = head(block, from, to);
        return new Row(position, text, at, to, page.of(position, rowPacked));
    }

    private Row take(byte[] rowText, int from, int to, byte[] stored, ResultSet rs) throws SQLException {
        long position = head(rowText, from, to);
        if (stored == null) {
            stored = new byte[0]; // the driver's answer for an empty text
        }
        if (rowPacked && dictionaries == null) {
            dictionaries = PackedText.dictionaries(rs);
        }
        Object raw = rowPacked ? PackedText.packed(stored, dictionaries) : stored;
        return new Row(position, text, at, to, raw);
    }

    /**
     * Starts reading a row's text at {@code [from, to)}: its first two numbers, its position (returned) and whether its
     * record text is packed ({@link #rowPacked}).
     */
    private long head(byte[] rowText, int from, int to) throws SQLException {
        text = rowText;
        at = from;
        end = to;
        Long position = number();
        Long packed = number();
        if (position == null || packed == null) {
            throw damaged();
        }
        rowPacked = packed == 1;
        return position;
    }

    /** The position a row of a block starts with ({@code [from, to)} of {@code block}). */
    long position(byte[] block, int from, int to) throws SQLException {
        text = block;
        at = from;
        end = to;
        Long position = number();
        if (position == null) {
            throw damaged();
        }
        return position;
    }

    /**
     * A row as {@link #read} took it: the position, the concatenated text, where its other columns start and where it
     * ends.
     */
    record Row(long position, byte[] text, int at, int end, Object raw) {
    }

    /**
     * The event of a row {@link #read} took, its texts left as the row keeps them until first asked for
     * ({@link StoredTexts}). One thread at a time: the reader keeps the values that repeat.
     */
    Event event(Row row) throws SQLException {
        text = row.text();
        at = row.at();
        end = row.end();
        long position = row.position();
        Object raw = row.raw();
        Long micros = number();
        Long version = number();
        Long line = number();
        Long dataAt = number();
        Long dataLength = number();
        Long metadataAt = number();
        Long metadataLength = number();
        String id = text(null);
        String type = text(types);
        String source = text(sources);
        String aggregateType = text(aggregateTypes);
        String aggregateId = text(null);
        String correlationId = text(null);
        String causationId = text(null);
        String data = text(null);
        String metadata = text(null);
        String file = text(files);
        String format = text(formats);
        if (at != end || id == null) {
            throw damaged();
        }
        StoredTexts texts = new StoredTexts(raw, data, metadata, orZero(dataAt), orZero(dataLength), orZero(metadataAt),
                orZero(metadataLength));
        Instant time = micros == null ? null : Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
        return Event.withTexts(position, id, type, source, time, aggregateType, aggregateId, version, correlationId,
                causationId, new Origin(file, orZero(line), format), texts);
    }

    private static long orZero(Long n) {
        return n == null ? 0 : n;
    }

    /** A number and its comma; null for none. */
    private Long number() throws SQLException {
        int start = at;
        boolean negative = at < end && text[at] == '-';
        if (negative) {
            at++;
        }
        int digits = at;
        long n = 0;
        while (at < end && text[at] != ',') {
            int digit = text[at++] - '0';
            if (digit < 0 || digit > 9) {
                throw damaged();
            }
            n = n * 10 - digit; // negative, so that Long.MIN_VALUE reads back
        }
        if (at >= end || negative && at == digits) {
            throw damaged();
        }
        at++;
        if (at - 1 == start) {
            return null;
        }
        return negative ? n : -n;
    }

    /** A length, a colon and that many bytes as a string; null for none. */
    private String text(Recent recent) throws SQLException {
        int start = at;
        if (at + 2 < end && text[at] == '-' && text[at + 1] == '1' && text[at + 2] == ':') {
            at += 3;
            return null;
        }
        long n = 0;
        while (at < end && text[at] != ':' && at - start < 10) {
            int digit = text[at++] - '0';
            if (digit < 0 || digit > 9) {
                throw damaged();
            }
            n = n * 10 + digit;
        }
        if (at == start || at >= end || text[at] != ':' || end - at - 1 < n) {
            throw damaged();
        }
        at++;
        int from = at;
        at += (int) n;
        return recent == null ? new String(text, from, (int) n, StandardCharsets.UTF_8) : recent.of(text, from, at);
    }

    /** SQLite's code for a damaged file: the store reports it as damage ({@link StoreException}). */
    private static final int SQLITE_CORRUPT = 11;

    private static SQLException damaged() {
        return new SQLException("an event's columns do not read back as they were written", null, SQLITE_CORRUPT);
    }

    /** Values of one column seen lately, by a hash of their bytes, so that a repeated value is one string. */
    private static final class Recent {
        private static final int SLOTS = 64;
        private final byte[][] bytes = new byte[SLOTS][];
        private final String[] strings = new String[SLOTS];

        String of(byte[] text, int from, int to) {
            int h = 1;
            for (int i = from; i < to; i++) {
                h = 31 * h + text[i];
            }
            int slot = (h ^ h >>> 16) & (SLOTS - 1);
            byte[] kept = bytes[slot];
            if (kept != null && Arrays.equals(kept, 0, kept.length, text, from, to)) {
                return strings[slot];
            }
            String s = new String(text, from, to - from, StandardCharsets.UTF_8);
            bytes[slot] = Arrays.copyOfRange(text, from, to);
            strings[slot] = s;
            return s;
        }
    }
}
