package eventlens.model.store;

import eventlens.model.ReplayMark;
import eventlens.model.query.QueryExpr;
import eventlens.model.query.QueryExpr.Body;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed query's tree ({@link QueryExpr}) compiled to one SQL condition over {@code events e} (and
 * {@code event_bodies b} when {@link #needsBody()}). Every value is a {@code ?} parameter, whatever the
 * input: the SQL text is made only of this class's constants and the column names of the fixed enums.
 *
 * <p>Every condition is two-valued where it matters: {@code NOT x} is compiled {@code (x) IS NOT 1}, so an
 * event that a term cannot decide (a field it lacks, a NULL column) is kept by {@code NOT}, as a reader
 * expects of "not". Facts that only the store knows (the log's last time for {@code after:-1d}, which
 * stored types name failures) are resolved when the query is compiled, through {@link QueryFacts}.
 *
 * <p>The causal operators follow causation links with recursive common table expressions over the
 * {@code events_id} and {@code events_causation} indexes. They are {@code UNION}s over event ids, so each
 * event enters once: a cycle in the links ends the walk instead of looping, and the work is bounded by the
 * number of events reached, whatever the depth (a depth cap would cut a legitimate 10,000-step chain short).
 */
final class QuerySql {
    private static final String DESCENDANTS = "WITH RECURSIVE down(id) AS (SELECT id FROM events WHERE causation_id = ? "
            + "UNION SELECT c.id FROM events c JOIN down ON c.causation_id = down.id) SELECT id FROM down";
    private static final String ANCESTORS = "WITH RECURSIVE up(id) AS (SELECT causation_id FROM events WHERE id = ? "
            + "UNION SELECT p.causation_id FROM events p JOIN up ON p.id = up.id WHERE p.causation_id IS NOT NULL) "
            + "SELECT id FROM up WHERE id IS NOT NULL";
    /** Every ancestor of the id (and the id), then everything they caused: the causal tree the event is in. */
    private static final String TREE = "WITH RECURSIVE up(id) AS (SELECT ? UNION SELECT p.causation_id FROM events p "
            + "JOIN up ON p.id = up.id WHERE p.causation_id IS NOT NULL), down(id) AS (SELECT id FROM up "
            + "UNION SELECT c.id FROM events c JOIN down ON c.causation_id = down.id) SELECT id FROM down";
    static final String NOT_VALIDATED = "is:invalid needs a validation first: no folder of JSON Schema files has been "
            + "validated against this project yet; run: eventlens schemas PROJECT --validate DIR (or \"Validate against "
            + "a folder…\" in the Schemas view)";
    private static final String DEAD_LETTERED = "EXISTS (SELECT 1 FROM dead_letters d WHERE d.event_id = e.id)";

    private final QueryFacts facts;
    private final List<Object> params;
    private boolean needsBody;

    private QuerySql(QueryFacts facts, List<Object> params) {
        this.facts = facts;
        this.params = params;
    }

    /** The condition of {@code tree}, its parameters appended to {@code params} in order. */
    static QuerySql.Compiled compile(QueryExpr tree, QueryFacts facts, List<Object> params) {
        QuerySql c = new QuerySql(facts, params);
        String where = c.sql(tree);
        return new Compiled(where, c.needsBody);
    }

    /** A compiled condition and whether it reads the bodies. */
    record Compiled(String where, boolean needsBody) {
    }

    private String sql(QueryExpr x) {
        return switch (x) {
            case QueryExpr.And a -> join(a.children(), " AND ");
            case QueryExpr.Or o -> join(o.children(), " OR ");
            case QueryExpr.Not n -> "(" + sql(n.child()) + ") IS NOT 1";
            case QueryExpr.Match m -> match("e." + m.field().column(), m.value());
            case QueryExpr.Aggregate a -> {
                params.add(a.type());
                params.add(a.id());
                params.add(a.type() + "/" + a.id());
                yield "((e.aggregate_type = ? AND e.aggregate_id = ?) OR e.aggregate_id = ?)";
            }
            case QueryExpr.Time t -> time(t);
            case QueryExpr.Text t -> text(t.text());
            case QueryExpr.PathCompare p -> path(p);
            case QueryExpr.Is i -> flag(i.flag());
            case QueryExpr.Causal c -> causal(c);
            case QueryExpr.Schema s -> schema(s);
        };
    }

    private String join(List<QueryExpr> children, String operator) {
        List<String> parts = new ArrayList<>();
        for (QueryExpr c : children) {
            parts.add(sql(c));
        }
        return "(" + String.join(operator, parts) + ")";
    }

    private String match(String column, String value) {
        params.add(value);
        return value.contains("*") || value.contains("?") ? column + " GLOB ?" : column + " = ?";
    }

    private String time(QueryExpr.Time t) {
        long micros = switch (t.when()) {
            case QueryExpr.At at -> SqlFilter.micros(at.instant());
            case QueryExpr.BeforeLast b -> {
                Long last = facts.lastEventMicros();
                // No event has a time: every time_us is NULL and no bound selects any; 0 is as good as any.
                yield last == null ? 0 : last - b.distance().toNanos() / 1000;
            }
        };
        params.add(micros);
        return t.after() ? "e.time_us >= ?" : "e.time_us < ?";
    }

    /**
     * The raw text contains {@code text}: SQLite's {@code instr}, case-sensitive, exactly as before the
     * index; with the index built, its candidates are read first and {@code instr} keeps the true matches.
     */
    String text(String text) {
        needsBody = true;
        String match = EventText.match(text);
        if (match != null && facts.textIndexed()) {
            params.add(match);
            params.add(text);
            return "(e.position IN (SELECT rowid FROM " + EventText.TABLE + " WHERE " + EventText.TABLE
                    + " MATCH ?) AND instr(" + PackedText.RAW + ", ?) > 0)";
        }
        params.add(text);
        return "instr(" + PackedText.RAW + ", ?) > 0";
    }

    private String path(QueryExpr.PathCompare p) {
        needsBody = true;
        String body = p.body() == Body.DATA ? EventBodies.DATA : EventBodies.METADATA;
        params.add("$." + p.path());
        if (p.operator().equals("~")) {
            // The Java function is the costly part (a call across JNI per row): only values that exist reach it.
            params.add("$." + p.path());
            params.add(p.value());
            return "(json_valid(" + body + ") AND json_extract(" + body + ", ?) IS NOT NULL AND "
                    + QueryFunctions.REGEXP + "(json_extract(" + body + ", ?), ?))";
        }
        String op = switch (p.operator()) {
            case "=", "!=", ">", ">=", "<", "<=" -> p.operator();
            default -> throw new IllegalArgumentException("operator " + p.operator());
        };
        params.add(number(p.value()));
        return "(json_valid(" + body + ") AND json_extract(" + body + ", ?) " + op + " ?)";
    }

    private String flag(QueryExpr.Flag flag) {
        return switch (flag) {
            case HAS_CAUSATION -> "(e.causation_id IS NOT NULL AND e.causation_id <> '')";
            case HAS_CORRELATION -> "(e.correlation_id IS NOT NULL AND e.correlation_id <> '')";
            case HAS_AGGREGATE -> "(e.aggregate_id IS NOT NULL AND e.aggregate_id <> '')";
            case ORPHAN -> "(e.causation_id IS NOT NULL AND e.causation_id <> '' "
                    + "AND NOT EXISTS (SELECT 1 FROM events c WHERE c.id = e.causation_id))";
            case DUPLICATE -> "e.deliveries > 1";
            case DEAD_LETTER -> DEAD_LETTERED;
            case FAILED -> failed();
            case INVALID -> invalid();
            case REPLAY -> replay();
        };
    }

    /**
     * The events whose record carries a replay mark ({@link ReplayMark}): each mark's word found in the raw
     * text ({@link #text}, so the text index answers when it is built), then the record parsed by
     * {@value QueryFunctions#REPLAY_MARK} to check that the word is the mark and not somebody's data.
     */
    private String replay() {
        List<String> words = new ArrayList<>();
        for (String word : ReplayMark.WORDS) {
            words.add(text(word));
        }
        return "((" + String.join(" OR ", words) + ") AND " + QueryFunctions.REPLAY_MARK + "(" + PackedText.RAW + ", "
                + EventBodies.DATA + ", " + EventBodies.METADATA + "))";
    }

    /**
     * The events the last validation stored failures of ({@link SchemasTable}). A project never validated
     * (or whose validation is under way or was cancelled) has no answer, and says so rather than selecting
     * nothing.
     */
    private String invalid() {
        if (!facts.validated()) {
            throw new StoreException(NOT_VALIDATED);
        }
        return "e.position IN (SELECT position FROM schema_failures)";
    }

    /**
     * The type compared as by {@code type:}, then the version the event declares, read from its record and
     * metadata by the same code the schema inference groups with ({@link QueryFunctions#DECLARED_VERSION}),
     * so that the query selects exactly the events of the Schemas view's group. The function runs only on
     * rows of the type (SQLite stops an AND at its first false part, and the type is indexed). What costs is
     * reading those rows' bodies: a test in SQL that kept records without a version field from the Java call
     * measured no faster on the 1M-event project (docs/benchmarks.md).
     */
    private String schema(QueryExpr.Schema s) {
        needsBody = true;
        String type = match("e.type", s.type());
        String declared = QueryFunctions.DECLARED_VERSION + "(" + PackedText.RAW + ", " + EventBodies.METADATA + ")";
        return "(" + type + " AND " + (s.version() == null ? declared + " IS NULL" : match(declared, s.version())) + ")";
    }

    /**
     * The rule of the flows ({@code CausalGraph}): a type that names a failure ({@link
     * eventlens.model.FailureNames}, applied to the distinct stored types when compiling), an event a dead
     * letter refers to, or a trace span whose status is {@code ERROR} (only looked for when the project has
     * imported traces, since it reads the bodies).
     */
    private String failed() {
        params.add(QueryFunctions.jsonArray(facts.failureTypes()));
        String sql = "(e.type IN (SELECT value FROM json_each(?)) OR " + DEAD_LETTERED;
        if (facts.hasSpans()) {
            needsBody = true;
            String meta = EventBodies.METADATA;
            sql += " OR (instr(" + meta + ", '\"ERROR\"') > 0 AND json_valid(" + meta + ") AND json_extract(" + meta
                    + ", '$.span.status.code') = 'ERROR')";
        }
        return sql + ")";
    }

    private String causal(QueryExpr.Causal c) {
        return switch (c.relation()) {
            case CAUSED_BY -> {
                params.add(c.id());
                yield "e.id IN (" + DESCENDANTS + ")";
            }
            case CAUSES -> {
                params.add(c.id());
                yield "e.id IN (" + ANCESTORS + ")";
            }
            case FLOW -> {
                params.add(c.id());
                params.add(c.id());
                params.add(c.id());
                yield "(e.correlation_id = ? OR e.correlation_id IN (SELECT correlation_id FROM events WHERE id = ?) "
                        + "OR e.id IN (" + TREE + "))";
            }
        };
    }

    private static Object number(String v) {
        try {
            return new BigDecimal(v).doubleValue();
        } catch (NumberFormatException e) {
            return v;
        }
    }
}
