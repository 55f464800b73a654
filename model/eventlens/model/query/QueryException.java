package eventlens.model.query;

/**
 * A query that cannot be understood: where (a 1-based column of the query text) and why (a short
 * reason that names the term and says what is allowed). Callers show both, so that no query is ever
 * answered with a silently empty result.
 */
public class QueryException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int column;
    private final int length;
    private final String reason;

    /** An error at {@code column} (1-based) of a query text. */
    public QueryException(int column, String reason) {
        this(column, 1, reason);
    }

    /**
     * An error spanning {@code length} characters from {@code column} (1-based) of a query text: what the
     * filter bar underlines.
     */
    public QueryException(int column, int length, String reason) {
        super("column " + column + ": " + reason);
        if (column < 1) {
            throw new IllegalArgumentException("column " + column);
        }
        this.column = column;
        this.length = Math.max(1, length);
        this.reason = reason;
    }

    /**
     * An error in a single value that is not part of a query text (a command-line option such as
     * {@code --at}): the message is the reason alone and {@link #column()} is 0.
     */
    public QueryException(String reason) {
        super(reason);
        this.column = 0;
        this.length = 0;
        this.reason = reason;
    }

    /** The 1-based column of the query text where the error is; 0 when the value was not part of a query. */
    public int column() {
        return column;
    }

    /** How many characters from {@link #column()} are wrong (at least 1); 0 when the value was not part of a query. */
    public int length() {
        return length;
    }

    /** What is wrong, without the column. */
    public String reason() {
        return reason;
    }
}
