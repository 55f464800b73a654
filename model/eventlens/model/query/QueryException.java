package eventlens.model.query;

/**
 * A query that cannot be understood: where (a 1-based column of the query text) and why (a short
 * reason that names the term and says what is allowed). Callers show both, so that no query is ever
 * answered with a silently empty result.
 */
public class QueryException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int column;
    private final String reason;

    /** An error at {@code column} (1-based) of a query text. */
    public QueryException(int column, String reason) {
        super("column " + column + ": " + reason);
        if (column < 1) {
            throw new IllegalArgumentException("column " + column);
        }
        this.column = column;
        this.reason = reason;
    }

    /**
     * An error in a single value that is not part of a query text (a command-line option such as
     * {@code --at}): the message is the reason alone and {@link #column()} is 0.
     */
    public QueryException(String reason) {
        super(reason);
        this.column = 0;
        this.reason = reason;
    }

    /** The 1-based column of the query text where the error is; 0 when the value was not part of a query. */
    public int column() {
        return column;
    }

    /** What is wrong, without the column. */
    public String reason() {
        return reason;
    }
}
