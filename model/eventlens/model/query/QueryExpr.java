package eventlens.model.query;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The tree of a parsed query (see {@link QueryParser}): boolean nodes over terms. Each term keeps the
 * 1-based column where it starts, so that a later stage (the SQL compiler, which resolves relative times
 * and looks facts up in the store) can still point at it.
 */
public sealed interface QueryExpr {

    /** Every child holds. */
    record And(List<QueryExpr> children) implements QueryExpr {
        public And {
            children = List.copyOf(children);
        }
    }

    /** At least one child holds. */
    record Or(List<QueryExpr> children) implements QueryExpr {
        public Or {
            children = List.copyOf(children);
        }
    }

    /** The child does not hold (an event where it cannot be decided, e.g. a missing field, is kept). */
    record Not(QueryExpr child) implements QueryExpr {
    }

    /** The fields a {@code key:value} term compares with {@code =}, or with a glob when the value holds * or ?. */
    enum Field {
        TYPE("type"), SOURCE("source"), CORRELATION("correlation_id"), CAUSATION("causation_id"),
        AGGREGATE("aggregate_id"), AGGREGATE_TYPE("aggregate_type"), ID("id");

        private final String column;

        Field(String column) {
            this.column = column;
        }

        /** The column of the events table. */
        public String column() {
            return column;
        }
    }

    /** {@code type:order.*}, {@code corr:txn-1}, … */
    record Match(Field field, String value, int column) implements QueryExpr {
    }

    /**
     * {@code agg:Order/123}: the aggregate type and id together. A value without a slash is {@link Match}
     * on the id alone.
     */
    record Aggregate(String type, String id, int column) implements QueryExpr {
    }

    /** {@code after:} (at or after) or {@code before:} (strictly before) a time. */
    record Time(boolean after, When when, int column) implements QueryExpr {
    }

    /** A point in time: absolute, or a distance before the log's last event. */
    sealed interface When {
    }

    /** An absolute time. */
    record At(Instant instant) implements When {
    }

    /** {@code -15m}: this long before the time of the log's last event (known only to the store). */
    record BeforeLast(Duration distance) implements When {
    }

    /** A bare word or quoted phrase: the raw record contains it (case-sensitive). */
    record Text(String text, int column) implements QueryExpr {
    }

    /** Where a {@link PathCompare} looks. */
    enum Body {
        DATA, METADATA
    }

    /**
     * {@code data.items[0].sku=SKU-1}: the JSON value at {@code path} compared with {@code operator}, one
     * of {@code = != < <= > >= ~} ({@code ~}: the value, as text, contains a match of the regular
     * expression).
     */
    record PathCompare(Body body, String path, String operator, String value, int column) implements QueryExpr {
    }

    /** The flags of {@code has:} and {@code is:}. */
    enum Flag {
        /** {@code has:causation}: a causation id is set. */
        HAS_CAUSATION,
        /** {@code has:correlation}: a correlation id is set. */
        HAS_CORRELATION,
        /** {@code has:aggregate}: an aggregate id is set. */
        HAS_AGGREGATE,
        /** {@code is:orphan}: a causation id is set and no event of the project has that id. */
        ORPHAN,
        /** {@code is:duplicate}: the event was delivered more than once. */
        DUPLICATE,
        /** {@code is:failed}: a failure type, a failed trace span, or an event with a dead letter. */
        FAILED,
        /** {@code is:deadletter}: a dead letter refers to the event. */
        DEAD_LETTER,
        /**
         * {@code is:invalid}: the project's last validation against a folder of JSON Schema files found the
         * event's data breaking at least one rule (an error when the project was never validated).
         */
        INVALID,
        /**
         * {@code is:replay}: the recorded event says it was sent again on purpose — an archive replay, a
         * re-delivery from a dead-letter queue ({@link eventlens.model.ReplayMark}).
         */
        REPLAY
    }

    /** {@code has:causation}, {@code is:failed}, … */
    record Is(Flag flag, int column) implements QueryExpr {
    }

    /**
     * {@code schema:OrderPlaced@2}: the events of a type that declare a schema version, as the Schemas view
     * groups them ({@code eventlens.model.DeclaredVersion}: the version as written, a leading {@code v}
     * dropped, so {@code @v2} is {@code @2} and {@code @2.0} is another version). A null {@code version}
     * ({@code schema:OrderPlaced}) selects the type's events that declare none: the group the view shows
     * as the bare type. Either part may be a glob ({@code schema:Order*@*}).
     */
    record Schema(String type, String version, int column) implements QueryExpr {
    }

    /** The causal operators. */
    enum Relation {
        /** {@code causedby:ID}: every descendant of the event through causation links. */
        CAUSED_BY,
        /** {@code causes:ID}: every ancestor of the event up to its root. */
        CAUSES,
        /** {@code flow:ID}: the whole flow of an event id or of a correlation id. */
        FLOW
    }

    /** {@code causedby:evt-1}, {@code causes:evt-9}, {@code flow:txn-1}. */
    record Causal(Relation relation, String id, int column) implements QueryExpr {
    }
}
