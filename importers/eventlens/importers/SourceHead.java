package eventlens.importers;

import java.nio.charset.StandardCharsets;

/** Looks at the first bytes of a source, as readers do when they sniff it. */
public final class SourceHead {
    private SourceHead() {
    }

    /**
     * Index of the first byte after a UTF-8 byte-order mark, whitespace and comment lines ({@code #…},
     * {@code //…}, {@code /* … *}{@code /}: a licence header or a note above an export), or -1 when there is
     * none. Readers skip such lines too.
     */
    public static int firstContent(byte[] head) {
        int i = hasBom(head) ? 3 : 0;
        while (true) {
            while (i < head.length && isWhitespace(head[i])) {
                i++;
            }
            if (i < head.length && (head[i] == '#' || (head[i] == '/' && i + 1 < head.length && head[i + 1] == '/'))) {
                while (i < head.length && head[i] != '\n') {
                    i++;
                }
            } else if (i + 1 < head.length && head[i] == '/' && head[i + 1] == '*') {
                int end = indexOf(head, i + 2);
                if (end < 0) {
                    return -1;
                }
                i = end + 2;
            } else {
                return i < head.length ? i : -1;
            }
        }
    }

    /** Index of the next {@code *}{@code /} from {@code from}, or -1. */
    private static int indexOf(byte[] head, int from) {
        for (int i = from; i + 1 < head.length; i++) {
            if (head[i] == '*' && head[i + 1] == '/') {
                return i;
            }
        }
        return -1;
    }

    /** Whether the bytes start with the UTF-8 byte-order mark EF BB BF. */
    public static boolean hasBom(byte[] bytes) {
        return bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
    }

    /** JSON whitespace: space, tab, CR, LF. */
    public static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    /**
     * The first characters of the content, quoted, with control characters and bytes that are not
     * printable shown as {@code \xNN}, for messages such as "starts with ...".
     */
    public static String preview(byte[] head, int maxChars) {
        int start = Math.max(firstContent(head), 0);
        int end = Math.min(head.length, start + maxChars * 4);
        String text = new String(head, start, end - start, StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder("\"");
        int shown = 0;
        for (int i = 0; i < text.length() && shown < maxChars; i++, shown++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7F || c == '\uFFFD') {
                out.append(c == '\uFFFD' ? "\\x??" : String.format("\\x%02X", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
        if (shown < text.length()) {
            out.append(" …");
        }
        return out.toString();
    }
}
