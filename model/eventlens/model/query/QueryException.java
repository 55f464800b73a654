package eventlens.model.query;

/** A query that cannot be understood; the message names the term and says what is allowed. */
public class QueryException extends Exception {
    private static final long serialVersionUID = 1L;

    public QueryException(String message) {
        super(message);
    }
}
