package eventlens.model.store;

import java.sql.SQLException;

/**
 * The project file could not be opened, read or written; the message says which and why. When SQLite
 * found the file malformed (its codes CORRUPT and NOTADB), the message starts with
 * {@link #DAMAGED} instead of passing the garbage on as data.
 */
public class StoreException extends RuntimeException {
    /** How a message about a damaged project file starts. */
    public static final String DAMAGED = "this project is damaged";
    private static final long serialVersionUID = 1L;
    private static final int SQLITE_CORRUPT = 11;
    private static final int SQLITE_NOTADB = 26;

    public StoreException(String message, Throwable cause) {
        super(malformed(cause) ? damaged(message) : message, cause);
    }

    public StoreException(String message) {
        super(message);
    }

    /** The message of a damaged project: what failed, and what the user can do. */
    static String damaged(String what) {
        return DAMAGED + " (" + what + "); its events cannot be trusted. Import the logs again into a new project;"
                + " 'sqlite3 FILE .recover' may save part of it";
    }

    /** True when this failure came from a malformed project file. */
    public boolean isDamage() {
        return getMessage() != null && getMessage().startsWith(DAMAGED);
    }

    private static boolean malformed(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof SQLException e && (e.getErrorCode() == SQLITE_CORRUPT || e.getErrorCode() == SQLITE_NOTADB
                    || e.getMessage() != null && e.getMessage().contains(PackedText.UNREADABLE))) {
                return true;
            }
        }
        return false;
    }
}
