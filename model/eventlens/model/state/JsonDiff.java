package eventlens.model.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Structural difference of two JSON trees. Objects are compared member by member (members of the
 * first tree in their order, then those only in the second), arrays index by index (extra elements
 * are added or removed at their index); anything else, or two values of different kinds, is compared
 * as a whole. Numbers are equal when numerically equal ({@code 1000} and {@code 1000.0}). A missing
 * node stands for "absent".
 */
public final class JsonDiff {
    private JsonDiff() {
    }

    /** The changes that turn {@code before} into {@code after}, deepest paths reported, in tree order. */
    public static List<Change> diff(JsonNode before, JsonNode after) {
        List<Change> out = new ArrayList<>();
        diff(JsonPath.ROOT, orMissing(before), orMissing(after), out);
        return out;
    }

    /** True when two values are the same JSON (numbers compared by value; missing equals only missing). */
    public static boolean same(JsonNode a, JsonNode b) {
        a = orMissing(a);
        b = orMissing(b);
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.isObject() && b.isObject() || a.isArray() && b.isArray()) {
            return diff(a, b).isEmpty();
        }
        return a.equals(b);
    }

    private static void diff(JsonPath path, JsonNode a, JsonNode b, List<Change> out) {
        if (a.isMissingNode() && b.isMissingNode()) {
            return;
        }
        if (a.isMissingNode()) {
            out.add(new Change(path, Change.Kind.ADDED, a, b));
        } else if (b.isMissingNode()) {
            out.add(new Change(path, Change.Kind.REMOVED, a, b));
        } else if (a.isObject() && b.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                diff(path.member(name), a.path(name), b.path(name), out);
            }
        } else if (a.isArray() && b.isArray()) {
            for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
                diff(path.index(i), a.path(i), b.path(i), out);
            }
        } else if (!same(a, b)) {
            out.add(new Change(path, Change.Kind.CHANGED, a, b));
        }
    }

    private static JsonNode orMissing(JsonNode n) {
        return n == null ? MissingNode.getInstance() : n;
    }
}
