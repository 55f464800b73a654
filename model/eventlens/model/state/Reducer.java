package eventlens.model.state;

import com.fasterxml.jackson.databind.JsonNode;
import eventlens.model.Event;

/**
 * Folds one event into an aggregate's data: {@code (state, event) → state}.
 *
 * <p>Implementations must not modify {@code state}: they return a new tree, which may share unchanged
 * subtrees with the old one (states kept in snapshots and history steps stay as they were). The
 * bookkeeping (version, last event type and time, event count) is kept by the fold itself, apart from
 * the data, so a reducer only deals with the domain state. Reducers defined by scripts (the replay
 * issue) implement this interface and give an {@link #id()} that changes with the script's text.
 */
public interface Reducer {
    /** This reducer's identity; snapshots built by another identity are never used. */
    ReducerId id();

    /**
     * The data after {@code event}.
     *
     * @param state the data before the event: an empty object before the first event; never modified
     * @param event the event to fold in
     * @return the new data (never null)
     */
    JsonNode apply(JsonNode state, Event event);
}
