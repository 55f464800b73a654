package eventlens.replay.bus;

import eventlens.model.Event;

/** Something that consumes events delivered by an {@link EventBus}; may throw to signal a failure. */
@FunctionalInterface
public interface EventHandler {
    /** Handles one delivery of {@code event}. */
    void handle(Event event) throws Exception;
}
