package eventlens.cli;

/**
 * The cells of the commands' text output (tab-separated rows): a tab or a line break inside a field is
 * written as an escape ({@code \t}, {@code \n}, {@code \r}), so one record stays one row and one field
 * one column. JSON output escapes them itself.
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

    /**
     * A field with its tabs and line breaks escaped; the other control characters are escaped on the way
     * out by {@link TerminalSafeWriter}, which every command's output passes through.
     */
    static String cell(String s) {
        return s == null ? "null" : s.replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }
}
