package eventlens.cli;

/**
 * The cells of the commands' text output (tab-separated rows): a tab, a line break or another control
 * character inside a field is written as an escape ({@code \t}, {@code \n}, {@code \r}, and a backslash-u escape for the others),
 * so one record stays one row and one field one column. JSON output escapes them itself.
 */
final class TextCells {
    private TextCells() {
    }

    /** One row: the cells escaped and joined by tabs; a null cell is written as it is ("null"). */
    static String row(String... cells) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                b.append('\t');
            }
            b.append(cell(cells[i]));
        }
        return b.toString();
    }

    /** A field with its control characters escaped. */
    static String cell(String s) {
        if (s == null) {
            return "null";
        }
        if (!needsEscape(s)) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> {
                    if (TerminalSafeWriter.unsafe(c)) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    private static boolean needsEscape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r' || TerminalSafeWriter.unsafe(c)) {
                return true;
            }
        }
        return false;
    }
}
