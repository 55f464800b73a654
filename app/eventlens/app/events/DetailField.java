package eventlens.app.events;

/** One labelled value of the detail pane; {@code warning} marks it for attention (e.g. conflicting deliveries). */
public record DetailField(String name, String value, boolean warning) {
    public static DetailField of(String name, Object value) {
        return new DetailField(name, value == null ? "—" : value.toString(), false);
    }
}
