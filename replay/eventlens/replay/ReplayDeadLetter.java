package eventlens.replay;

import eventlens.model.DeadLetter;
import eventlens.model.Event;
import eventlens.model.EventJson;
import eventlens.model.Json;
import eventlens.model.Origin;
import eventlens.replay.script.ScriptError;
import java.time.Instant;

/**
 * A delivery a handler of the run gave up on after its retries.
 *
 * @param delivery     the step of the last attempt
 * @param handler      the handler's name
 * @param event        the event it failed on
 * @param attempts     attempts including the first
 * @param error        the last error, with the script's file, line and column
 * @param firstFailure virtual time of the first failure
 * @param lastFailure  virtual time of the last
 */
public record ReplayDeadLetter(long delivery, String handler, Event event, int attempts, ScriptError error,
        Instant firstFailure, Instant lastFailure) {

    /** The same failure in the model's dead-letter shape, to show beside imported ones. */
    public DeadLetter toDeadLetter(String runLabel) {
        String eventJson = Json.write(EventJson.tree(event));
        return new DeadLetter(0, event.id(), eventJson, handler, runLabel, error.errorType() + ": " + error.message(),
                error.errorType(), error.message(), error.stack(), attempts, firstFailure, lastFailure, null,
                eventJson, new Origin(runLabel, 0, "replay"));
    }
}
