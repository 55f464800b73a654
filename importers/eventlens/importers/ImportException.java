package eventlens.importers;

import eventlens.model.ImportError;

/**
 * The one checked exception of every reader: a record (or a whole source) could not be read.
 * Carries the file, the 1-based line and column (0 when unknown) and a short reason a person can
 * act on.
 */
public class ImportException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final long line;
    private final long column;
    private final String reason;

    public ImportException(String file, long line, long column, String reason) {
        this(file, line, column, reason, null);
    }

    public ImportException(String file, long line, long column, String reason, Throwable cause) {
        super(file + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "") + ": " + reason, cause);
        this.file = file;
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    public String file() {
        return file;
    }

    public long line() {
        return line;
    }

    public long column() {
        return column;
    }

    /** The short reason, without the location. */
    public String reason() {
        return reason;
    }

    /** This failure as an import-error row holding the record's raw text. */
    public ImportError toError(String raw) {
        return new ImportError(file, line, column, reason, raw);
    }
}
