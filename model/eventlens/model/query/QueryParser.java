package eventlens.model.query;

import eventlens.model.query.EventQuery.DataCondition;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Parses the filter language of the GUI and the command line:
 *
 * <pre>type:order.* source:payment corr:txn-1 cause:evt-9 agg:order-17 aggtype:Order id:evt-1
 * after:2024-01-15T10:30 before:2024-01-16 data.total&gt;100 "timeout"</pre>
 *
 * Terms are separated by spaces and all must hold (AND); a value with spaces goes in double quotes. A
 * bare word or quoted phrase searches the raw record text. Times are ISO-8601 (date, date-time with or
 * without seconds, with or without an offset; UTC when none) or epoch milliseconds. {@code data.PATH}
 * compares a data field with {@code = != > >= < <=} or {@code :} (equals); the ordering operators need
 * a number or a time.
 *
 * <p>Nothing the parser does not understand becomes a silently empty result: every mistake is a
 * {@link QueryException} with the 1-based column where it is. In particular the upper-case words
 * {@code AND OR NOT} and unquoted parentheses are reserved for boolean queries, which are not supported
 * yet, and a word followed by a colon must be a known filter (see docs/decisions/0015).
 */
public final class QueryParser {
    static final String NO_BOOLEANS =
            "boolean operators are not supported yet; terms are ANDed — write them side by side";
    private static final Set<String> BOOLEAN_WORDS = Set.of("AND", "OR", "NOT");
    private static final List<String> OPERATORS = List.of(">=", "<=", "!=", "=", ">", "<", ":");
    private static final Map<String, String> EXAMPLES = Map.of("type", "type:order.*", "source", "source:payment",
            "corr", "corr:txn-1", "cause", "cause:evt-9", "agg", "agg:order-17", "aggtype", "aggtype:Order",
            "id", "id:evt-1", "after", "after:2024-01-15T10:30", "before", "before:2024-01-16");
    /**
     * The most terms a query may have: each becomes conditions of one SQL statement, and SQLite refuses
     * an expression deeper than 1,000 ("Expression tree is too large") only when the query runs.
     */
    public static final int MAX_TERMS = 100;
    private static final String TIME_EXAMPLES = "write e.g. 2024-01-15, 2024-01-15T10:30 or 2024-01-15T10:30:00Z";

    private QueryParser() {
    }

    /** The query for {@code text}; blank text selects everything. */
    public static EventQuery parse(String text) throws QueryException {
        Builder b = new Builder();
        if (text == null) {
            return EventQuery.ALL;
        }
        int at = 0;
        int n = text.length();
        int terms = 0;
        while (at < n) {
            char c = text.charAt(at);
            if (!Character.isWhitespace(c) && ++terms > MAX_TERMS) {
                throw new QueryException(at + 1, "too many terms: a query has at most " + MAX_TERMS);
            }
            if (Character.isWhitespace(c)) {
                at++;
            } else if (c == '"') {
                int end = closingQuote(text, at + 1);
                if (end < 0) {
                    throw unclosedQuote(at);
                }
                String phrase = unescape(text.substring(at + 1, end));
                if (phrase.isEmpty()) {
                    throw new QueryException(at + 1, "empty quotes search for nothing; put the text between them");
                }
                b.texts.add(phrase);
                at = end + 1;
            } else {
                int end = endOfTerm(text, at);
                term(b, text.substring(at, end), at + 1);
                at = end;
            }
        }
        return b.build();
    }

    /** The end of the unquoted term at {@code from}: the next space outside quotes. */
    private static int endOfTerm(String text, int from) throws QueryException {
        int openQuote = -1;
        int at = from;
        while (at < text.length() && (openQuote >= 0 || !Character.isWhitespace(text.charAt(at)))) {
            char c = text.charAt(at);
            if (c == '\\') {
                at = Math.min(at + 2, text.length());
                continue;
            }
            if (c == '"') {
                openQuote = openQuote >= 0 ? -1 : at;
            } else if (openQuote < 0 && (c == '(' || c == ')')) {
                throw new QueryException(at + 1, "'" + c + "': " + NO_BOOLEANS + " (quote a parenthesis to search for it)");
            }
            at++;
        }
        if (openQuote >= 0) {
            throw unclosedQuote(openQuote);
        }
        return at;
    }

    private static QueryException unclosedQuote(int at) {
        return new QueryException(at + 1, "unclosed quote: the \" here has no closing \"");
    }

    private static void term(Builder b, String term, int column) throws QueryException {
        if (BOOLEAN_WORDS.contains(term)) {
            throw new QueryException(column, "'" + term + "': " + NO_BOOLEANS);
        }
        if (term.regionMatches(true, 0, "data.", 0, 5)) {
            b.data.add(data(term, column));
            return;
        }
        int colon = term.indexOf(':');
        if (colon <= 0 || !isWord(term.substring(0, colon)) || term.startsWith("//", colon + 1)) {
            // "10:30", "a.b:c" or a URL: text to search for, not a filter.
            b.texts.add(term);
            return;
        }
        String key = term.substring(0, colon).toLowerCase(Locale.ROOT);
        String example = EXAMPLES.get(canonical(key));
        if (example == null) {
            throw new QueryException(column, "unknown filter '" + key + ":'; use type: source: corr: cause: agg: "
                    + "aggtype: id: after: before: data.FIELD>N, or quote it to search for the text: \"" + term + "\"");
        }
        int valueColumn = column + colon + 1;
        String value = stripQuotes(term.substring(colon + 1));
        if (value.isEmpty()) {
            throw new QueryException(valueColumn, "'" + key + ":' has no value; write e.g. " + example);
        }
        switch (canonical(key)) {
            case "type" -> b.types.add(value);
            case "source" -> b.sources.add(value);
            case "corr" -> b.correlations.add(value);
            case "cause" -> b.causations.add(value);
            case "agg" -> b.aggregates.add(value);
            case "aggtype" -> b.aggregateTypes.add(value);
            case "id" -> b.ids.add(value);
            case "after" -> b.after = timeAt(value, key + ":", valueColumn);
            case "before" -> b.before = timeAt(value, key + ":", valueColumn);
            default -> throw new IllegalStateException(key);
        }
    }

    private static String canonical(String key) {
        return switch (key) {
            case "src" -> "source";
            case "correlation" -> "corr";
            case "causation" -> "cause";
            case "aggregate" -> "agg";
            default -> key;
        };
    }

    private static boolean isWord(String s) {
        return s.chars().allMatch(c -> c < 128 && Character.isLetter(c));
    }

    /** {@code data.PATH OP VALUE}, each part checked so that the error points at the part that is wrong. */
    private static DataCondition data(String term, int column) throws QueryException {
        int at = 5;
        while (at < term.length() && isPathChar(term.charAt(at))) {
            at++;
        }
        String path = term.substring(5, at);
        if (path.isEmpty()) {
            throw new QueryException(column + 5, "'data.' needs a field name; write e.g. data.total>100");
        }
        checkPath(path, column + 5);
        if (at == term.length()) {
            throw new QueryException(column + at, "'" + term + "' needs a comparison, e.g. " + term + "=VALUE or "
                    + term + ">100; quote it to search for the text");
        }
        String rest = term.substring(at);
        String operator = OPERATORS.stream().filter(rest::startsWith).findFirst().orElse(null);
        if (operator == null) {
            throw new QueryException(column + at, "unexpected '" + rest.charAt(0) + "' after data." + path
                    + "; compare with = != > >= < <= or :");
        }
        int valueAt = at + operator.length();
        String raw = term.substring(valueAt);
        int valueColumn = column + valueAt;
        if (raw.isEmpty()) {
            throw new QueryException(valueColumn, "'" + term + "' needs a value after '" + operator + "'");
        }
        if ("<>=!".indexOf(raw.charAt(0)) >= 0) {
            throw new QueryException(column + at, "'" + operator + raw.charAt(0) + "' is not an operator; use = != > >= < <= or :");
        }
        String value = stripQuotes(raw);
        String op = operator.equals(":") ? "=" : operator;
        if (op.startsWith("<") || op.startsWith(">")) {
            if (!isNumber(value) && !isTime(value)) {
                throw new QueryException(valueColumn, "'" + op + "' needs a number or a time, and '" + value
                        + "' is neither; to compare text use = or !=");
            }
        }
        return new DataCondition(path, op, value);
    }

    /**
     * A path is field names joined by dots, each name optionally followed by array indexes:
     * {@code items[0].sku}. Anything else would reach SQLite as a bad JSON path and fail only when run.
     */
    private static void checkPath(String path, int column) throws QueryException {
        int i = 0;
        int n = path.length();
        while (true) {
            int start = i;
            while (i < n && isNameChar(path.charAt(i))) {
                i++;
            }
            if (i == start) {
                throw new QueryException(column + i, (i < n ? "'" + path.charAt(i) + "'" : "the end")
                        + " where a field name should be in data." + path + "; write e.g. data.items[0].sku");
            }
            while (i < n && path.charAt(i) == '[') {
                int digits = i + 1;
                while (digits < n && Character.isDigit(path.charAt(digits))) {
                    digits++;
                }
                if (digits == i + 1 || digits >= n || path.charAt(digits) != ']' || digits - i - 1 > 9) {
                    throw new QueryException(column + i, "an array index is [N] with N a whole number below a billion,"
                            + " in data." + path);
                }
                i = digits + 1;
            }
            if (i == n) {
                return;
            }
            if (path.charAt(i) != '.') {
                throw new QueryException(column + i, "unexpected '" + path.charAt(i) + "' in data." + path
                        + "; a path is names joined by dots, e.g. data.items[0].sku");
            }
            i++;
        }
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-';
    }

    private static boolean isPathChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '[' || c == ']' || c == '-';
    }

    private static boolean isNumber(String value) {
        try {
            new BigDecimal(value);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isTime(String value) {
        try {
            parseTime(value);
            return true;
        } catch (DateTimeParseException | NumberFormatException e) {
            return false;
        }
    }

    /** A point in time from a query value: ISO date or date-time (UTC unless an offset is given) or epoch millis. */
    public static Instant time(String value, String term) throws QueryException {
        try {
            return parseTime(value);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new QueryException("'" + term + "': not a time; " + TIME_EXAMPLES);
        }
    }

    private static Instant timeAt(String value, String key, int column) throws QueryException {
        try {
            return parseTime(value);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new QueryException(column, "'" + key + value + "': not a time; " + TIME_EXAMPLES);
        }
    }

    private static Instant parseTime(String value) {
        if (value.chars().allMatch(Character::isDigit) && value.length() > 8) {
            return Instant.ofEpochMilli(Long.parseLong(value));
        }
        if (value.length() == 10) {
            return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        String v = value.replace(' ', 'T');
        if (v.endsWith("Z") || v.matches(".*[+-]\\d{2}:?\\d{2}$")) {
            return OffsetDateTime.parse(v.matches(".*[+-]\\d{4}$")
                    ? v.substring(0, v.length() - 2) + ":" + v.substring(v.length() - 2) : v).toInstant();
        }
        return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
    }

    private static int closingQuote(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (text.charAt(i) == '\\') {
                i++;
            } else if (text.charAt(i) == '"') {
                return i;
            }
        }
        return -1;
    }

    private static String stripQuotes(String v) {
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? unescape(v.substring(1, v.length() - 1)) : v;
    }

    private static String unescape(String v) {
        return v.replace("\\\"", "\"").replace("\\\\", "\\");
    }

    private static final class Builder {
        final List<String> types = new ArrayList<>();
        final List<String> sources = new ArrayList<>();
        final List<String> correlations = new ArrayList<>();
        final List<String> causations = new ArrayList<>();
        final List<String> aggregates = new ArrayList<>();
        final List<String> aggregateTypes = new ArrayList<>();
        final List<String> ids = new ArrayList<>();
        final List<String> texts = new ArrayList<>();
        final List<DataCondition> data = new ArrayList<>();
        Instant after;
        Instant before;

        EventQuery build() {
            return new EventQuery(types, sources, correlations, causations, aggregates, aggregateTypes, ids,
                    after, before, texts, data);
        }
    }
}
