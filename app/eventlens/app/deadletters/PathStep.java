package eventlens.app.deadletters;

import eventlens.model.Event;

/** One event of a dead letter's causal path, root first; {@code failed} marks the failed event (last). */
public record PathStep(Event event, int depth, boolean failed) {
    /** {@code type · source · time}. */
    public String text() {
        return event.type() + "  ·  " + (event.source() == null ? "?" : event.source()) + "  ·  "
                + (event.time() == null ? "no time" : event.time().toString());
    }
}
