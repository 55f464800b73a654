package eventlens.app;

/** The navigator's entries; {@code ready} is false for views that are still to come. */
public enum Section {
    EVENTS("Events", true, ""),
    FLOWS("Flows", true, "Causation trees, timelines and anomalies of one correlation."),
    AGGREGATES("Aggregates", true, "The state of an aggregate at any moment, with diffs and field history."),
    REPLAY("Replay", true, "Replay the log through your handler scripts with play, pause, step and breakpoints."),
    DEAD_LETTERS("Dead letters", true, "Failed messages grouped by the shape of their failure, with dry-run retries."),
    SCHEMAS("Schemas", true, "What each event type looks like, how its shape drifted, and validation against JSON Schema."),
    IMPORTS("Imports", true, "");

    private final String title;
    private final boolean ready;
    private final String promise;

    Section(String title, boolean ready, String promise) {
        this.title = title;
        this.ready = ready;
        this.promise = promise;
    }

    public String title() {
        return title;
    }

    public boolean ready() {
        return ready;
    }

    /** What the view will show, for the placeholder of a view still to come. */
    public String promise() {
        return promise;
    }

    /** The name given to {@code eventlens gui --view}: the title in lower case without spaces. */
    public String key() {
        return title.toLowerCase(java.util.Locale.ROOT).replace(" ", "");
    }

    /** The section of a {@link #key()}, or null. */
    public static Section ofKey(String key) {
        for (Section s : values()) {
            if (s.key().equals(key)) {
                return s;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return title;
    }
}
