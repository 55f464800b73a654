package eventlens.importers.cdc;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Blanks comment lines before the JSON splitter sees them: lines whose first non-blank characters
 * are {@code #} or {@code //}, and {@code /* … *}{@code /} blocks starting a line (the licence
 * headers and {@code # Kafka Message key: …} notes that CDC test files and docs carry). A blanked
 * line keeps its line break, so line numbers in error rows still match the file. A JSON record
 * cannot have a line starting with these characters (strings never span lines), so no record is
 * touched.
 */
final class CommentLines extends FilterInputStream {
    private enum Mode { START, SLASH, PASS, SKIP, BLOCK }

    private static final int[] BOM = {0xEF, 0xBB, 0xBF};

    private final byte[] chunk = new byte[1 << 16];
    private final byte[] out = new byte[2 * chunk.length + 2];
    private int outStart;
    private int outEnd;
    private Mode mode = Mode.START;
    private boolean blockStar;
    private boolean inBlock;
    private long offset;

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
            }
            out[outEnd++] = b;
            mode = inBlock ? Mode.BLOCK : Mode.START;
            return;
        }
        switch (mode) {
            case START -> {
                if (bom || b == ' ' || b == '\t' || b == '\r') {
                    out[outEnd++] = b;
                } else if (b == '#') {
                    mode = Mode.SKIP;
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
                } else if (b == '*') {
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
}
