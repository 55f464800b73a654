package eventlens.replay.deadletter;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How one aggregate's state would change if the retried handlers' events were applied.
 *
 * @param aggregateId the aggregate
 * @param before its data at the moment of failure (an empty object when it had none)
 * @param after its data with the published events folded in
 */
public record StateChange(String aggregateId, JsonNode before, JsonNode after) {
    /** True when the events changed the data. */
    public boolean changed() {
        return !before.equals(after);
    }
}
