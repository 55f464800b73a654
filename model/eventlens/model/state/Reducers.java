package eventlens.model.state;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Which reducer folds which aggregate type: one per type, and a default for the rest. Immutable:
 * {@link #with} returns a new registry (the replay issue registers script reducers this way).
 */
public final class Reducers {
    private final Reducer fallback;
    private final Map<String, Reducer> byType;

    private Reducers(Reducer fallback, Map<String, Reducer> byType) {
        this.fallback = Objects.requireNonNull(fallback, "fallback");
        this.byType = Map.copyOf(byType);
    }

    /** Every type folded by {@link MergePatchReducer}. */
    public static Reducers standard() {
        return new Reducers(new MergePatchReducer(), Map.of());
    }

    /** Every type folded by {@code reducer}. */
    public static Reducers of(Reducer reducer) {
        return new Reducers(reducer, Map.of());
    }

    /** A registry where {@code aggregateType} is folded by {@code reducer}. */
    public Reducers with(String aggregateType, Reducer reducer) {
        Map<String, Reducer> copy = new HashMap<>(byType);
        copy.put(Objects.requireNonNull(aggregateType, "aggregateType"), Objects.requireNonNull(reducer, "reducer"));
        return new Reducers(fallback, copy);
    }

    /** The reducer of a type (the default when none is registered or the type is null). */
    public Reducer forType(String aggregateType) {
        return aggregateType == null ? fallback : byType.getOrDefault(aggregateType, fallback);
    }

    /** The default reducer. */
    public Reducer fallback() {
        return fallback;
    }
}
