package eventlens.model.state;

import eventlens.model.store.AggregateStore;
import eventlens.model.store.AggregateSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The aggregates of a project, a page at a time in id order (keyset paging: pass the last id of a
 * page to get the next), and the system view: all aggregates (of a type) with their state at a time.
 *
 * <p>The list is one SQL {@code GROUP BY aggregate_id} over the {@code (aggregate_id, version)} index,
 * streaming: a page costs about as much as the events of its aggregates. {@link AggregateSummary#versionIssues()}
 * counts duplicate, missing and absent versions in SQL; the other anomalies (ordering, after
 * deletion) need {@link Anomalies#of(AggregateStore, String)} on one aggregate.
 */
public final class AggregateList {
    private final StateAt states;

    /** Over the store of {@code states}, whose reducers the system view uses. */
    public AggregateList(StateAt states) {
        this.states = states;
    }

    /**
     * Up to {@code limit} aggregates after {@code afterId} (null: from the first).
     *
     * @param type       only aggregates of this type (null: all)
     * @param idContains only ids containing this text (null or empty: all)
     */
    public List<AggregateSummary> page(String type, String idContains, String afterId, int limit) {
        return states.store().summaries(type, idContains, afterId, limit);
    }

    /** The line of one aggregate; empty when unknown. */
    public Optional<AggregateSummary> summary(String aggregateId) {
        return states.store().summary(aggregateId);
    }

    /** A page of the system view: the aggregates of {@link #page} with their state at {@code time}. */
    public List<AggregateAt> statesAt(String type, String idContains, Instant time, String afterId, int limit) {
        List<AggregateAt> out = new ArrayList<>();
        for (AggregateSummary s : page(type, idContains, afterId, limit)) {
            states.atTime(s.aggregateId(), time).ifPresent(state -> out.add(new AggregateAt(s, state)));
        }
        return out;
    }
}
