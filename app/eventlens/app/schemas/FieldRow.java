package eventlens.app.schemas;

import eventlens.model.schema.FieldSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One field of the inferred-schema tree: the field, how often it was present (0–1 of the type's shaped
 * events) and the fields inside it.
 */
public record FieldRow(FieldSchema field, double presence, List<FieldRow> children) {
    /** The tree of a type's fields, rooted at the data itself. Paths whose parent is missing hang off the root. */
    static FieldRow tree(List<FieldSchema> fields, long events) {
        Map<String, FieldRow> byPath = new LinkedHashMap<>();
        FieldRow root = null;
        for (FieldSchema f : fields) {
            FieldRow row = new FieldRow(f, events == 0 ? 0 : Math.min(1.0, (double) f.present() / events), new ArrayList<>());
            byPath.put(f.path(), row);
            if (f.path().isEmpty()) {
                root = row;
            }
        }
        if (root == null) {
            root = new FieldRow(new FieldSchema("", Map.of(), events, List.of(), List.of(), null), 1, new ArrayList<>());
        }
        for (FieldRow row : byPath.values()) {
            if (row == root) {
                continue;
            }
            FieldRow parent = byPath.getOrDefault(row.field().parent(), root);
            parent.children().add(row);
        }
        return root;
    }

    /** The field's JSON types, "integer|string". */
    public String types() {
        return String.join("|", field.types().keySet());
    }

    /** Format, enum values or examples, in words. */
    public String values() {
        StringBuilder b = new StringBuilder();
        if (field.format() != null) {
            b.append(field.format().label());
        }
        if (!field.enumValues().isEmpty()) {
            b.append(b.isEmpty() ? "" : "; ").append("one of ").append(String.join(", ", field.enumValues()));
        } else if (!field.examples().isEmpty() && !field.types().containsKey("object") && !field.types().containsKey("array")) {
            b.append(b.isEmpty() ? "" : "; ").append("e.g. ").append(String.join(", ", field.examples()));
        }
        return b.toString();
    }
}
