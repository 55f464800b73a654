package eventlens.model.store;

/**
 * How an event's data and metadata are kept beside its raw text. Most records carry their data
 * verbatim inside the raw text ({@code {"id":…,"data":{…}}}); then only its place in the raw text is
 * stored, which keeps a project about a third smaller and its imports faster. SQL sees the same
 * text through {@link #DATA} and {@link #METADATA}.
 */
final class EventBodies {
    /** The data text as an SQL expression over the bodies table aliased {@code b}. */
    static final String DATA = "coalesce(b.data, substr(" + PackedText.RAW + ", b.data_at, b.data_len))";
    /** The metadata text as an SQL expression over the bodies table aliased {@code b}. */
    static final String METADATA = "coalesce(b.metadata, substr(" + PackedText.RAW
            + ", b.metadata_at, b.metadata_len))";

    /** Texts shorter than this are stored as they are: a place would save nothing. */
    private static final int WORTH_A_PLACE = 16;

    private EventBodies() {
    }

    /**
     * The 1-based character offset of {@code part} in {@code raw}, or 0 when it must be stored as
     * text: absent, short, or the raw text has characters outside the Basic Multilingual Plane (SQL
     * counts those as one character, Java as two, so offsets would disagree).
     */
    static int placeIn(String raw, String part, boolean rawIsBmp) {
        if (part == null || part.length() < WORTH_A_PLACE || !rawIsBmp) {
            return 0;
        }
        return raw.indexOf(part) + 1;
    }

    /** True when no character of {@code s} is half of a surrogate pair. */
    static boolean isBmp(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isSurrogate(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The text back from a stored text or place. */
    static String text(String stored, String raw, long at, long length) {
        if (stored != null || at <= 0) {
            return stored;
        }
        if (raw == null || length < 0 || at - 1 + length > raw.length()) {
            // The place points outside the raw text: the file was damaged under us (junk in a page).
            throw new StoreException(StoreException.damaged("an event's data points outside its recorded text"));
        }
        return raw.substring((int) at - 1, (int) (at - 1 + length));
    }
}
