package eventlens.importers;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * The content of an input: its bytes, decompressed when they start with the gzip magic bytes.
 *
 * <p>Damaged gzip data (a stream cut short, corrupt deflate blocks, a trailer whose CRC or length does not
 * match, a header that cannot be read) ends the content where the damage is instead of failing the read:
 * the bytes decompressed before it are read as usual and {@link #damage()} says what was wrong and where,
 * for an error row. So one bad {@code .gz} loses neither the records before its damage nor the other
 * files of the import. Failures of the underlying file are still thrown.
 */
final class DecodedInput extends InputStream {
    private static final int GZIP_BUFFER = 1 << 16;

    private final InputStream content;
    private final Counted compressed;
    private final Gunzip gunzip;
    private long lines = 1;
    private String damage;

    private DecodedInput(InputStream content, Counted compressed, Gunzip gunzip, String damage) {
        this.content = content;
        this.compressed = compressed;
        this.gunzip = gunzip;
        this.damage = damage;
    }

    /** Reads {@code in} as it is, or decompressed when it starts with the gzip magic bytes 1F 8B. */
    static DecodedInput of(InputStream in) throws IOException {
        Counted counted = new Counted(in);
        counted.mark(2);
        int first = counted.read();
        int second = counted.read();
        counted.reset();
        if (first != 0x1f || second != 0x8b) {
            return new DecodedInput(counted, null, null, null);
        }
        try {
            Gunzip gunzip = new Gunzip(counted);
            return new DecodedInput(gunzip, counted, gunzip, null);
        } catch (EOFException | ZipException e) {
            return new DecodedInput(InputStream.nullInputStream(), counted, null,
                    "not a readable gzip file: its header is damaged (" + e.getMessage() + ")");
        }
    }

    /** Whether the input is gzip data. */
    boolean gzip() {
        return compressed != null;
    }

    /**
     * What ended the content early, once the content has been read to its end: the reason for an error row
     * and the 1-based line of the content where it happened; empty when the input was whole.
     */
    Optional<Damage> damage() {
        return damage == null ? Optional.empty() : Optional.of(new Damage(damage, lines));
    }

    /** Damage found in gzip data: a reason and the line of the decompressed content where it was found. */
    record Damage(String reason, long line) {
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (damage != null) {
            return -1;
        }
        int n;
        try {
            n = content.read(b, off, len);
        } catch (EOFException e) {
            damage = "gzip stream truncated at byte " + position() + " (the content before it was kept)";
            return -1;
        } catch (ZipException e) {
            damage = "Corrupt GZIP trailer".equals(e.getMessage())
                    ? "gzip trailer CRC or length mismatch at byte " + position() + ": the content may be damaged"
                    : "gzip data damaged at byte " + position() + " (" + e.getMessage() + "); the content before it was kept";
            return -1;
        }
        if (gunzip != null) {
            for (int i = off; i < off + n; i++) {
                if (b[i] == '\n') {
                    lines++;
                }
            }
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        content.close();
    }

    /** Compressed bytes consumed so far: those read from the file less those the inflater holds unused. */
    private long position() {
        return compressed.count - (gunzip == null ? 0 : gunzip.unused());
    }

    /** A gzip stream that tells how many compressed bytes it holds but has not inflated yet. */
    private static final class Gunzip extends GZIPInputStream {
        Gunzip(InputStream in) throws IOException {
            super(in, GZIP_BUFFER);
        }

        long unused() {
            try {
                return inf.getRemaining();
            } catch (NullPointerException e) {
                return 0; // the inflater was already released
            }
        }
    }

    /** Counts the bytes read through it; marks over two bytes for the magic check. */
    private static final class Counted extends FilterInputStream {
        long count;

        Counted(InputStream in) {
            super(in.markSupported() ? in : new java.io.BufferedInputStream(in, 2));
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public synchronized void reset() throws IOException {
            super.reset();
            count = 0;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }
}
