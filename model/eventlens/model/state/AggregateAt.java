package eventlens.model.state;

import eventlens.model.store.AggregateSummary;

/**
 * One row of the system view: an aggregate and its state at the chosen moment.
 *
 * @param summary the aggregate's line of the aggregate list (its whole history, not only up to the moment)
 * @param state   its state at the moment (initial, with event count 0, when it did not exist yet)
 */
public record AggregateAt(AggregateSummary summary, AggregateState state) {
}
