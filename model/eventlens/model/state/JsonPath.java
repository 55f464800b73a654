package eventlens.model.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A path into a JSON tree: object member names ({@link String}) and array indexes ({@link Integer}).
 *
 * <p>Written in dotted form ({@link #toString()}): {@code balance}, {@code items[0].sku},
 * {@code ["odd.key"].x}; the root is {@code $}. {@link #parse} also accepts JSON Pointer
 * (RFC 6901, {@code /items/0/sku}) and a leading {@code $.}. Resolution is lenient where the two forms
 * differ: a numeric member name indexes an array, an index names a member of an object.
 *
 * @param segments member names and indexes, from the root
 */
public record JsonPath(List<Object> segments) {
    /** The whole tree. */
    public static final JsonPath ROOT = new JsonPath(List.of());
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$-]*");

    public JsonPath {
        for (Object s : segments) {
            if (!(s instanceof String) && !(s instanceof Integer)) {
                throw new IllegalArgumentException("a path segment is a member name or an index: " + s);
            }
        }
        segments = List.copyOf(segments);
    }

    /** This path with one more member name. */
    public JsonPath member(String name) {
        List<Object> s = new ArrayList<>(segments);
        s.add(name);
        return new JsonPath(s);
    }

    /** This path with one more array index. */
    public JsonPath index(int i) {
        List<Object> s = new ArrayList<>(segments);
        s.add(i);
        return new JsonPath(s);
    }

    /** The value at this path (a missing node when any step is absent). */
    public JsonNode resolve(JsonNode root) {
        JsonNode node = root == null ? MissingNode.getInstance() : root;
        for (Object s : segments) {
            if (node.isArray()) {
                int i = s instanceof Integer n ? n : parseIndex((String) s);
                node = i < 0 ? MissingNode.getInstance() : node.path(i);
            } else if (node.isObject()) {
                node = node.path(s.toString());
            } else {
                return MissingNode.getInstance();
            }
        }
        return node;
    }

    /** The path as a JSON Pointer (RFC 6901); the root is the empty string. */
    public String pointer() {
        StringBuilder b = new StringBuilder();
        for (Object s : segments) {
            b.append('/').append(s.toString().replace("~", "~0").replace("/", "~1"));
        }
        return b.toString();
    }

    /** Dotted form, see the type's comment. */
    @Override
    public String toString() {
        if (segments.isEmpty()) {
            return "$";
        }
        StringBuilder b = new StringBuilder();
        for (Object s : segments) {
            if (s instanceof Integer i) {
                b.append('[').append(i).append(']');
            } else if (PLAIN.matcher((String) s).matches()) {
                b.append(b.isEmpty() ? "" : ".").append(s);
            } else {
                b.append("[\"").append(((String) s).replace("\\", "\\\\").replace("\"", "\\\"")).append("\"]");
            }
        }
        return b.toString();
    }

    /**
     * Reads a path in dotted form or as a JSON Pointer.
     *
     * @throws IllegalArgumentException with the reason when the text is not a path
     */
    public static JsonPath parse(String text) {
        if (text == null || text.isEmpty() || text.equals("$")) {
            return ROOT;
        }
        if (text.startsWith("/")) {
            List<Object> s = new ArrayList<>();
            for (String token : text.substring(1).split("/", -1)) {
                String name = token.replace("~1", "/").replace("~0", "~");
                s.add(name.matches("0|[1-9][0-9]{0,8}") ? (Object) Integer.valueOf(name) : name);
            }
            return new JsonPath(s);
        }
        return new JsonPath(dotted(text.startsWith("$.") ? text.substring(2) : text));
    }

    private static List<Object> dotted(String text) {
        List<Object> s = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '.') {
                if (i == 0 || i == text.length() - 1) {
                    throw new IllegalArgumentException("misplaced '.' in path '" + text + "'");
                }
                i++;
            } else if (c == '[') {
                int end = text.indexOf(']', i);
                if (text.startsWith("[\"", i)) {
                    end = closingQuote(text, i + 2);
                    s.add(text.substring(i + 2, end).replace("\\\"", "\"").replace("\\\\", "\\"));
                    end++;
                    if (end >= text.length() || text.charAt(end) != ']') {
                        throw new IllegalArgumentException("expected ']' in path '" + text + "'");
                    }
                } else {
                    if (end < 0 || !text.substring(i + 1, end).matches("[0-9]{1,9}")) {
                        throw new IllegalArgumentException("expected an index like [0] in path '" + text + "'");
                    }
                    s.add(Integer.valueOf(text.substring(i + 1, end)));
                }
                i = end + 1;
            } else {
                int end = i;
                while (end < text.length() && text.charAt(end) != '.' && text.charAt(end) != '[') {
                    end++;
                }
                s.add(text.substring(i, end));
                i = end;
            }
        }
        return s;
    }

    private static int closingQuote(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (text.charAt(i) == '\\') {
                i++;
            } else if (text.charAt(i) == '"') {
                return i;
            }
        }
        throw new IllegalArgumentException("unclosed '\"' in path '" + text + "'");
    }

    private static int parseIndex(String s) {
        return s.matches("0|[1-9][0-9]{0,8}") ? Integer.parseInt(s) : -1;
    }
}
