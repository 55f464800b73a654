package eventlens.model.schema;

import java.util.List;
import java.util.Map;

/**
 * One field of an inferred schema.
 *
 * @param path its path ({@code items[].sku}; the data itself is the empty path)
 * @param types each JSON type it had with the number of events that had it so (a field can have several)
 * @param present the number of events that had the field at all
 * @param examples a few example values
 * @param enumValues the values of an enum-like field, else empty
 * @param format the format every sampled string value had, or null
 */
public record FieldSchema(String path, Map<String, Long> types, long present, List<String> examples,
        List<String> enumValues, StringFormat format) {
    public FieldSchema {
        types = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(types));
        examples = List.copyOf(examples);
        enumValues = List.copyOf(enumValues);
    }

    /** The field's name: the last part of its path ({@code []} for an array element, "(data)" for the root). */
    public String name() {
        if (path.isEmpty()) {
            return "(data)";
        }
        if (path.endsWith("[]")) {
            return "[]";
        }
        int dot = path.lastIndexOf('.');
        int bracket = path.lastIndexOf("[]");
        return path.substring(Math.max(dot + 1, bracket >= 0 && bracket > dot ? bracket + 2 : 0));
    }

    /** The path of the field this one is in, or null for the root. */
    public String parent() {
        if (path.isEmpty()) {
            return null;
        }
        if (path.endsWith("[]")) {
            return path.substring(0, path.length() - 2);
        }
        int dot = path.lastIndexOf('.');
        int bracket = path.lastIndexOf("[]");
        if (bracket >= 0 && bracket + 2 > dot) {
            return path.substring(0, bracket + 2);
        }
        return dot < 0 ? "" : path.substring(0, dot);
    }
}
