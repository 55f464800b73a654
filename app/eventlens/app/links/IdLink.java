package eventlens.app.links;

/**
 * Where an id shown in a view leads: the id's own view, reached through the application's navigation (so
 * that Alt+Left comes back).
 *
 * @param kind what the id names
 * @param id the id (for a dead letter its store key, for a replay run its number)
 */
public record IdLink(Kind kind, String id) {
    /** What an id names, and so where its link goes. */
    public enum Kind {
        /** An event (itself, its cause): shown selected in its flow in the Flows view. */
        EVENT("Show this event in its flow"),
        /** A correlation: its flow in the Flows view. */
        FLOW("Show this flow"),
        /** An aggregate: its history in the Aggregates view. */
        AGGREGATE("Show this aggregate's history"),
        /** The events an event caused: {@code cause:ID} in the Events view. */
        EFFECTS("Show the events it caused"),
        /** A dead letter (by store key): selected in the Dead letters view. */
        DEAD_LETTER("Show this dead letter"),
        /** A stored replay run (by number): selected in the Replay view's Runs tab. */
        RUN("Show this run in the Replay view's runs"),
        /** An event a replay published (not in the project): shown in the Replay view's inspector. */
        PUBLISHED("Show this published event in the inspector");

        private final String tip;

        Kind(String tip) {
            this.tip = tip;
        }

        /** What following the link does, in a tooltip's words. */
        public String tip() {
            return tip;
        }
    }

    public static IdLink event(String id) {
        return new IdLink(Kind.EVENT, id);
    }

    public static IdLink deadLetter(long key) {
        return new IdLink(Kind.DEAD_LETTER, Long.toString(key));
    }

    public static IdLink run(long number) {
        return new IdLink(Kind.RUN, Long.toString(number));
    }

    /** The tooltip of a link to here. */
    public String tip() {
        String where = kind == Kind.EFFECTS ? kind.tip() + " (cause:" + id + ")" : kind.tip();
        // A published event is shown where the user is: there is no place to come back to.
        return kind == Kind.PUBLISHED ? where : where + " · Alt+Left comes back";
    }
}
