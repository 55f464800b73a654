package eventlens.app.aggregates;

import eventlens.model.state.Change;
import eventlens.model.state.JsonPath;
import java.util.List;
import java.util.Optional;

/**
 * One line of the state tree: a field, its value as JSON text, and how the shown change touched it.
 *
 * @param key      the member name, {@code [i]} for an array element, {@code $} for the root
 * @param value    the value as compact JSON ({@code {3}} / {@code [2]} for containers)
 * @param path     where it is in the data
 * @param mark     added, changed or removed by the change being shown; null when untouched
 * @param before   the value before the change (empty unless changed or removed)
 * @param children the members or elements, removed ones included (marked)
 */
public record StateRow(String key, String value, JsonPath path, Change.Kind mark, String before,
                       List<StateRow> children) {
    public StateRow {
        children = List.copyOf(children);
    }

    /** The row at {@code path}, searching this row and its descendants. */
    public Optional<StateRow> find(JsonPath target) {
        if (path.equals(target)) {
            return Optional.of(this);
        }
        for (StateRow child : children) {
            if (target.segments().size() >= child.path.segments().size()
                    && target.segments().subList(0, child.path.segments().size()).equals(child.path.segments())) {
                return child.find(target);
            }
        }
        return Optional.empty();
    }

    /** This row and its descendants. */
    public int size() {
        int n = 1;
        for (StateRow child : children) {
            n += child.size();
        }
        return n;
    }
}
