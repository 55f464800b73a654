package eventlens.model.state;

import java.util.Objects;

/**
 * The identity of a reducer: a name and a version (for a script, a hash of its text). Snapshots are
 * stored under {@link #key()}; a reducer with another identity never sees them, so changing a reducer
 * invalidates its snapshots.
 *
 * @param name    a stable name, e.g. {@code merge-patch}
 * @param version changes whenever the reducer's behaviour changes
 */
public record ReducerId(String name, String version) {
    public ReducerId {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
    }

    /** {@code name@version}, the form stored with snapshots. */
    public String key() {
        return name + "@" + version;
    }
}
