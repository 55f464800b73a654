package eventlens.importers.json;

import java.util.Arrays;

/** A growable byte array holding the record being cut. */
final class ByteBuffer {
    private byte[] bytes = new byte[8192];
    private int length;

    void add(byte b) {
        if (length == bytes.length) {
            bytes = Arrays.copyOf(bytes, bytes.length * 2);
        }
        bytes[length++] = b;
    }

    void add(byte[] from, int start, int count) {
        if (length + count > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + count));
        }
        System.arraycopy(from, start, bytes, length, count);
        length += count;
    }

    byte[] bytes() {
        return bytes;
    }

    int length() {
        return length;
    }

    void clear() {
        length = 0;
        if (bytes.length > (1 << 20)) {
            bytes = new byte[8192]; // do not keep a huge record's buffer for the rest of the import
        }
    }
}
