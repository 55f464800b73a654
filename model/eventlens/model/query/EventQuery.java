package eventlens.model.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A filter over a project's events: values within one list are alternatives (OR), lists are all
 * required (AND), and so is {@link #where()}, the tree of a parsed query. Type, source and aggregate
 * values may hold {@code *} wildcards. The lists are built by hand (a flow, a time window); the tree comes
 * from {@link QueryParser}, the query language shared by the GUI's filter bars and the command line.
 */
public record EventQuery(
        List<String> types,
        List<String> sources,
        List<String> correlations,
        List<String> causations,
        List<String> aggregates,
        List<String> aggregateTypes,
        List<String> ids,
        Instant after,
        Instant before,
        List<String> texts,
        List<DataCondition> data,
        QueryExpr where) {

    /** Every event. */
    public static final EventQuery ALL = new EventQuery(List.of(), List.of(), List.of(), List.of(), List.of(),
            List.of(), List.of(), null, null, List.of(), List.of(), null);

    /** A query of lists alone (no parsed tree). */
    public EventQuery(List<String> types, List<String> sources, List<String> correlations, List<String> causations,
            List<String> aggregates, List<String> aggregateTypes, List<String> ids, Instant after, Instant before,
            List<String> texts, List<DataCondition> data) {
        this(types, sources, correlations, causations, aggregates, aggregateTypes, ids, after, before, texts, data,
                null);
    }

    /** The events a parsed query's tree selects. */
    public static EventQuery of(QueryExpr where) {
        return new EventQuery(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null, null,
                List.of(), List.of(), where);
    }

    public EventQuery {
        types = List.copyOf(types);
        sources = List.copyOf(sources);
        correlations = List.copyOf(correlations);
        causations = List.copyOf(causations);
        aggregates = List.copyOf(aggregates);
        aggregateTypes = List.copyOf(aggregateTypes);
        ids = List.copyOf(ids);
        texts = List.copyOf(texts);
        data = List.copyOf(data);
    }

    /** True when this query selects every event. */
    public boolean isAll() {
        return equals(ALL);
    }

    /**
     * True when the query searches the raw text for a word of three characters or more: what the free-text
     * index speeds up (a shorter word has no trigram and is always scanned).
     */
    public boolean searchesText() {
        return texts.stream().anyMatch(EventQuery::indexable) || searchesText(where);
    }

    private static boolean searchesText(QueryExpr x) {
        return switch (x) {
            case null -> false;
            case QueryExpr.Text t -> indexable(t.text());
            // is:replay looks for its marks' words in the text first (QuerySql.replay).
            case QueryExpr.Is i -> i.flag() == QueryExpr.Flag.REPLAY;
            case QueryExpr.And a -> a.children().stream().anyMatch(EventQuery::searchesText);
            case QueryExpr.Or o -> o.children().stream().anyMatch(EventQuery::searchesText);
            case QueryExpr.Not n -> searchesText(n.child());
            default -> false;
        };
    }

    private static boolean indexable(String text) {
        return text.codePointCount(0, text.length()) >= 3;
    }

    /** Events of one correlation. */
    public static EventQuery correlation(String correlationId) {
        return ALL.withCorrelation(correlationId);
    }

    public EventQuery withCorrelation(String correlationId) {
        return new EventQuery(types, sources, plus(correlations, correlationId), causations, aggregates,
                aggregateTypes, ids, after, before, texts, data, where);
    }

    public EventQuery withType(String type) {
        return new EventQuery(plus(types, type), sources, correlations, causations, aggregates,
                aggregateTypes, ids, after, before, texts, data, where);
    }

    public EventQuery withAggregate(String aggregateId) {
        return new EventQuery(types, sources, correlations, causations, plus(aggregates, aggregateId),
                aggregateTypes, ids, after, before, texts, data, where);
    }

    public EventQuery withCausation(String causationId) {
        return new EventQuery(types, sources, correlations, plus(causations, causationId), aggregates,
                aggregateTypes, ids, after, before, texts, data, where);
    }

    /** Events whose raw text contains {@code text} (case-sensitive). */
    public EventQuery withText(String text) {
        return new EventQuery(types, sources, correlations, causations, aggregates, aggregateTypes, ids, after,
                before, plus(texts, text), data, where);
    }

    /** Events at or after {@code from} and strictly before {@code to}; either may be null. */
    public EventQuery between(Instant from, Instant to) {
        return new EventQuery(types, sources, correlations, causations, aggregates, aggregateTypes, ids,
                from, to, texts, data, where);
    }

    /**
     * This query restricted to one aggregate: its aggregate list replaced by {@code aggregateId} (the
     * caller has checked that one of the listed patterns matches it), the tree kept.
     */
    public EventQuery withOnlyAggregate(String aggregateId) {
        return new EventQuery(types, sources, correlations, causations, List.of(aggregateId), aggregateTypes, ids,
                after, before, texts, data, where);
    }

    private static List<String> plus(List<String> list, String value) {
        List<String> copy = new ArrayList<>(list);
        copy.add(value);
        return copy;
    }

    /** A comparison on a field of the event's data, e.g. {@code data.total>100}. */
    public record DataCondition(String path, String operator, String value) {
    }
}
