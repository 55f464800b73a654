package eventlens.replay;

import java.time.Instant;

/**
 * A line written by {@code ctx.log} (or by the run itself, handler {@code replay}).
 *
 * @param delivery the step during which it was written
 * @param at       virtual time
 * @param handler  the handler's name
 * @param eventId  the event being handled
 * @param text     the line
 */
public record LogLine(long delivery, Instant at, String handler, String eventId, String text) {
}
