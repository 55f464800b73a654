package eventlens.app.aggregates;

import com.fasterxml.jackson.databind.JsonNode;
import eventlens.model.state.Change;
import eventlens.model.state.JsonPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Builds the rows of the state tree from an aggregate's data and the changes to mark on it (the
 * current event's, or a diff's). A removed field is no longer in the data, so it gets a row of its
 * own, marked removed, under its old parent. Public for the Replay view's state pane, which marks a step's
 * changes the same way.
 */
public final class StateRows {
    /** Longer values are cut in the tree (the whole value is in the tooltip and "Copy value"). */
    static final int MAX_TEXT = 200;

    private final Map<JsonPath, Change> marks = new HashMap<>();
    private final Map<JsonPath, List<Change>> removedUnder = new HashMap<>();

    private StateRows(List<Change> changes) {
        for (Change c : changes) {
            marks.put(c.path(), c);
            if (c.kind() == Change.Kind.REMOVED && !c.path().segments().isEmpty()) {
                removedUnder.computeIfAbsent(parent(c.path()), p -> new ArrayList<>()).add(c);
            }
        }
    }

    /** The root row of {@code data}, with {@code changes} marked. */
    public static StateRow of(JsonNode data, List<Change> changes) {
        return new StateRows(changes).row("$", JsonPath.ROOT, data);
    }

    private StateRow row(String key, JsonPath path, JsonNode value) {
        List<StateRow> children = new ArrayList<>();
        if (value.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                children.add(row(f.getKey(), path.member(f.getKey()), f.getValue()));
            }
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                children.add(row("[" + i + "]", path.index(i), value.get(i)));
            }
        }
        for (Change removed : removedUnder.getOrDefault(path, List.of())) {
            children.add(new StateRow(keyOf(removed.path()), "", removed.path(), Change.Kind.REMOVED,
                    text(removed.before()), List.of()));
        }
        Change mark = marks.get(path);
        return new StateRow(key, text(value), path, mark == null ? null : mark.kind(),
                mark != null && mark.kind() == Change.Kind.CHANGED ? text(mark.before()) : "", children);
    }

    /** Compact JSON; containers as their size, so that a tree line stays short. */
    static String text(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "";
        }
        if (value.isObject()) {
            return "{" + value.size() + "}";
        }
        if (value.isArray()) {
            return "[" + value.size() + "]";
        }
        String s = value.toString();
        return s.length() > MAX_TEXT ? s.substring(0, MAX_TEXT) + "…" : s;
    }

    private static String keyOf(JsonPath path) {
        Object last = path.segments().get(path.segments().size() - 1);
        return last instanceof Integer i ? "[" + i + "]" : last.toString();
    }

    private static JsonPath parent(JsonPath path) {
        return new JsonPath(path.segments().subList(0, path.segments().size() - 1));
    }
}
