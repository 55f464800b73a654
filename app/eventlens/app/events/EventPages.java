package eventlens.app.events;

import eventlens.model.Event;
import eventlens.model.query.EventQuery;
import eventlens.model.query.QueryExpr.Field;
import eventlens.model.query.QueryParser;
import eventlens.model.store.ProjectStore;
import eventlens.model.store.SavedQueries;
import eventlens.model.store.SchemasTable;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Where the events view reads from: counts and pages of a query, and what its filter bar needs of the
 * project (known values to complete, saved queries, the history, the free-text index). Called off the FX
 * thread only.
 */
public interface EventPages {
    long count(EventQuery query);

    List<Event> page(EventQuery query, long offset, int limit);

    /** Up to {@code limit} distinct stored values of a field, for completion. */
    default List<String> knownValues(Field field, int limit) {
        return List.of();
    }

    /**
     * Up to {@code limit} values of {@code schema:} for completion: the stored schemas' types with their
     * declared versions, as the parser reads them ({@code OrderPlaced@2}).
     */
    default List<String> schemaValues(int limit) {
        return List.of();
    }

    /** The saved query of that name ({@code @name} in the filter bar). */
    default Optional<String> savedQuery(String name) {
        return Optional.empty();
    }

    /** The names of the saved queries. */
    default List<String> savedNames() {
        return List.of();
    }

    /** The filter bar's history, newest first. */
    default List<String> history() {
        return List.of();
    }

    /** Records a query that was run. */
    default void remember(String query) {
    }

    /** True when free text needs no index build first. */
    default boolean textIndexed() {
        return true;
    }

    /** Builds the free-text index; true when complete. */
    default boolean indexText(BooleanSupplier cancelled) {
        return true;
    }

    static EventPages of(ProjectStore store) {
        SavedQueries saved = new SavedQueries(store);
        return new EventPages() {
            @Override
            public long count(EventQuery query) {
                return store.count(query);
            }

            @Override
            public List<Event> page(EventQuery query, long offset, int limit) {
                return store.page(query, offset, limit);
            }

            @Override
            public List<String> knownValues(Field field, int limit) {
                return store.knownValues(field, limit);
            }

            @Override
            public List<String> schemaValues(int limit) {
                try (SchemasTable schemas = new SchemasTable(store)) {
                    return schemas.groups().stream().filter(g -> !g.type().isEmpty()).limit(limit)
                            .map(g -> QueryParser.schemaValue(g.type(), g.version())).toList();
                }
            }

            @Override
            public Optional<String> savedQuery(String name) {
                return saved.find(name);
            }

            @Override
            public List<String> savedNames() {
                return saved.list().stream().map(SavedQueries.Saved::name).toList();
            }

            @Override
            public List<String> history() {
                return saved.history();
            }

            @Override
            public void remember(String query) {
                saved.remember(query);
            }

            @Override
            public boolean textIndexed() {
                return store.isReadOnly() || store.textIndexed();
            }

            @Override
            public boolean indexText(BooleanSupplier cancelled) {
                return store.indexText(cancelled);
            }
        };
    }
}
