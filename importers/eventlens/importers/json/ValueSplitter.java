package eventlens.importers.json;

import java.io.IOException;
import java.io.InputStream;

/**
 * JSON values one after another (pretty-printed objects, for example) and top-level arrays of
 * records: each top-level object is a record, and so is each element of a top-level array.
 *
 * <p>The splitter only tracks strings and brackets, so it needs no recursion and keeps only
 * the current record in memory. To stay in step after damage it ends a record early when a string
 * runs past the end of a line (JSON strings cannot hold raw line breaks) and, outside arrays, when a
 * line starts with <code>{</code> in column 1 while a record is still open (how concatenated
 * pretty-printed objects begin). Text between records that is not JSON becomes a record of its own
 * up to the end of its line, so that it is reported rather than silently dropped, unless it is a
 * comment line, which is skipped and counted. A comma that separates nothing (before an array's
 * <code>]</code>, a second one in a row, between top-level objects) is skipped and reported.
 */
final class ValueSplitter implements RecordSplitter {
    private final InputStream in;
    private final int maxRecord;
    private final ByteBuffer record = new ByteBuffer();

    private long line = 1;
    private long column = 1;
    private long offset;
    private boolean inArray;
    private boolean inRecord;
    private boolean inString;
    private boolean escaped;
    private boolean junk;
    private boolean skipping;
    /** A comma after an array element, not yet followed by the next element. */
    private boolean commaPending;
    private boolean atArrayStart;
    private long commaLine;
    private long commaColumn;
    private int depth;
    private byte[] openers = new byte[64];
    private long recordLine;
    private long recordColumn;
    private long recordOffset;
    private long recordLength;

    ValueSplitter(InputStream in) {
        this(in, MAX_RECORD);
    }

    /** A splitter with a smaller record limit, for tests. */
    ValueSplitter(InputStream in, int maxRecord) {
        this.in = in;
        this.maxRecord = maxRecord;
    }

    @Override
    public void split(RecordHandler handler) throws IOException {
        byte[] chunk = new byte[1 << 16];
        int n = in.readNBytes(chunk, 0, 3);
        int start = 0;
        if (n == 3 && (chunk[0] & 0xFF) == 0xEF && (chunk[1] & 0xFF) == 0xBB && (chunk[2] & 0xFF) == 0xBF) {
            start = 3;
            offset = 3;
        }
        for (int i = start; i < n; i++) {
            step(chunk[i], handler);
        }
        while ((n = in.read(chunk)) > 0) {
            for (int i = 0; i < n; i++) {
                step(chunk[i], handler);
            }
        }
        if (inRecord) {
            emit(handler);
        }
    }

    private void step(byte b, RecordHandler handler) {
        if (inRecord) {
            inside(b, handler);
        } else {
            between(b, handler);
        }
        advance(b);
    }

    private void advance(byte b) {
        offset++;
        if (b == '\n') {
            line++;
            column = 1;
        } else {
            column++;
        }
    }

    /** A byte outside any record: whitespace, array punctuation, or the start of a record. */
    private void between(byte b, RecordHandler handler) {
        if (skipping) {
            if (!(column == 1 && b == '{')) {
                return;
            }
            skipping = false;
        }
        if (b == ' ' || b == '\t' || b == '\r' || b == '\n') {
            return;
        }
        if (b == ',') {
            comma(handler);
            return;
        }
        if (inArray && b == ']') {
            if (commaPending) {
                handler.strayComma(commaLine, commaColumn, "trailing comma before ']'");
            }
            inArray = false;
            commaPending = false;
            return;
        }
        if (!inArray && b == '[') {
            inArray = true;
            atArrayStart = true;
            commaPending = false;
            return;
        }
        begin(b);
    }

    /** A comma outside records: the separator after an array element, or one that separates nothing. */
    private void comma(RecordHandler handler) {
        if (!inArray) {
            handler.strayComma(line, column, "comma between records");
        } else if (commaPending) {
            handler.strayComma(line, column, "a second comma in a row");
        } else if (atArrayStart) {
            handler.strayComma(line, column, "comma before the first record");
        } else {
            commaPending = true;
            commaLine = line;
            commaColumn = column;
        }
        atArrayStart = false;
    }

    private void begin(byte b) {
        inRecord = true;
        commaPending = false;
        atArrayStart = false;
        recordLine = line;
        recordColumn = column;
        recordOffset = offset;
        recordLength = 0;
        depth = 0;
        inString = false;
        escaped = false;
        junk = b != '{' && b != '[' && b != '"' && !inArray;
        add(b);
        track(b);
    }

    private void inside(byte b, RecordHandler handler) {
        if (inString) {
            if (b == '\n') {
                emit(handler); // a string cannot span lines: the record is broken here
                return;
            }
            add(b);
            track(b);
            return;
        }
        if (column == 1 && b == '{' && depth > 0 && !inArray) {
            emit(handler); // a new object starts while this one is still open
            begin(b);
            return;
        }
        boolean ends = junk ? b == '\n'
                : depth == 0 && (inArray ? b == ',' || b == ']' : b == '\n' || isSpace(b));
        if (ends) {
            long endLine = line;
            long endColumn = column;
            emit(handler);
            if (inArray && b == ',') {
                commaPending = true;
                commaLine = endLine;
                commaColumn = endColumn;
            }
            if (inArray && b == ']') {
                inArray = false;
            }
            return;
        }
        add(b);
        track(b);
        if (depth == 0 && (b == '}' || b == ']') && !junk) {
            emit(handler);
        }
    }

    /** A line starting with {@code #}, {@code //}, {@code /*}, {@code *} (inside a block comment) or {@code *}{@code /}. */
    private static boolean isComment(byte[] bytes, int length) {
        return length > 0 && (bytes[0] == '#' || bytes[0] == '*'
                || (bytes[0] == '/' && length > 1 && (bytes[1] == '/' || bytes[1] == '*')));
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\r';
    }

    private void track(byte b) {
        if (inString) {
            if (escaped) {
                escaped = false;
            } else if (b == '\\') {
                escaped = true;
            } else if (b == '"') {
                inString = false;
            }
            return;
        }
        switch (b) {
            case '"' -> inString = true;
            case '{', '[' -> open(b);
            case '}', ']' -> close(b);
            default -> {
            }
        }
    }

    /** Remembers which bracket opened each level, so that a stray closing bracket is not counted. */
    private void open(byte b) {
        if (depth == openers.length) {
            openers = java.util.Arrays.copyOf(openers, openers.length * 2);
        }
        openers[depth++] = b;
    }

    private void close(byte b) {
        if (depth > 0 && openers[depth - 1] == (b == '}' ? '{' : '[')) {
            depth--;
        }
    }

    private void add(byte b) {
        recordLength++;
        if (recordLength <= maxRecord) {
            record.add(b);
        }
    }

    private void emit(RecordHandler handler) {
        if (junk && isComment(record.bytes(), record.length())) {
            // A comment line (a licence header, a note above an exported array), not a record: skipped
            // and counted, as the line splitter does with # and // lines.
            handler.comment(recordLine);
            record.clear();
            inRecord = false;
            depth = 0;
            return;
        }
        if (recordLength > maxRecord) {
            handler.tooLong(record.bytes(), Math.min(record.length(), TOO_LONG_HEAD), recordLine, recordColumn, maxRecord);
            skipping = depth > 0 && !inArray;
        } else {
            handler.record(record.bytes(), 0, record.length(), recordLine, recordColumn, recordOffset);
        }
        record.clear();
        inRecord = false;
        inString = false;
        escaped = false;
        depth = 0;
    }
}
