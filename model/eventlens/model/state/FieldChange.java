package eventlens.model.state;

import com.fasterxml.jackson.databind.JsonNode;
import eventlens.model.Event;

/**
 * An event that changed the value at a path.
 *
 * @param event  the event
 * @param kind   {@code ADDED} when the value was absent before, {@code REMOVED} when absent after,
 *               {@code CHANGED} otherwise
 * @param before the value before (a missing node when absent)
 * @param after  the value after (a missing node when absent)
 */
public record FieldChange(Event event, Change.Kind kind, JsonNode before, JsonNode after) {
}
