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
     * The first characters of the content, quoted, with control characters, and bytes that are not part of a UTF-8
     * character, shown as {@code \xNN}, for messages such as "starts with ...".
     */
    public static String preview(byte[] head, int maxChars) {
        int at = Math.max(firstContent(head), 0);
        StringBuilder out = new StringBuilder("\"");
        int shown = 0;
        while (at < head.length && shown < maxChars) {
            int length = utf8Length(head, at);
            if (length == 0) {
                out.append(String.format("\\x%02X", head[at] & 0xFF));
                at++;
            } else {
                String c = new String(head, at, length, StandardCharsets.UTF_8);
                out.append(c.length() == 1 && (c.charAt(0) < 0x20 || c.charAt(0) == 0x7F)
                        ? String.format("\\x%02X", (int) c.charAt(0)) : c);
                at += length;
            }
            shown++;
        }
        out.append('"');
        if (at < head.length) {
            out.append(" …");
        }
        return out.toString();
    }

    /** The length of the well-formed UTF-8 character at {@code at}; 0 when the byte there does not begin one. */
    private static int utf8Length(byte[] b, int at) {
        int lead = b[at] & 0xFF;
        if (lead < 0x80) {
            return 1;
        }
        int length = lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3 : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
        if (length == 0 || at + length > b.length) {
            return 0;
        }
        for (int i = 1; i < length; i++) {
            if ((b[at + i] & 0xC0) != 0x80) {
                return 0;
            }
        }
        // overlong forms, surrogates and code points past U+10FFFF
        int second = b[at + 1] & 0xFF;
        boolean bad = lead == 0xE0 && second < 0xA0 || lead == 0xED && second > 0x9F
                || lead == 0xF0 && second < 0x90 || lead == 0xF4 && second > 0x8F;
        return bad ? 0 : length;
    }
}
