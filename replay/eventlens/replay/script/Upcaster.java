package eventlens.replay.script;

/**
 * An upcaster registered by {@code upcast(type, fromVersion, toVersion, fn)}: it turns an event of
 * {@code type} declaring schema version {@code from} into the shape of version {@code to}.
 *
 * @param index  registration order (0-based)
 * @param type   the event type it applies to
 * @param from   the version it reads, as the script wrote it ({@code '1.0'})
 * @param to     the version it writes
 * @param line   the script line of its function (0 when unknown)
 * @param column the column of its function
 */
public record Upcaster(int index, String type, String from, String to, int line, int column) {
    /** {@code OrderPlaced 1.0->2.0}: how the console, the command line and errors name it. */
    public String label() {
        return type + " " + from + "->" + to;
    }
}
