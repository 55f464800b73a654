package eventlens.model;

/**
 * A record that could not be imported: where it is (file, 1-based line and column, 0 when unknown),
 * why, and its raw text (possibly cut short for huge records, see {@link #MAX_RAW}). A
 * {@code warning} reports something about a record that was imported all the same (a trailing
 * comma): it is listed with the errors but not counted as a failure
 * (docs/decisions/0025-comments-counted-trailing-commas-warned.md).
 */
public record ImportError(String file, long line, long column, String reason, String raw, boolean warning) {
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

    /** An error: the record was not imported. */
    public ImportError(String file, long line, long column, String reason, String raw) {
        this(file, line, column, reason, raw, false);
    }

    /** A warning: the record was imported, but {@code reason} is worth knowing. */
    public static ImportError warning(String file, long line, long column, String reason, String raw) {
        return new ImportError(file, line, column, reason, raw, true);
    }
}
