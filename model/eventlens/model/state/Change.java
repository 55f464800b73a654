package eventlens.model.state;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One difference between two JSON trees.
 *
 * @param path   where
 * @param kind   added, removed or changed
 * @param before the old value (a missing node when added)
 * @param after  the new value (a missing node when removed)
 */
public record Change(JsonPath path, Kind kind, JsonNode before, JsonNode after) {
    /** What happened at the path. */
    public enum Kind {
        /** Absent before, present after. */
        ADDED,
        /** Present before, absent after. */
        REMOVED,
        /** Present in both with different values (or different kinds of value). */
        CHANGED
    }
}
