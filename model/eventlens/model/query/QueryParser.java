package eventlens.model.query;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the filter language of the GUI's filter bars and the command line's {@code --where}:
 *
 * <pre>type:payment.* AND is:failed after:-1d
 * (type:order.* OR source:billing) NOT corr:test-*
 * data.items[0].sku=SKU-1 metadata.userId~^u-[0-9]+$ -"health check"
 * causedby:evt-1 AND is:failed</pre>
 *
 * <p>Grammar, loosest first: {@code OR}, then {@code AND} (or terms side by side), then {@code NOT} (or a
 * {@code -} glued to the term), then a term or a parenthesised query. The boolean words are upper case;
 * lower-case {@code and or not} are words to search for.
 *
 * <p>Terms:
 * <ul>
 *   <li>{@code type: source: corr: cause: id: aggtype:} — equal, or a glob with {@code *} and {@code ?};
 *       {@code agg:} the aggregate id, or {@code agg:Order/123} type and id;</li>
 *   <li>{@code after:} (inclusive) {@code before:} (exclusive) — ISO-8601 date or date-time (UTC unless an
 *       offset is given), epoch milliseconds, or {@code -15m -2h -1d -1w -30s}: before the log's last event
 *       (resolved by the store when the query runs);</li>
 *   <li>{@code data.PATH} and {@code metadata.PATH} with {@code = != < <= > >=} or {@code :} (equals) or
 *       {@code ~} (regular expression, at most {@value QueryTerms#MAX_PATTERN} characters, found anywhere in
 *       the value); a path is names joined by dots with array indexes ({@code data.items[0].sku}); the
 *       ordering operators need a number or a time;</li>
 *   <li>{@code has:causation|correlation|aggregate}, {@code is:orphan|duplicate|failed|deadletter|invalid|replay}
 *       ({@code is:replay}: the record says it was re-sent on purpose, {@link eventlens.model.ReplayMark};
 *       {@code is:invalid} needs a validation of the project against JSON Schema files first);</li>
 *   <li>{@code schema:TYPE@VERSION} — events of a type that declare that schema version ({@code @v2} is
 *       {@code @2}); {@code schema:TYPE} its events that declare none; either part may be a glob;</li>
 *   <li>{@code causedby:ID} (every descendant), {@code causes:ID} (every ancestor to the root),
 *       {@code flow:ID} (the flow of an event or a correlation id);</li>
 *   <li>any other word or a {@code "quoted phrase"}: the raw record contains it (case-sensitive).</li>
 * </ul>
 *
 * <p>Nothing the parser does not understand becomes a silently empty result: every mistake is a
 * {@link QueryException} with the 1-based column (and span) where it is and what was expected
 * (docs/decisions/0015, 0038).
 */
public final class QueryParser {
    /**
     * The most terms a query may have: each becomes conditions of one SQL statement, and SQLite refuses
     * an expression deeper than 1,000 ("Expression tree is too large") only when the query runs.
     */
    public static final int MAX_TERMS = 100;
    /** The deepest nesting of parentheses and {@code NOT}s. */
    public static final int MAX_DEPTH = 32;
    private static final String TIME_EXAMPLES = "write e.g. 2024-01-15, 2024-01-15T10:30 or 2024-01-15T10:30:00Z";

    private final List<Token> tokens;
    private final int end;
    private int next;
    private int terms;
    private int depth;

    private QueryParser(List<Token> tokens, int end) {
        this.tokens = tokens;
        this.end = end;
    }

    /** The query for {@code text}; blank text selects everything. */
    public static EventQuery parse(String text) throws QueryException {
        if (text == null || text.isBlank()) {
            return EventQuery.ALL;
        }
        QueryParser p = new QueryParser(QueryTokens.of(text), text.length() + 1);
        QueryExpr tree = p.or();
        if (p.next < p.tokens.size()) {
            Token t = p.tokens.get(p.next);
            throw new QueryException(t.column(), "unexpected ')': there is no '(' before it to close");
        }
        return EventQuery.of(tree);
    }

    /** The filter keys, in the order the help lists them ({@code type}, {@code source}, …). */
    public static List<String> keys() {
        return List.copyOf(QueryTerms.KEYS.keySet());
    }

    /** What {@code has:} or {@code is:} take. */
    public static List<String> flags(String key) {
        return QueryTerms.flagValues(key);
    }

    /**
     * The value of {@code schema:} that selects a type's events declaring {@code version} (null: none), quoted
     * where the parser needs it: {@code OrderPlaced@2}, {@code "Order Placed"@2}.
     */
    public static String schemaValue(String type, String version) {
        return QueryTerms.schemaValue(type, version);
    }

    /** A point in time from a query value: ISO date or date-time (UTC unless an offset is given) or epoch millis. */
    public static Instant time(String value, String term) throws QueryException {
        try {
            return QueryTerms.parseTime(value);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new QueryException("'" + term + "': not a time; " + TIME_EXAMPLES);
        }
    }

    private QueryExpr or() throws QueryException {
        List<QueryExpr> children = new ArrayList<>();
        children.add(and());
        while (at(Token.Kind.OR)) {
            Token or = tokens.get(next++);
            expectOperand(or);
            children.add(and());
        }
        return children.size() == 1 ? children.get(0) : new QueryExpr.Or(flatten(children, true));
    }

    private QueryExpr and() throws QueryException {
        List<QueryExpr> children = new ArrayList<>();
        children.add(unary());
        while (true) {
            if (at(Token.Kind.AND)) {
                Token and = tokens.get(next++);
                expectOperand(and);
            } else if (!startsOperand()) {
                break;
            }
            children.add(unary());
        }
        return children.size() == 1 ? children.get(0) : new QueryExpr.And(flatten(children, false));
    }

    private QueryExpr unary() throws QueryException {
        if (at(Token.Kind.NOT) || at(Token.Kind.MINUS)) {
            Token not = tokens.get(next++);
            expectOperand(not);
            nest(not);
            QueryExpr child = unary();
            depth--;
            return child instanceof QueryExpr.Not n ? n.child() : new QueryExpr.Not(child);
        }
        return primary();
    }

    private QueryExpr primary() throws QueryException {
        if (next >= tokens.size()) {
            throw new QueryException(end, "the query ends where a term was expected");
        }
        Token t = tokens.get(next);
        switch (t.kind()) {
            case OPEN -> {
                next++;
                nest(t);
                if (at(Token.Kind.CLOSE)) {
                    throw new QueryException(t.column(), 2, "empty parentheses: put a term between them");
                }
                QueryExpr inside = or();
                if (!at(Token.Kind.CLOSE)) {
                    throw new QueryException(t.column(), "this '(' is never closed: expected ')' by the end of the query");
                }
                next++;
                depth--;
                return inside;
            }
            case TERM, PHRASE -> {
                next++;
                if (++terms > MAX_TERMS) {
                    throw new QueryException(t.column(), "too many terms: a query has at most " + MAX_TERMS);
                }
                return t.kind() == Token.Kind.PHRASE ? new QueryExpr.Text(t.text(), t.column())
                        : QueryTerms.term(t.text(), t.column());
            }
            case CLOSE -> throw new QueryException(t.column(), "unexpected ')': expected a term");
            default -> throw new QueryException(t.column(), t.text().length(), "'" + t.text()
                    + "' needs a term before it; write e.g. type:a " + t.text() + " type:b");
        }
    }

    private void nest(Token t) throws QueryException {
        if (++depth > MAX_DEPTH) {
            throw new QueryException(t.column(), "nested too deeply: at most " + MAX_DEPTH + " parentheses and NOTs");
        }
    }

    /** After a boolean word or '-', a term, '(' or NOT must follow. */
    private void expectOperand(Token operator) throws QueryException {
        if (startsOperand()) {
            return;
        }
        String what = operator.kind() == Token.Kind.MINUS ? "'-'" : "'" + operator.text() + "'";
        if (next >= tokens.size()) {
            throw new QueryException(operator.column(), operator.text().length(), what
                    + " at the end of the query: expected a term after it");
        }
        Token t = tokens.get(next);
        throw new QueryException(t.column(), Math.max(1, t.text().length()), "expected a term after " + what
                + " at column " + operator.column() + ", found '" + (t.kind() == Token.Kind.CLOSE ? ")" : t.text()) + "'");
    }

    private boolean startsOperand() {
        if (next >= tokens.size()) {
            return false;
        }
        return switch (tokens.get(next).kind()) {
            case TERM, PHRASE, OPEN, NOT, MINUS -> true;
            default -> false;
        };
    }

    private boolean at(Token.Kind kind) {
        return next < tokens.size() && tokens.get(next).kind() == kind;
    }

    /** {@code a AND (b AND c)} is {@code a AND b AND c}: one level per operator keeps the SQL shallow. */
    private static List<QueryExpr> flatten(List<QueryExpr> children, boolean or) {
        List<QueryExpr> out = new ArrayList<>();
        for (QueryExpr c : children) {
            if (or && c instanceof QueryExpr.Or o) {
                out.addAll(o.children());
            } else if (!or && c instanceof QueryExpr.And a) {
                out.addAll(a.children());
            } else {
                out.add(c);
            }
        }
        return out;
    }

    /** A piece of query text, at its 1-based column. */
    record Token(Kind kind, String text, int column) {
        enum Kind {
            TERM, PHRASE, OPEN, CLOSE, AND, OR, NOT, MINUS
        }
    }
}
