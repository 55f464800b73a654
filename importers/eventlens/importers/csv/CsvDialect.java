package eventlens.importers.csv;

import java.util.ArrayList;
import java.util.List;

/**
 * Guesses the delimiter of delimited text from its first lines: of comma, semicolon, tab and bar, the
 * one that appears (outside quotes) on the header line and the same number of times on most of the next
 * lines. A file whose first lines agree on no delimiter is not delimited text.
 */
final class CsvDialect {
    static final char[] CANDIDATES = {',', '\t', ';', '|'};
    private static final int LINES = 20;

    private CsvDialect() {
    }

    /** The delimiter, or 0 when the text does not look delimited. */
    static char delimiter(String head) {
        List<String> lines = firstLines(head);
        if (lines.size() < 2) {
            return 0; // a header and at least one row
        }
        char best = 0;
        double bestScore = 0;
        for (char d : CANDIDATES) {
            int header = count(lines.get(0), d);
            if (header == 0) {
                continue;
            }
            int agree = 0;
            for (int i = 1; i < lines.size(); i++) {
                if (count(lines.get(i), d) == header) {
                    agree++;
                }
            }
            // Agreement of the data lines first, then more columns: a comma inside text is rarer than
            // the real delimiter on every line.
            double score = (lines.size() == 1 ? 1 : (double) agree / (lines.size() - 1)) * 1000 + header;
            if (score > bestScore) {
                best = d;
                bestScore = score;
            }
        }
        return bestScore >= 500 && looksLikeHeader(lines.get(0), best) ? best : 0;
    }

    /** Column names are short: a line of prose that happens to hold the delimiter is no header. */
    private static boolean looksLikeHeader(String line, char d) {
        for (String cell : line.split(java.util.regex.Pattern.quote(String.valueOf(d)), -1)) {
            String name = cell.strip().replace("\"", "");
            if (name.length() > 64 || name.split("\\s+").length > 3) {
                return false;
            }
        }
        return true;
    }

    private static List<String> firstLines(String head) {
        List<String> out = new ArrayList<>();
        boolean quoted = false;
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < head.length() && out.size() < LINES; i++) {
            char c = head.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if ((c == '\n') && !quoted) {
                if (!line.toString().isBlank()) {
                    out.add(line.toString());
                }
                line.setLength(0);
            } else if (c != '\r') {
                line.append(c);
            }
        }
        // The last line of a 64 KiB head may be cut: only a head that ends the file keeps it.
        if (out.isEmpty() && !line.toString().isBlank()) {
            out.add(line.toString());
        }
        return out;
    }

    /** Occurrences of {@code d} outside double quotes. */
    static int count(String line, char d) {
        int n = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == d && !quoted) {
                n++;
            }
        }
        return n;
    }
}
