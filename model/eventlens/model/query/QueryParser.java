package eventlens.model.query;

import eventlens.model.query.EventQuery.DataCondition;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the filter language of the GUI and the command line:
 *
 * <pre>type:order.* source:payment corr:txn-1 cause:evt-9 agg:order-17 aggtype:Order id:evt-1
 * after:2024-01-15T10:30 before:2024-01-16 data.total&gt;100 "timeout"</pre>
 *
 * Terms are separated by spaces; a value with spaces goes in double quotes. A bare word or quoted
 * phrase searches the raw record text. Times are ISO-8601 (date, date-time with or without seconds,
 * with or without an offset; UTC when none) or epoch milliseconds. {@code data.PATH} compares a
 * data field with {@code = != > >= < <=} or {@code :} (equals).
 */
public final class QueryParser {
    private static final Pattern DATA = Pattern.compile("data\\.([A-Za-z0-9_.\\[\\]-]+)(>=|<=|!=|=|>|<|:)(.*)");

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
        while (at < n) {
            char c = text.charAt(at);
            if (Character.isWhitespace(c)) {
                at++;
            } else if (c == '"') {
                int end = closingQuote(text, at + 1);
                if (end < 0) {
                    throw new QueryException("unclosed quote at column " + (at + 1));
                }
                b.texts.add(unescape(text.substring(at + 1, end)));
                at = end + 1;
            } else {
                int end = at;
                boolean quoted = false;
                while (end < n && (quoted || !Character.isWhitespace(text.charAt(end)))) {
                    if (text.charAt(end) == '"' && (end == 0 || text.charAt(end - 1) != '\\')) {
                        quoted = !quoted;
                    }
                    end++;
                }
                if (quoted) {
                    throw new QueryException("unclosed quote at column " + (at + 1));
                }
                term(b, text.substring(at, end));
                at = end;
            }
        }
        return b.build();
    }

    private static void term(Builder b, String term) throws QueryException {
        Matcher data = DATA.matcher(term);
        if (data.matches()) {
            b.data.add(new DataCondition(data.group(1), data.group(2).equals(":") ? "=" : data.group(2),
                    stripQuotes(data.group(3))));
            return;
        }
        int colon = term.indexOf(':');
        if (colon <= 0) {
            b.texts.add(term);
            return;
        }
        String key = term.substring(0, colon).toLowerCase(java.util.Locale.ROOT);
        String value = stripQuotes(term.substring(colon + 1));
        if (value.isEmpty()) {
            throw new QueryException("'" + term + "' has no value after the colon");
        }
        switch (key) {
            case "type" -> b.types.add(value);
            case "source", "src" -> b.sources.add(value);
            case "corr", "correlation" -> b.correlations.add(value);
            case "cause", "causation" -> b.causations.add(value);
            case "agg", "aggregate" -> b.aggregates.add(value);
            case "aggtype" -> b.aggregateTypes.add(value);
            case "id" -> b.ids.add(value);
            case "after" -> b.after = time(value, term);
            case "before" -> b.before = time(value, term);
            default -> {
                if (key.startsWith("http") || key.length() > 12) {
                    b.texts.add(term);
                } else {
                    throw new QueryException("unknown filter '" + key + ":'; use type: source: corr: cause: agg: "
                            + "aggtype: id: after: before: data.FIELD>N or \"text\"");
                }
            }
        }
    }

    /** A point in time from a query value: ISO date or date-time (UTC unless an offset is given) or epoch millis. */
    public static Instant time(String value, String term) throws QueryException {
        try {
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
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new QueryException("'" + term + "': not a time; write e.g. 2024-01-15, 2024-01-15T10:30 or 2024-01-15T10:30:00Z");
        }
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
