package eventlens.model.store;

/**
 * A place in one aggregate's history, in fold order: events are ordered by version (events without a
 * version first) and then by position. The cursor names the last event already seen; the next page
 * starts after it. {@link #START} is before the first event.
 *
 * @param version  the version of the last event seen (null when it had none, or at the start)
 * @param position the position of the last event seen (0 at the start)
 */
public record AggregateCursor(Long version, long position) {
    /** Before the first event. */
    public static final AggregateCursor START = new AggregateCursor(null, 0);

    /** The cursor just after {@code e}. */
    public static AggregateCursor after(eventlens.model.Event e) {
        return new AggregateCursor(e.version(), e.position());
    }
}
