package eventlens.model.store;

import com.fasterxml.jackson.databind.node.ArrayNode;
import eventlens.model.DeclaredVersion;
import eventlens.model.Json;
import eventlens.model.ReplayMark;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.sqlite.Function;

/**
 * The Java functions a query's SQL calls, registered on each connection that runs queries (SQLite has no
 * {@code REGEXP} of its own).
 *
 * <p>{@value #REGEXP}{@code (value, pattern)} is 1 when the value, as text, contains a match of the Java
 * regular expression, 0 when not, NULL when the value is NULL. The parser has already checked the pattern
 * (length, syntax, with the column); here it is bounded a second time so that no query can hang the
 * reader: a pattern is compiled once per statement, and a match that takes more than {@value #STEPS}
 * character reads (catastrophic backtracking) fails the query with a message that says so.
 */
final class QueryFunctions {
    /** The name of the regular-expression function in SQL. */
    static final String REGEXP = "eventlens_regexp";
    /**
     * The name of the function that gives the schema version an event declares: {@value}{@code (raw,
     * metadata)}, the record's text and its metadata text (either may be NULL), is {@link DeclaredVersion}'s
     * answer, or NULL when the event declares none.
     */
    static final String DECLARED_VERSION = "eventlens_declared_version";
    /**
     * The name of the function that tells whether a record carries a replay mark: {@value}{@code (raw, data,
     * metadata)} is 1 when {@link ReplayMark} finds one in the texts, 0 when not.
     */
    static final String REPLAY_MARK = "eventlens_replay_mark";
    /** The most character reads one match may make. */
    static final int STEPS = 5_000_000;

    private QueryFunctions() {
    }

    /** Registers the functions on {@code c}. */
    static void register(Connection c) throws SQLException {
        Function.create(c, REGEXP, new Regexp(), 2, Function.FLAG_DETERMINISTIC);
        Function.create(c, DECLARED_VERSION, new Declared(), 2, Function.FLAG_DETERMINISTIC);
        Function.create(c, REPLAY_MARK, new Marked(), 3, Function.FLAG_DETERMINISTIC);
    }

    /** {@code values} as a JSON array text, for {@code json_each(?)}: a list of any length as one parameter. */
    static String jsonArray(List<String> values) {
        ArrayNode array = Json.mapper().createArrayNode();
        values.forEach(array::add);
        return Json.write(array);
    }

    private static final class Regexp extends Function {
        private final Map<String, Pattern> patterns = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Pattern> eldest) {
                return size() > 16;
            }
        };

        @Override
        protected void xFunc() throws SQLException {
            String value = value_text(0);
            String pattern = value_text(1);
            if (value == null || pattern == null) {
                result();
                return;
            }
            Pattern p = patterns.get(pattern);
            if (p == null) {
                try {
                    p = Pattern.compile(pattern);
                } catch (PatternSyntaxException e) {
                    throw new SQLException("not a regular expression: " + e.getDescription());
                }
                patterns.put(pattern, p);
            }
            try {
                result(p.matcher(new Bounded(value)).find() ? 1 : 0);
            } catch (TooCostly e) {
                throw new SQLException("the regular expression " + pattern + " took more than " + STEPS
                        + " steps on one value; make it more specific (anchor it, avoid nested repeats like (a+)+)");
            }
        }
    }

    /** See {@link #DECLARED_VERSION}: the cheap test first, as the schema inference does, then the parse. */
    private static final class Declared extends Function {
        @Override
        protected void xFunc() throws SQLException {
            String raw = value_text(0);
            String metadata = value_text(1);
            if (!DeclaredVersion.mayDeclare(raw, metadata)) {
                result();
                return;
            }
            String version = DeclaredVersion.of(Json.parseOrMissing(raw), Json.parseOrMissing(metadata));
            if (version == null) {
                result();
            } else {
                result(version);
            }
        }
    }

    /** See {@link #REPLAY_MARK}. */
    private static final class Marked extends Function {
        @Override
        protected void xFunc() throws SQLException {
            result(ReplayMark.of(value_text(0), value_text(1), value_text(2)).isPresent() ? 1 : 0);
        }
    }

    /** A text that stops the regular expression reading it after {@link #STEPS} characters. */
    private static final class Bounded implements CharSequence {
        private final String text;
        private final int[] steps;

        Bounded(String text) {
            this(text, new int[1]);
        }

        private Bounded(String text, int[] steps) {
            this.text = text;
            this.steps = steps;
        }

        @Override
        public char charAt(int index) {
            if (++steps[0] > STEPS) {
                throw new TooCostly();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Bounded(text.substring(start, end), steps);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    private static final class TooCostly extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooCostly() {
            super(null, null, false, false);
        }
    }
}
