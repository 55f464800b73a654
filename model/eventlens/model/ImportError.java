package eventlens.model;

/**
 * A record that could not be imported: where it is (file, 1-based line and column, 0 when unknown),
 * why, and its raw text (possibly cut short for huge records, see {@link #MAX_RAW}).
 */
public record ImportError(String file, long line, long column, String reason, String raw) {
    /** Raw text longer than this is stored cut, with a marker, so that one bad 50 MB record cannot bloat a project. */
    public static final int MAX_RAW = 1 << 20;

    public ImportError {
        file = file == null ? "" : file;
        reason = reason == null ? "unreadable record" : reason;
        raw = raw == null ? "" : raw;
        if (raw.length() > MAX_RAW) {
            raw = raw.substring(0, MAX_RAW) + "\n[... cut: " + raw.length() + " characters in all]";
        }
    }
}
