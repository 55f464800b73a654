package eventlens.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * What every command writes to the terminal passes through here: control characters that a terminal
 * acts on (escape sequences, bells, backspaces, C1 controls) and the Unicode bidirectional overrides
 * and isolates (U+202A–U+202E, U+2066–U+2069, which reorder what is shown) are written as
 * a backslash, u and four hex digits instead of being obeyed. Tabs and line breaks pass: the commands' own layout uses them,
 * and {@link TextCells} escapes those inside fields. Inside a JSON string the escape is the same string.
 */
final class TerminalSafeWriter extends FilterWriter {
    TerminalSafeWriter(Writer out) {
        super(out);
    }

    /** True for a character that must not reach a terminal as it is. */
    static boolean unsafe(char c) {
        return c < 0x20 && c != '\t' && c != '\n' && c != '\r'
                || c >= 0x7f && c <= 0x9f
                || c >= '\u202a' && c <= '\u202e'
                || c >= '\u2066' && c <= '\u2069';
    }

    @Override
    public void write(int c) throws IOException {
        if (unsafe((char) c)) {
            out.write(String.format("\\u%04x", c));
        } else {
            out.write(c);
        }
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
        int start = off;
        for (int i = off; i < off + len; i++) {
            if (unsafe(buf[i])) {
                out.write(buf, start, i - start);
                out.write(String.format("\\u%04x", (int) buf[i]));
                start = i + 1;
            }
        }
        out.write(buf, start, off + len - start);
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
        write(s.toCharArray(), off, len);
    }
}
