package eventlens.app.links;

import eventlens.model.DeadLetter;
import eventlens.model.Event;
import java.util.ArrayList;
import java.util.List;

/**
 * The linked fields every pane that shows an event has, built one way: its aggregate (to its history), its
 * correlation (to its flow), its cause (to the cause in its flow), and its dead letters (to each in the Dead
 * letters view).
 */
public final class EventFields {
    /** The most dead letters listed one by one; more are counted in a last, plain row. */
    public static final int DEAD_LETTERS_LISTED = 3;

    private EventFields() {
    }

    /** {@code Order order-1 v3}, linked to the aggregate's history when the event names its id. */
    public static DetailField aggregate(Event e) {
        String text = aggregateText(e);
        return e.aggregateId() == null ? DetailField.of("Aggregate", text)
                : DetailField.linked("Aggregate", text, new IdLink(IdLink.Kind.AGGREGATE, e.aggregateId()));
    }

    /** The correlation id, linked to its flow. */
    public static DetailField correlation(Event e) {
        return DetailField.linked("Correlation", e.correlationId(),
                e.correlationId() == null ? null : new IdLink(IdLink.Kind.FLOW, e.correlationId()));
    }

    /** The cause's id, linked to the cause selected in its flow. */
    public static DetailField causation(Event e) {
        return DetailField.linked("Causation", e.causationId(), e.causationId() == null ? null : IdLink.event(e.causationId()));
    }

    /**
     * A row per dead letter ({@code handler · error}), linked to it in the Dead letters view; {@code listed} holds at
     * most {@link #DEAD_LETTERS_LISTED} + 1 of them, the extra one only telling that there are more.
     */
    public static List<DetailField> deadLetters(List<DeadLetter> listed) {
        List<DetailField> out = new ArrayList<>();
        for (int i = 0; i < Math.min(listed.size(), DEAD_LETTERS_LISTED); i++) {
            DeadLetter d = listed.get(i);
            String text = (d.handler() == null ? "?" : d.handler()) + " · " + (d.errorType() != null ? d.errorType()
                    : d.reason() != null ? d.reason() : "failed");
            out.add(DetailField.linked("Dead letter", text, IdLink.deadLetter(d.key())));
        }
        if (listed.size() > DEAD_LETTERS_LISTED) {
            out.add(DetailField.of("Dead letter", "and more: filter the Dead letters view by its type or handler"));
        }
        return out;
    }

    private static String aggregateText(Event e) {
        if (e.aggregateId() == null && e.aggregateType() == null) {
            return null;
        }
        String type = e.aggregateType() == null ? "" : e.aggregateType() + " ";
        String version = e.version() == null ? "" : " v" + e.version();
        return type + (e.aggregateId() == null ? "?" : e.aggregateId()) + version;
    }
}
