package eventlens.importers.cdc;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Blanks comment lines before the JSON splitter sees them: lines whose first non-blank characters
 * are {@code #} or {@code //}, and {@code /* … *}{@code /} blocks starting a line (the licence
 * headers and {@code # Kafka Message key: …} notes that CDC test files and docs carry). A blanked
 * line keeps its line break, so line numbers in error rows still match the file. A JSON record
 * cannot have a line starting with these characters (strings never span lines), so no record is
 * touched. {@code # Kafka Message key: …} lines are kept as {@link Note}s for the record below them.
 */
final class CommentLines extends FilterInputStream {
    private enum Mode { START, SLASH, PASS, SKIP, HASH, BLOCK }

    /**
     * A {@code # Kafka Message <name>: <value>} line, as the Debezium docs print a record's key,
     * headers and timestamp above its value; {@code name} in lower case.
     */
    record Note(long line, String name, String value) {
    }

    private static final Pattern NOTE = Pattern.compile("#\\s*Kafka Message (\\w+):\\s*(.*)");
    private static final int MAX_NOTE = 4096;
    private static final int MAX_NOTES = 10_000;

    private static final int[] BOM = {0xEF, 0xBB, 0xBF};

    private final byte[] chunk = new byte[1 << 16];
    private final byte[] out = new byte[2 * chunk.length + 2];
    private int outStart;
    private int outEnd;
    private Mode mode = Mode.START;
    private boolean blockStar;
    private boolean inBlock;
    /** Whether the current line is (or so far is) a comment line. */
    private boolean commentLine;
    private long commentLines;
    private long offset;
    private long line = 1;
    private final ByteArrayOutputStream hashLine = new ByteArrayOutputStream();
    private final Deque<Note> notes = new ArrayDeque<>();

    CommentLines(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (outStart == outEnd) {
            int n = in.read(chunk);
            if (n < 0) {
                if (commentLine) { // a comment on the last line, with no line break after it
                    commentLines++;
                    commentLine = false;
                }
                if (mode == Mode.SLASH) { // a lone '/' at the very end: keep it, it is not a comment
                    mode = Mode.PASS;
                    outStart = 0;
                    outEnd = 0;
                    out[outEnd++] = '/';
                    break;
                }
                return -1;
            }
            outStart = 0;
            outEnd = 0;
            for (int i = 0; i < n; i++) {
                step(chunk[i]);
            }
        }
        int count = Math.min(len, outEnd - outStart);
        System.arraycopy(out, outStart, b, off, count);
        outStart += count;
        return count;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = 0;
        byte[] sink = new byte[4096];
        while (skipped < n) {
            int r = read(sink, 0, (int) Math.min(sink.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public int available() {
        return outEnd - outStart;
    }

    private void step(byte b) {
        boolean bom = mode == Mode.START && offset < 3 && (b & 0xFF) == BOM[(int) offset];
        offset++;
        if (b == '\n') {
            if (mode == Mode.SLASH) {
                out[outEnd++] = '/';
            } else if (mode == Mode.HASH) {
                note();
            }
            line++;
            out[outEnd++] = b;
            if (commentLine) {
                commentLines++;
            }
            commentLine = inBlock;
            mode = inBlock ? Mode.BLOCK : Mode.START;
            return;
        }
        switch (mode) {
            case START -> {
                if (bom || b == ' ' || b == '\t' || b == '\r') {
                    out[outEnd++] = b;
                } else if (b == '#') {
                    mode = Mode.HASH;
                    commentLine = true;
                    hashLine.reset();
                    hashLine.write(b);
                } else if (b == '/') {
                    mode = Mode.SLASH;
                } else {
                    out[outEnd++] = b;
                    mode = Mode.PASS;
                }
            }
            case SLASH -> {
                if (b == '/') {
                    mode = Mode.SKIP;
                    commentLine = true;
                } else if (b == '*') {
                    commentLine = true;
                    inBlock = true;
                    blockStar = false;
                    mode = Mode.BLOCK;
                } else {
                    out[outEnd++] = '/';
                    out[outEnd++] = b;
                    mode = Mode.PASS;
                }
            }
            case PASS -> out[outEnd++] = b;
            case HASH -> {
                if (hashLine.size() < MAX_NOTE) {
                    hashLine.write(b);
                }
            }
            case SKIP -> {
                // the rest of a comment line (or of the line a block ended on) is dropped
            }
            case BLOCK -> {
                if (blockStar && b == '/') {
                    inBlock = false;
                    mode = Mode.SKIP;
                }
                blockStar = b == '*';
            }
        }
    }

    /** Lines blanked as comments so far (all of them once the stream has been read to its end). */
    long commentLines() {
        return commentLines;
    }

    /** The notes from comment lines above {@code recordLine}, taken out (each is handed out once). */
    List<Note> notesBefore(long recordLine) {
        List<Note> taken = new ArrayList<>();
        while (!notes.isEmpty() && notes.peekFirst().line() < recordLine) {
            taken.add(notes.pollFirst());
        }
        return taken;
    }

    private void note() {
        Matcher m = NOTE.matcher(hashLine.toString(StandardCharsets.UTF_8).strip());
        if (m.matches()) {
            if (notes.size() == MAX_NOTES) { // notes with no record after them: keep memory bounded
                notes.pollFirst();
            }
            notes.addLast(new Note(line, m.group(1).toLowerCase(Locale.ROOT), m.group(2).strip()));
        }
    }
}
