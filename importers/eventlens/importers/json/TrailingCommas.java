package eventlens.importers.json;

/**
 * Finds trailing commas in one record's bytes: a comma followed, past whitespace, by a closing
 * bracket or by the end of the record. Commas inside strings do not count.
 */
final class TrailingCommas {
    private TrailingCommas() {
    }

    /** Index of the first trailing comma in {@code bytes[0..length)}, or -1. */
    static int first(byte[] bytes, int length) {
        boolean inString = false;
        boolean escaped = false;
        int comma = -1;
        for (int i = 0; i < length; i++) {
            byte b = bytes[i];
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (b == '\\') {
                    escaped = true;
                } else if (b == '"') {
                    inString = false;
                }
                continue;
            }
            if (isSpace(b)) {
                continue;
            }
            if (comma >= 0 && (b == '}' || b == ']')) {
                return comma;
            }
            comma = b == ',' ? i : -1;
            inString = b == '"';
        }
        return comma;
    }

    /** The length of the record without a final comma (and the whitespace around it), if it ends with one. */
    static int endWithoutFinalComma(byte[] bytes, int length) {
        int end = length;
        while (end > 0 && isSpace(bytes[end - 1])) {
            end--;
        }
        if (end == 0 || bytes[end - 1] != ',') {
            return length;
        }
        end--;
        while (end > 0 && isSpace(bytes[end - 1])) {
            end--;
        }
        return end;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }
}
