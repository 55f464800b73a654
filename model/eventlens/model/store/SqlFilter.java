package eventlens.model.store;

import eventlens.model.query.EventQuery;

import eventlens.model.query.EventQuery.DataCondition;
import eventlens.model.query.QueryExpr;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@link EventQuery} compiled to a parameterised SQL condition over the {@code events} table.
 * Values are never spliced into the SQL text: every one is a {@code ?} parameter.
 */
public record SqlFilter(String where, List<Object> parameters, boolean needsBody) {

    public SqlFilter {
        parameters = List.copyOf(parameters);
    }

    /**
     * Compiles the query over the events table aliased {@code e}; conditions on the raw text or the
     * data need the bodies joined as {@code b} ({@link #needsBody()}), whose data text is the
     * expression {@code dataExpression}. An empty query gives the condition {@code 1=1}. A query with a
     * parsed tree ({@link EventQuery#where()}) that needs facts of the project (relative times,
     * {@code is:failed}) must be compiled by the store ({@link #of(EventQuery, String, QueryFacts)}).
     */
    public static SqlFilter of(EventQuery q, String dataExpression) {
        return of(q, dataExpression, QueryFacts.NONE);
    }

    /** As {@link #of(EventQuery, String)}, with the facts of the project the query runs on. */
    static SqlFilter of(EventQuery q, String dataExpression, QueryFacts facts) {
        String a = "e.";
        List<String> parts = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        anyOf(a + "type", q.types(), parts, params);
        anyOf(a + "source", q.sources(), parts, params);
        anyOf(a + "correlation_id", q.correlations(), parts, params);
        anyOf(a + "causation_id", q.causations(), parts, params);
        anyOf(a + "aggregate_id", q.aggregates(), parts, params);
        anyOf(a + "aggregate_type", q.aggregateTypes(), parts, params);
        anyOf(a + "id", q.ids(), parts, params);
        if (q.after() != null) {
            parts.add(a + "time_us >= ?");
            params.add(micros(q.after()));
        }
        if (q.before() != null) {
            parts.add(a + "time_us < ?");
            params.add(micros(q.before()));
        }
        for (String text : q.texts()) {
            parts.add(QuerySql.compile(new QueryExpr.Text(text, 1), facts, params).where());
        }
        for (DataCondition d : q.data()) {
            data(d, dataExpression, parts, params);
        }
        boolean body = !q.texts().isEmpty() || !q.data().isEmpty();
        if (q.where() != null) {
            QuerySql.Compiled tree = QuerySql.compile(q.where(), facts, params);
            parts.add(tree.where());
            body |= tree.needsBody();
        }
        return new SqlFilter(parts.isEmpty() ? "1=1" : String.join(" AND ", parts), params, body);
    }

    private static void anyOf(String column, List<String> values, List<String> parts, List<Object> params) {
        if (values.isEmpty()) {
            return;
        }
        List<String> alternatives = new ArrayList<>();
        for (String v : values) {
            if (v.contains("*") || v.contains("?")) {
                alternatives.add(column + " GLOB ?");
            } else {
                alternatives.add(column + " = ?");
            }
            params.add(v);
        }
        parts.add(alternatives.size() == 1 ? alternatives.get(0) : "(" + String.join(" OR ", alternatives) + ")");
    }

    private static void data(DataCondition d, String dataExpression, List<String> parts, List<Object> params) {
        String path = "$." + d.path();
        Object value = number(d.value());
        String op = switch (d.operator()) {
            case "=", "!=", ">", ">=", "<", "<=" -> d.operator();
            default -> throw new IllegalArgumentException("operator " + d.operator());
        };
        parts.add("json_valid(" + dataExpression + ") AND json_extract(" + dataExpression + ", ?) " + op + " ?");
        params.add(path);
        params.add(value);
    }

    private static Object number(String v) {
        try {
            return new BigDecimal(v).doubleValue();
        } catch (NumberFormatException e) {
            return v;
        }
    }

    /** Microseconds since the epoch, the store's time column unit. */
    public static long micros(Instant t) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, t);
    }
}
