package eventlens.replay;

/**
 * How many events one upcaster of the script changed in a run.
 *
 * @param upcaster its label, {@code OrderPlaced 1.0->2.0}
 * @param events   the recorded events it was applied to
 */
public record UpcastCount(String upcaster, long events) {
}
