package eventlens.model.query;

import eventlens.model.query.QueryExpr.Body;
import eventlens.model.query.QueryExpr.Field;
import eventlens.model.query.QueryExpr.Flag;
import eventlens.model.query.QueryExpr.Relation;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One term of a query (what lies between spaces, parentheses and boolean words) made into a
 * {@link QueryExpr}: {@code key:value}, {@code data.PATH OP VALUE}, {@code metadata.PATH OP VALUE}, or text.
 * Every mistake is a {@link QueryException} at the column of the part that is wrong.
 */
final class QueryTerms {
    /** The longest regular expression {@code ~} takes: a bound on what one comparison may cost to compile. */
    static final int MAX_PATTERN = 256;
    private static final List<String> OPERATORS = List.of(">=", "<=", "!=", "=", ">", "<", "~", ":");
    /** Every key with an example; the order is the one completion and the help show. */
    static final Map<String, String> KEYS = keys();
    private static final Map<String, Flag> HAS = Map.of("causation", Flag.HAS_CAUSATION, "correlation",
            Flag.HAS_CORRELATION, "aggregate", Flag.HAS_AGGREGATE);
    private static final Map<String, Flag> IS = Map.of("orphan", Flag.ORPHAN, "duplicate", Flag.DUPLICATE, "failed",
            Flag.FAILED, "deadletter", Flag.DEAD_LETTER, "invalid", Flag.INVALID, "replay", Flag.REPLAY);
    private static final Pattern RELATIVE = Pattern.compile("-(\\d{1,6})([smhdw])");
    private static final String TIME_EXAMPLES = "write e.g. 2024-01-15, 2024-01-15T10:30, 2024-01-15T10:30:00Z "
            + "or -15m (before the log's last event)";

    private QueryTerms() {
    }

    private static Map<String, String> keys() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("type", "type:order.*");
        m.put("source", "source:payment");
        m.put("corr", "corr:txn-1");
        m.put("cause", "cause:evt-9");
        m.put("id", "id:evt-1");
        m.put("agg", "agg:Order/123");
        m.put("aggtype", "aggtype:Order");
        m.put("after", "after:-1d");
        m.put("before", "before:2024-01-16");
        m.put("has", "has:causation");
        m.put("is", "is:failed");
        m.put("causedby", "causedby:evt-1");
        m.put("causes", "causes:evt-9");
        m.put("flow", "flow:txn-1");
        m.put("schema", "schema:OrderPlaced@2");
        return m;
    }

    /** The values {@code has:} and {@code is:} take, for completion and the help. */
    static List<String> flagValues(String key) {
        return (key.equals("has") ? HAS : IS).keySet().stream().sorted().toList();
    }

    /** The term {@code term} (not empty, not a quoted phrase) starting at 1-based {@code column}. */
    static QueryExpr term(String term, int column) throws QueryException {
        if (term.regionMatches(true, 0, "data.", 0, 5)) {
            return path(Body.DATA, term, 5, column);
        }
        if (term.regionMatches(true, 0, "metadata.", 0, 9)) {
            return path(Body.METADATA, term, 9, column);
        }
        int colon = term.indexOf(':');
        if (colon <= 0 || !isWord(term.substring(0, colon)) || term.startsWith("//", colon + 1)) {
            // "10:30", "a.b:c" or a URL: text to search for, not a filter.
            return new QueryExpr.Text(term, column);
        }
        String key = canonical(term.substring(0, colon).toLowerCase(Locale.ROOT));
        String example = KEYS.get(key);
        if (example == null) {
            throw new QueryException(column, colon, "unknown filter '" + term.substring(0, colon) + ":'; use "
                    + String.join(": ", KEYS.keySet()) + ": data.PATH=V metadata.PATH=V, or quote it to search for "
                    + "the text: \"" + term + "\"");
        }
        int valueColumn = column + colon + 1;
        if (key.equals("schema")) {
            return schema(term.substring(colon + 1), valueColumn, column);
        }
        String value = stripQuotes(term.substring(colon + 1));
        if (value.isEmpty()) {
            throw new QueryException(valueColumn, "'" + key + ":' has no value; write e.g. " + example);
        }
        return switch (key) {
            case "type" -> new QueryExpr.Match(Field.TYPE, value, column);
            case "source" -> new QueryExpr.Match(Field.SOURCE, value, column);
            case "corr" -> new QueryExpr.Match(Field.CORRELATION, value, column);
            case "cause" -> new QueryExpr.Match(Field.CAUSATION, value, column);
            case "id" -> new QueryExpr.Match(Field.ID, value, column);
            case "aggtype" -> new QueryExpr.Match(Field.AGGREGATE_TYPE, value, column);
            case "agg" -> aggregate(value, column);
            case "after", "before" -> new QueryExpr.Time(key.equals("after"), when(value, key, valueColumn), column);
            case "has" -> flag(HAS, key, value, valueColumn, column);
            case "is" -> flag(IS, key, value, valueColumn, column);
            case "causedby" -> new QueryExpr.Causal(Relation.CAUSED_BY, value, column);
            case "causes" -> new QueryExpr.Causal(Relation.CAUSES, value, column);
            case "flow" -> new QueryExpr.Causal(Relation.FLOW, value, column);
            default -> throw new IllegalStateException(key);
        };
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

    /** {@code agg:Order/123} is the type and id together; without a slash (or with a glob) the id alone. */
    private static QueryExpr aggregate(String value, int column) {
        int slash = value.indexOf('/');
        if (slash > 0 && slash < value.length() - 1 && value.indexOf('*') < 0 && value.indexOf('?') < 0) {
            return new QueryExpr.Aggregate(value.substring(0, slash), value.substring(slash + 1), column);
        }
        return new QueryExpr.Match(Field.AGGREGATE, value, column);
    }

    /**
     * {@code schema:TYPE@VERSION} or {@code schema:TYPE} (its events that declare no version); a type with
     * spaces is quoted ({@code schema:"Order Placed"@2}). The version as {@link QueryExpr.Schema} compares it.
     */
    private static QueryExpr schema(String raw, int valueColumn, int column) throws QueryException {
        String example = "write e.g. schema:OrderPlaced@2, or schema:OrderPlaced for its events that declare no version";
        if (raw.isEmpty()) {
            throw new QueryException(valueColumn, "'schema:' has no value; " + example);
        }
        int at;
        String type;
        if (raw.startsWith("\"")) {
            int close = closingQuote(raw);
            type = unescape(raw.substring(1, Math.max(1, close)));
            at = close + 1;
            if (at < raw.length() && raw.charAt(at) != '@') {
                throw new QueryException(valueColumn + at, "unexpected '" + raw.charAt(at) + "' after the quoted type; "
                        + example);
            }
        } else {
            at = raw.lastIndexOf('@') < 0 ? raw.length() : raw.lastIndexOf('@');
            type = raw.substring(0, at);
        }
        if (type.isEmpty()) {
            throw new QueryException(valueColumn, Math.max(1, at), "'schema:" + raw + "' needs an event type before '@'; "
                    + example);
        }
        if (at >= raw.length()) {
            return new QueryExpr.Schema(type, null, column);
        }
        String version = stripQuotes(raw.substring(at + 1));
        if (version.length() > 1 && (version.charAt(0) == 'v' || version.charAt(0) == 'V')
                && Character.isDigit(version.charAt(1))) {
            version = version.substring(1); // as DeclaredVersion.normal reads a declared version
        }
        if (version.isEmpty()) {
            throw new QueryException(valueColumn + at, "'schema:" + raw + "' needs a version after '@'; " + example);
        }
        return new QueryExpr.Schema(type, version, column);
    }

    /** See {@link QueryParser#schemaValue}. */
    static String schemaValue(String type, String version) {
        String t = type.isEmpty() || type.chars().anyMatch(c -> Character.isWhitespace(c) || "\"()@\\".indexOf(c) >= 0)
                ? "\"" + type.replace("\\", "\\\\").replace("\"", "\\\"") + "\"" : type;
        if (version == null) {
            return t;
        }
        boolean plain = version.chars().noneMatch(c -> Character.isWhitespace(c) || "\"()\\".indexOf(c) >= 0);
        return t + "@" + (plain ? version : "\"" + version.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
    }

    /** The index of the quote closing the one at 0 ({@code text} is a term, so the tokenizer found it). */
    private static int closingQuote(String text) {
        for (int i = 1; i < text.length(); i++) {
            if (text.charAt(i) == '\\') {
                i++;
            } else if (text.charAt(i) == '"') {
                return i;
            }
        }
        return text.length();
    }

    private static QueryExpr flag(Map<String, Flag> flags, String key, String value, int valueColumn, int column)
            throws QueryException {
        Flag flag = flags.get(value.toLowerCase(Locale.ROOT));
        if (flag != null) {
            return new QueryExpr.Is(flag, column);
        }
        throw new QueryException(valueColumn, value.length(), "'" + key + ":" + value + "' is not known; write "
                + key + ":" + String.join(" or " + key + ":", flagValues(key)));
    }

    private static boolean isWord(String s) {
        return s.chars().allMatch(c -> c < 128 && Character.isLetter(c));
    }

    /** {@code data.PATH OP VALUE}, each part checked so that the error points at the part that is wrong. */
    private static QueryExpr path(Body body, String term, int prefix, int column) throws QueryException {
        String name = term.substring(0, prefix).toLowerCase(Locale.ROOT);
        int at = prefix;
        while (at < term.length() && isPathChar(term.charAt(at))) {
            at++;
        }
        String path = term.substring(prefix, at);
        if (path.isEmpty()) {
            throw new QueryException(column + prefix, "'" + name + "' needs a field name; write e.g. " + name
                    + (body == Body.DATA ? "total>100" : "userId=u-1"));
        }
        checkPath(name, path, column + prefix);
        if (at == term.length()) {
            throw new QueryException(column + at, "'" + term + "' needs a comparison, e.g. " + term + "=VALUE or "
                    + term + ">100; quote it to search for the text");
        }
        String rest = term.substring(at);
        String operator = OPERATORS.stream().filter(rest::startsWith).findFirst().orElse(null);
        if (operator == null) {
            throw new QueryException(column + at, "unexpected '" + rest.charAt(0) + "' after " + name + path
                    + "; compare with = != > >= < <= ~ or :");
        }
        int valueAt = at + operator.length();
        String raw = term.substring(valueAt);
        int valueColumn = column + valueAt;
        if (raw.isEmpty()) {
            throw new QueryException(valueColumn, "'" + term + "' needs a value after '" + operator + "'");
        }
        if ("<>=!".indexOf(raw.charAt(0)) >= 0) {
            throw new QueryException(column + at, 2, "'" + operator + raw.charAt(0)
                    + "' is not an operator; use = != > >= < <= ~ or :");
        }
        String value = stripQuotes(raw);
        String op = operator.equals(":") ? "=" : operator;
        if ((op.startsWith("<") || op.startsWith(">")) && !isNumber(value) && !isTime(value)) {
            throw new QueryException(valueColumn, raw.length(), "'" + op + "' needs a number or a time, and '" + value
                    + "' is neither; to compare text use = or !=");
        }
        if (op.equals("~")) {
            checkPattern(value, raw, valueColumn);
        }
        return new QueryExpr.PathCompare(body, path, op, value, column);
    }

    private static void checkPattern(String pattern, String raw, int column) throws QueryException {
        if (pattern.length() > MAX_PATTERN) {
            throw new QueryException(column, raw.length(), "a regular expression has at most " + MAX_PATTERN
                    + " characters; this one has " + pattern.length());
        }
        try {
            Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            int offset = raw.length() > pattern.length() ? 1 : 0; // the opening quote
            int at = e.getIndex() < 0 ? 0 : Math.min(e.getIndex(), pattern.length() - 1) + offset;
            throw new QueryException(column + at, "not a regular expression: " + e.getDescription()
                    + "; write e.g. ~^SKU-[0-9]+$ (quote a pattern holding spaces or parentheses)");
        }
    }

    /**
     * A path is field names joined by dots, each name optionally followed by array indexes:
     * {@code items[0].sku}. Anything else would reach SQLite as a bad JSON path and fail only when run.
     */
    private static void checkPath(String name, String path, int column) throws QueryException {
        int i = 0;
        int n = path.length();
        while (true) {
            int start = i;
            while (i < n && isNameChar(path.charAt(i))) {
                i++;
            }
            if (i == start) {
                throw new QueryException(column + i, (i < n ? "'" + path.charAt(i) + "'" : "the end")
                        + " where a field name should be in " + name + path + "; write e.g. data.items[0].sku");
            }
            while (i < n && path.charAt(i) == '[') {
                int digits = i + 1;
                while (digits < n && Character.isDigit(path.charAt(digits))) {
                    digits++;
                }
                if (digits == i + 1 || digits >= n || path.charAt(digits) != ']' || digits - i - 1 > 9) {
                    throw new QueryException(column + i, "an array index is [N] with N a whole number below a billion,"
                            + " in " + name + path);
                }
                i = digits + 1;
            }
            if (i == n) {
                return;
            }
            if (path.charAt(i) != '.') {
                throw new QueryException(column + i, "unexpected '" + path.charAt(i) + "' in " + name + path
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

    /** An absolute time, or {@code -N} and a unit (s m h d w) before the log's last event. */
    private static QueryExpr.When when(String value, String key, int column) throws QueryException {
        var relative = RELATIVE.matcher(value);
        if (relative.matches()) {
            long n = Long.parseLong(relative.group(1));
            Duration d = switch (relative.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> Duration.ofDays(7 * n);
            };
            return new QueryExpr.BeforeLast(d);
        }
        try {
            return new QueryExpr.At(parseTime(value));
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new QueryException(column, value.length(), "'" + key + ":" + value + "': not a time; " + TIME_EXAMPLES);
        }
    }

    /** See {@link QueryParser#time}. */
    static Instant parseTime(String value) {
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

    static String stripQuotes(String v) {
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? unescape(v.substring(1, v.length() - 1)) : v;
    }

    static String unescape(String v) {
        return v.replace("\\\"", "\"").replace("\\\\", "\\");
    }
}
