package eventlens.model.store;

import java.util.List;

/**
 * What compiling a query needs to know about the project it will run on ({@link QuerySql}): looked up
 * when the query is compiled, not per row.
 */
interface QueryFacts {
    /** The latest event time in microseconds (what {@code after:-1d} counts back from); null when no event has one. */
    Long lastEventMicros();

    /** The stored event types that name a failure ({@link eventlens.model.FailureNames}). */
    List<String> failureTypes();

    /** True when the project has imported trace spans (whose metadata may mark a failure). */
    boolean hasSpans();

    /** True when the free-text index ({@link EventText}) covers every stored event. */
    boolean textIndexed();

    /** True when a validation against JSON Schema files finished and its failures are stored ({@link SchemasTable}). */
    boolean validated();

    /** Facts that are never looked up: for compiling a query that has no tree. */
    QueryFacts NONE = new QueryFacts() {
        @Override
        public Long lastEventMicros() {
            throw new IllegalStateException("no facts");
        }

        @Override
        public List<String> failureTypes() {
            throw new IllegalStateException("no facts");
        }

        @Override
        public boolean hasSpans() {
            throw new IllegalStateException("no facts");
        }

        @Override
        public boolean textIndexed() {
            return false;
        }

        @Override
        public boolean validated() {
            throw new IllegalStateException("no facts");
        }
    };
}
