package eventlens.model.schema;

/** An event by its log position and id: what a drift change or a stray shape links to. */
public record EventRef(long position, String id) {
    /** The earlier of two references (by position); either may be null. */
    static EventRef earlier(EventRef a, EventRef b) {
        return a == null ? b : b == null ? a : b.position < a.position ? b : a;
    }

    /** The later of two references (by position); either may be null. */
    static EventRef later(EventRef a, EventRef b) {
        return a == null ? b : b == null ? a : b.position > a.position ? b : a;
    }
}
