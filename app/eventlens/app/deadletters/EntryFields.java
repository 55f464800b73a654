package eventlens.app.deadletters;

import eventlens.app.links.DetailField;
import eventlens.app.links.EventFields;
import eventlens.app.links.IdLink;
import eventlens.model.DeadLetter;
import eventlens.model.Event;
import eventlens.model.deadletter.DeadLetterContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The ids of a dead letter above its error: the failed event (a link to it in its flow when the log holds it),
 * its flow, cause and aggregate as links (the handler is in the title, the queue in the error text). Before its
 * context is read only the event id the entry names is shown.
 */
final class EntryFields {
    private EntryFields() {
    }

    /** {@code context} null: not read yet. */
    static List<DetailField> of(DeadLetter d, DeadLetterContext context) {
        List<DetailField> out = new ArrayList<>();
        Event event = context == null ? null : context.event();
        String eventId = event != null ? event.id() : d.eventId();
        boolean inLog = context != null && context.inLog();
        out.add(inLog ? DetailField.linked("Event", eventId, IdLink.event(eventId))
                : DetailField.of("Event", eventId == null ? null : eventId + (context == null ? "" : " (not in the log)")));
        if (context != null) {
            out.add(DetailField.linked("Correlation", context.correlationId(),
                    context.correlationId() == null ? null : new IdLink(IdLink.Kind.FLOW, context.correlationId())));
            out.add(event == null ? DetailField.of("Causation", null) : EventFields.causation(event));
            out.add(event == null ? DetailField.of("Aggregate", null) : EventFields.aggregate(event));
        }
        return out;
    }
}
