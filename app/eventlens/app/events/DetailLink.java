package eventlens.app.events;

/**
 * Where an id in the detail pane leads: the id's own view, reached through the application's navigation
 * (so that Alt+Left comes back).
 *
 * @param kind what the id names
 * @param id the id
 */
public record DetailLink(Kind kind, String id) {
    /** What an id names, and so where its link goes. */
    public enum Kind {
        /** An event (itself, its cause): shown selected in its flow in the Flows view. */
        EVENT,
        /** A correlation: its flow in the Flows view. */
        FLOW,
        /** An aggregate: its history in the Aggregates view. */
        AGGREGATE,
        /** The events an event caused: {@code cause:ID} in the Events view. */
        EFFECTS
    }
}
