package eventlens.importers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Seeded mutations of an input file, the kinds of damage logs suffer: cut short, bytes flipped, lines
 * repeated, lost or swapped, junk, NUL and invalid UTF-8 inserted, values nested deeply, numbers too big,
 * quotes and brackets changed, and gzip files cut short or flipped. The same seed gives the same mutant.
 */
final class Mutator {
    /** One kind of damage. */
    enum Kind {
        TRUNCATE, FLIP_BYTES, DUPLICATE_LINE, DELETE_LINE, SWAP_LINES, INSERT_JUNK, INSERT_NUL,
        INSERT_INVALID_UTF8, DEEP_NESTING, HUGE_NUMBER, CHANGE_QUOTES_BRACKETS, GZIP_TRUNCATE, GZIP_FLIP;

        /** Whether the mutant is gzip data (read under the original name plus {@code .gz}). */
        boolean gzip() {
            return this == GZIP_TRUNCATE || this == GZIP_FLIP;
        }
    }

    /** A mutant: its kind and bytes. */
    record Mutant(Kind kind, byte[] bytes) {
    }

    private static final byte[][] JUNK = {
            "}{".getBytes(StandardCharsets.US_ASCII), "\"".getBytes(StandardCharsets.US_ASCII),
            "<html>".getBytes(StandardCharsets.US_ASCII), ",,,".getBytes(StandardCharsets.US_ASCII),
            "\\u12".getBytes(StandardCharsets.US_ASCII), "NaN".getBytes(StandardCharsets.US_ASCII),
            "\u202e\ufeff".getBytes(StandardCharsets.UTF_8), "/*".getBytes(StandardCharsets.US_ASCII)};
    private static final byte[][] INVALID_UTF8 = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0x80},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82}};
    private static final byte[] BRACKETS = "\"'{}[]:,".getBytes(StandardCharsets.US_ASCII);

    private final Random random;

    Mutator(long seed) {
        this.random = new Random(seed);
    }

    /** A mutant of {@code original} of a kind picked at random. */
    Mutant mutate(byte[] original) throws IOException {
        Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
        return new Mutant(kind, apply(kind, original));
    }

    private byte[] apply(Kind kind, byte[] in) throws IOException {
        if (in.length == 0) {
            return in;
        }
        return switch (kind) {
            case TRUNCATE -> Arrays.copyOf(in, random.nextInt(in.length));
            case FLIP_BYTES -> flip(in.clone(), 1 + random.nextInt(8));
            case DUPLICATE_LINE -> lines(in, lines -> {
                int i = random.nextInt(lines.size());
                lines.add(random.nextInt(lines.size() + 1), lines.get(i));
            });
            case DELETE_LINE -> lines(in, lines -> lines.remove(random.nextInt(lines.size())));
            case SWAP_LINES -> lines(in, lines -> {
                int a = random.nextInt(lines.size());
                int b = random.nextInt(lines.size());
                byte[] t = lines.get(a);
                lines.set(a, lines.get(b));
                lines.set(b, t);
            });
            case INSERT_JUNK -> insert(in, JUNK[random.nextInt(JUNK.length)]);
            case INSERT_NUL -> insert(in, new byte[1 + random.nextInt(4)]);
            case INSERT_INVALID_UTF8 -> insert(in, INVALID_UTF8[random.nextInt(INVALID_UTF8.length)]);
            case DEEP_NESTING -> deepNesting(in);
            case HUGE_NUMBER -> hugeNumber(in);
            case CHANGE_QUOTES_BRACKETS -> changeBracket(in);
            case GZIP_TRUNCATE -> {
                byte[] gz = gzip(in);
                yield Arrays.copyOf(gz, 1 + random.nextInt(gz.length - 1)); // no byte at all would be an empty input
            }
            case GZIP_FLIP -> flip(gzip(in), 1 + random.nextInt(4));
        };
    }

    private byte[] flip(byte[] bytes, int count) {
        for (int i = 0; i < count; i++) {
            bytes[random.nextInt(bytes.length)] ^= (byte) (1 + random.nextInt(255));
        }
        return bytes;
    }

    private byte[] insert(byte[] in, byte[] what) {
        int at = random.nextInt(in.length + 1);
        byte[] out = new byte[in.length + what.length];
        System.arraycopy(in, 0, out, 0, at);
        System.arraycopy(what, 0, out, at, what.length);
        System.arraycopy(in, at, out, at + what.length, in.length - at);
        return out;
    }

    /** A value nested 3,000 to 20,000 levels deep, after a colon (so in place of a field's value) if there is one. */
    private byte[] deepNesting(byte[] in) {
        int depth = 3_000 + random.nextInt(17_000);
        boolean arrays = random.nextBoolean();
        StringBuilder b = new StringBuilder();
        b.append((arrays ? "[" : "{\"a\":").repeat(depth)).append('1').append((arrays ? "]" : "}").repeat(depth));
        int colon = indexAfter(in, (byte) ':');
        byte[] nested = b.toString().getBytes(StandardCharsets.US_ASCII);
        return colon < 0 ? insert(in, nested) : splice(in, colon + 1, 0, nested);
    }

    /** A run of digits replaced by a number far beyond long and double range. */
    private byte[] hugeNumber(byte[] in) {
        int at = indexAfter(in, (byte) '0', (byte) '9');
        if (at < 0) {
            return insert(in, "1e999999".getBytes(StandardCharsets.US_ASCII));
        }
        String huge = random.nextBoolean() ? "9".repeat(400 + random.nextInt(2_000)) : "1e" + "9".repeat(1 + random.nextInt(12));
        return splice(in, at, 1, huge.getBytes(StandardCharsets.US_ASCII));
    }

    private byte[] changeBracket(byte[] in) {
        byte[] out = in.clone();
        for (int tries = 0; tries < 100; tries++) {
            int i = random.nextInt(out.length);
            if (indexOf(BRACKETS, out[i]) >= 0) {
                out[i] = BRACKETS[random.nextInt(BRACKETS.length)];
                return out;
            }
        }
        return out;
    }

    /** A random position holding a byte in {@code [low, high]}, or -1 when none is found. */
    private int indexAfter(byte[] in, byte low, byte high) {
        int start = random.nextInt(in.length);
        for (int k = 0; k < in.length; k++) {
            int i = (start + k) % in.length;
            if (in[i] >= low && in[i] <= high) {
                return i;
            }
        }
        return -1;
    }

    private int indexAfter(byte[] in, byte b) {
        return indexAfter(in, b, b);
    }

    private static byte[] splice(byte[] in, int at, int remove, byte[] what) {
        byte[] out = new byte[in.length - remove + what.length];
        System.arraycopy(in, 0, out, 0, at);
        System.arraycopy(what, 0, out, at, what.length);
        System.arraycopy(in, at + remove, out, at + what.length, in.length - at - remove);
        return out;
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** Splits at '\n' (each line keeps its '\n'), edits the list, joins again. */
    private static byte[] lines(byte[] in, java.util.function.Consumer<List<byte[]>> edit) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '\n') {
                lines.add(Arrays.copyOfRange(in, start, i + 1));
                start = i + 1;
            }
        }
        if (start < in.length) {
            lines.add(Arrays.copyOfRange(in, start, in.length));
        }
        edit.accept(lines);
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length * 2);
        lines.forEach(out::writeBytes);
        return out.toByteArray();
    }

    private static byte[] gzip(byte[] in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(in);
        }
        return bytes.toByteArray();
    }
}
