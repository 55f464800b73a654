package eventlens.app.events;

/**
 * One labelled value of the detail pane; {@code warning} marks it for attention (e.g. conflicting
 * deliveries); {@code link}, when not null, is where a click on the value goes (a cause, a flow, an aggregate).
 */
public record DetailField(String name, String value, boolean warning, DetailLink link) {
    public DetailField(String name, String value, boolean warning) {
        this(name, value, warning, null);
    }

    public static DetailField of(String name, Object value) {
        return new DetailField(name, value == null ? "—" : value.toString(), false);
    }

    /** A value that is a link to {@code target} (a plain value when {@code value} is null). */
    public static DetailField linked(String name, Object value, DetailLink target) {
        return value == null ? of(name, null) : new DetailField(name, value.toString(), false, target);
    }
}
