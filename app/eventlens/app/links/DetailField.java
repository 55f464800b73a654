package eventlens.app.links;

/**
 * One labelled value of a detail pane; {@code warning} marks it for attention (e.g. conflicting
 * deliveries); {@code link}, when not null, is where a click on the value goes (a cause, a flow, an aggregate,
 * a dead letter).
 */
public record DetailField(String name, String value, boolean warning, IdLink link) {
    public DetailField(String name, String value, boolean warning) {
        this(name, value, warning, null);
    }

    public static DetailField of(String name, Object value) {
        return new DetailField(name, value == null ? "—" : value.toString(), false);
    }

    /** A value that is a link to {@code target} (a plain value when {@code value} or {@code target} is null). */
    public static DetailField linked(String name, Object value, IdLink target) {
        return value == null || target == null ? of(name, value) : new DetailField(name, value.toString(), false, target);
    }
}
