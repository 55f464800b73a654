package eventlens.replay.deadletter;

import eventlens.model.DeadLetter;
import eventlens.model.Event;
import eventlens.replay.script.ScriptError;
import java.time.Instant;
import java.util.List;

/**
 * The dry-run retry of one dead letter.
 *
 * @param deadLetter the entry retried
 * @param event the message handed to the handlers (null when the entry carries none)
 * @param retriedAt the virtual time of the retry: the moment of the recorded failure
 * @param handlers the script handlers that received the message, in dispatch order
 * @param outcome what it came to
 * @param error the first handler error (null when none failed)
 * @param published the events the handlers would publish (none are sent anywhere)
 * @param stateChanges the aggregates those events name, before and after
 * @param log the handlers' {@code ctx.log} lines
 */
public record DryRunEntry(DeadLetter deadLetter, Event event, Instant retriedAt, List<String> handlers,
                          RetryOutcome outcome, ScriptError error, List<Event> published,
                          List<StateChange> stateChanges, List<String> log) {
    public DryRunEntry {
        handlers = List.copyOf(handlers);
        published = List.copyOf(published);
        stateChanges = List.copyOf(stateChanges);
        log = List.copyOf(log);
    }

    /** True when the entry would now succeed. */
    public boolean succeeded() {
        return outcome == RetryOutcome.SUCCEEDED;
    }
}
