package eventlens.importers.json;

import java.io.IOException;
import java.io.InputStream;

/**
 * JSON lines: every non-blank line is a record. A UTF-8 byte-order mark at the start is skipped, a
 * line's trailing CR is dropped, and lines starting with {@code //} or {@code #} are comments,
 * skipped and counted. A bad line never affects the next one.
 */
final class LineSplitter implements RecordSplitter {
    private final InputStream in;
    private final int maxRecord;
    private final ByteBuffer line = new ByteBuffer();

    LineSplitter(InputStream in) {
        this(in, MAX_RECORD);
    }

    /** A splitter with a smaller record limit, for tests. */
    LineSplitter(InputStream in, int maxRecord) {
        this.in = in;
        this.maxRecord = maxRecord;
    }

    @Override
    public void split(RecordHandler handler) throws IOException {
        byte[] chunk = new byte[1 << 16];
        long offset = 0;
        long lineStart = 0;
        long lineNumber = 1;
        long lineLength = 0;
        boolean first = true;
        int n;
        while ((n = in.read(chunk)) > 0) {
            int start = 0;
            if (first) {
                first = false;
                if (n >= 3 && (chunk[0] & 0xFF) == 0xEF && (chunk[1] & 0xFF) == 0xBB && (chunk[2] & 0xFF) == 0xBF) {
                    start = 3;
                    lineStart = 3;
                }
            }
            for (int i = Newlines.next(chunk, start, n); i < n; i = Newlines.next(chunk, i + 1, n)) {
                if (lineLength == 0 && i - start <= maxRecord) {
                    finish(handler, chunk, start, i - start, lineNumber, lineStart); // whole line in chunk: no copy
                } else {
                    lineLength += keep(chunk, start, i - start, lineLength);
                    finish(handler, lineNumber, lineStart, lineLength);
                }
                lineNumber++;
                lineStart = offset + i + 1;
                lineLength = 0;
                start = i + 1;
            }
            lineLength += keep(chunk, start, n - start, lineLength);
            offset += n;
        }
        finish(handler, lineNumber, lineStart, lineLength);
    }

    /** Keeps bytes of the current line while it is under the limit; returns how many it saw. */
    private long keep(byte[] chunk, int start, int count, long lineLength) {
        long room = maxRecord - lineLength;
        if (room > 0) {
            line.add(chunk, start, (int) Math.min(count, room));
        }
        return count;
    }

    /** Hands on the line collected in the buffer (possibly too long). */
    private void finish(RecordHandler handler, long lineNumber, long lineStart, long lineLength) {
        if (lineLength > maxRecord) {
            handler.tooLong(line.bytes(), Math.min(line.length(), TOO_LONG_HEAD), lineNumber, 1, maxRecord);
        } else {
            finish(handler, line.bytes(), 0, line.length(), lineNumber, lineStart);
        }
        line.clear();
    }

    /** Hands on {@code bytes[from..from+length)} unless it is blank or a comment. */
    private static void finish(RecordHandler handler, byte[] bytes, int from, int length, long lineNumber, long lineStart) {
        int end = from + length;
        if (end > from && bytes[end - 1] == '\r') {
            end--;
        }
        int first = from;
        while (first < end && (bytes[first] == ' ' || bytes[first] == '\t' || bytes[first] == '\r')) {
            first++;
        }
        if (first == end) {
            return;
        }
        if (isComment(bytes, first, end)) {
            handler.comment(lineNumber);
            return;
        }
        handler.record(bytes, from, end - from, lineNumber, 1, lineStart);
    }

    private static boolean isComment(byte[] bytes, int first, int end) {
        return bytes[first] == '#' || (bytes[first] == '/' && first + 1 < end && bytes[first + 1] == '/');
    }
}
