package eventlens.model.deadletter;

import eventlens.model.DeadLetter;
import eventlens.model.Event;
import eventlens.model.state.AggregateState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One dead letter in context: what failed, where it sits in its flow, and what its aggregate looked
 * like when it failed.
 *
 * @param deadLetter the entry
 * @param event the failed event: the log's when it holds the id, else the embedded message (null when
 *     the entry neither links nor embeds one)
 * @param inLog true when {@code event} is the log's; false when it was seen only in the dead-letter queue
 * @param causalPath the causes from the root down to the failed event (the event last); only the event
 *     itself when its causes are unknown
 * @param correlationId the flow's correlation id (the event's, else its root's id), or null
 * @param failedAt the moment of failure used for the state: last failure, else first, else the event's time
 * @param stateAtFailure the state of the event's aggregate at that moment, when it has one
 */
public record DeadLetterContext(DeadLetter deadLetter, Event event, boolean inLog, List<Event> causalPath,
                                String correlationId, Instant failedAt, Optional<AggregateState> stateAtFailure) {
    public DeadLetterContext {
        causalPath = List.copyOf(causalPath);
    }

    /** The root of the causal path, when the path is known. */
    public Optional<Event> root() {
        return causalPath.isEmpty() ? Optional.empty() : Optional.of(causalPath.get(0));
    }
}
