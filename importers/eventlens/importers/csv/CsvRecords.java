package eventlens.importers.csv;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits delimited text into records as RFC 4180 describes it: fields separated by one delimiter,
 * records by a line break (LF or CRLF), a field in double quotes may hold delimiters, line breaks and
 * doubled quotes ({@code ""}). Lenient where files in the wild are: a quote inside an unquoted field is
 * kept as text. Each record keeps its text and the line it starts on, so errors can point at it.
 */
final class CsvRecords {
    /** One record: its fields, its original text (without the final line break) and its first line. */
    record Row(List<String> fields, String text, long line) {
    }

    /** A record that cannot be split (a quote never closed); the rest of the file is that record. */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;
        final transient Row row;

        Malformed(String reason, Row row) {
            super(reason, null, false, false);
            this.row = row;
        }
    }

    private final Reader in;
    private final char delimiter;
    private long line = 1;
    private int pushedBack = -2;
    /** Characters read ahead in blocks: a read per character through a Reader cost half the time. */
    private char[] buf;
    private int pos;
    private int len;

    CsvRecords(Reader in, char delimiter) {
        this(in, delimiter, new char[0], 0);
    }

    /** Reads {@code prefix[0..prefixLength)} first (what was read to guess the delimiter), then {@code in}. */
    CsvRecords(Reader in, char delimiter, char[] prefix, int prefixLength) {
        this.in = in;
        this.delimiter = delimiter;
        this.buf = prefixLength > 0 ? prefix : new char[1 << 16];
        this.len = prefixLength;
    }

    /** The next record, or null at the end of the input. Blank lines are skipped. */
    Row next() throws IOException, Malformed {
        while (true) {
            int c = read();
            if (c < 0) {
                return null;
            }
            if (c == '\n') {
                line++;
                continue;
            }
            if (c == '\r') {
                continue;
            }
            unread(c);
            return record();
        }
    }

    private Row record() throws IOException, Malformed {
        long start = line;
        List<String> fields = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            int c = read();
            if (c < 0) {
                if (quoted) {
                    throw new Malformed("a quoted field opened on line " + start + " is never closed",
                            new Row(fields, text.toString(), start));
                }
                fields.add(field.toString());
                return new Row(fields, text.toString(), start);
            }
            if (quoted) {
                text.append((char) c);
                if (c == '"') {
                    int next = read();
                    if (next == '"') {
                        text.append('"');
                        field.append('"');
                    } else {
                        quoted = false;
                        unread(next);
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append((char) c);
                }
                continue;
            }
            if (c == '\n' || c == '\r') {
                if (c == '\r') {
                    int next = read();
                    if (next != '\n') {
                        unread(next);
                    }
                }
                line++;
                fields.add(field.toString());
                return new Row(fields, text.toString(), start);
            }
            text.append((char) c);
            if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '"' && field.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else {
                field.append((char) c);
            }
        }
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        if (pos >= len) {
            if (buf.length < 1 << 16) {
                buf = new char[1 << 16];
            }
            len = in.read(buf, 0, buf.length);
            pos = 0;
            if (len <= 0) {
                len = 0;
                return -1;
            }
        }
        return buf[pos++];
    }

    private void unread(int c) {
        pushedBack = c;
    }
}
