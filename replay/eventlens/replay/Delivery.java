package eventlens.replay;

import eventlens.model.Event;
import java.time.Instant;
import java.util.List;

/**
 * One step of a run: an event dispatched to its handlers (or, for a retry, to one handler).
 *
 * @param index     1-based step number in the run
 * @param event     the event delivered (recorded, or published by a handler of this run)
 * @param at        virtual time of the delivery
 * @param published true when a handler of this run published the event
 * @param attempt   1 for a first delivery, n for the (n-1)-th retry
 * @param handlers  names of the handlers that received it
 */
public record Delivery(long index, Event event, Instant at, boolean published, int attempt, List<String> handlers) {
    public Delivery {
        handlers = List.copyOf(handlers);
    }
}
