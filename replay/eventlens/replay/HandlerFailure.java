package eventlens.replay;

import eventlens.replay.script.ScriptError;
import java.time.Instant;

/**
 * One failed attempt of a handler.
 *
 * @param delivery  the step
 * @param at        virtual time of the failure
 * @param handler   the handler's name
 * @param eventId   the event it failed on
 * @param attempt   1-based attempt number
 * @param error     the script error, located in the script
 * @param willRetry true when the retry policy schedules another attempt
 */
public record HandlerFailure(long delivery, Instant at, String handler, String eventId, int attempt,
        ScriptError error, boolean willRetry) {
}
