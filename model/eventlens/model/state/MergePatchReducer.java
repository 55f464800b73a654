package eventlens.model.state;

import com.fasterxml.jackson.databind.JsonNode;
import eventlens.model.Event;

/**
 * The default reducer: each event's {@code data} is a JSON Merge Patch (RFC 7396) on the state. An
 * event without data (or with data that is not JSON) leaves the state as it was.
 */
public final class MergePatchReducer implements Reducer {
    /** The identity of this reducer; bump the version when its behaviour changes. */
    public static final ReducerId ID = new ReducerId("merge-patch", "1");

    @Override
    public ReducerId id() {
        return ID;
    }

    @Override
    public JsonNode apply(JsonNode state, Event event) {
        return MergePatch.apply(state, event.dataTree());
    }
}
