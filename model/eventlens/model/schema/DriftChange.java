package eventlens.model.schema;

/**
 * One change in the shape of a type: within one declared version over the log, or from one version to the
 * next ({@code across} true).
 *
 * @param type the event type
 * @param version the declared version the change is seen in (for a change across versions, the newer one)
 * @param kind what changed
 * @param path the field ("" for a whole stray shape)
 * @param detail what changed, in words
 * @param events how many events show the change
 * @param first the first event showing it
 * @param last the last event showing it
 * @param across true for a change from one declared version to the next
 */
public record DriftChange(String type, String version, Kind kind, String path, String detail, long events,
        EventRef first, EventRef last, boolean across) {

    /** What changed. */
    public enum Kind {
        /** The field is absent from the first events and present from some event on. */
        APPEARED("appeared"),
        /** The field is present in earlier events and absent from some event to the last. */
        DISAPPEARED("disappeared"),
        /** The field had one JSON type up to some event and another from the next one on. */
        TYPE_CHANGED("changed type"),
        /** The field was present in every event up to some event and is missing from some after it. */
        BECAME_OPTIONAL("became optional"),
        /** A rare shape amid other shapes: its events match none of the shapes around them. */
        STRAY_SHAPE("stray shape");

        private final String words;

        Kind(String words) {
            this.words = words;
        }

        /** The kind in words: "appeared", "changed type", … */
        public String words() {
            return words;
        }
    }
}
