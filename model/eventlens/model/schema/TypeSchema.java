package eventlens.model.schema;

import eventlens.model.DeclaredVersion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The inferred schema of one event type at one declared schema version (null: the events declare none):
 * its shapes as seen over the log and what its fields' sampled values looked like. Stored in the project as
 * JSON and merged with the next import's events.
 *
 * @param type the event type ("" for events without one)
 * @param version the declared schema version ({@link DeclaredVersion}), or null
 * @param events the events of this type and version
 * @param first the first of them
 * @param last the last of them
 * @param otherShapeEvents events whose shape came after {@link SchemaInference#MAX_SHAPES} others: counted
 *                         here, not in any shape
 * @param shapes the shapes seen, in order of first appearance
 * @param values sampled values per field path
 */
public record TypeSchema(String type, String version, long events, EventRef first, EventRef last,
        long otherShapeEvents, List<Shape> shapes, List<FieldValues> values) {
    public TypeSchema {
        shapes = List.copyOf(shapes);
        values = List.copyOf(values);
    }

    /** {@code type} or {@code type@version}. */
    public String label() {
        return version == null ? type : type + "@" + version;
    }

    /** The fields of all shapes in path order, with how often and as what each was present. */
    public List<FieldSchema> fields() {
        Map<String, Map<String, Long>> types = new TreeMap<>();
        Map<String, Long> present = new HashMap<>();
        for (Shape s : shapes) {
            for (var f : s.fields().entrySet()) {
                present.merge(f.getKey(), s.events(), Long::sum);
                for (String t : f.getValue()) {
                    types.computeIfAbsent(f.getKey(), k -> new TreeMap<>()).merge(t, s.events(), Long::sum);
                }
            }
        }
        Map<String, FieldValues> byPath = new HashMap<>();
        for (FieldValues v : values) {
            byPath.put(v.path(), v);
        }
        List<FieldSchema> out = new ArrayList<>();
        for (var e : types.entrySet()) {
            FieldValues v = byPath.get(e.getKey());
            out.add(new FieldSchema(e.getKey(), e.getValue(), present.get(e.getKey()),
                    v == null ? List.of() : v.examples(), v == null ? List.of() : v.enumValues(),
                    v == null ? null : v.format()));
        }
        return out;
    }

    /** The events counted in shapes (all but {@link #otherShapeEvents}). */
    public long shapedEvents() {
        return events - otherShapeEvents;
    }

    /** The paths any shape has. */
    public Set<String> paths() {
        Set<String> out = new LinkedHashSet<>();
        for (Shape s : shapes) {
            out.addAll(s.fields().keySet());
        }
        return out;
    }
}
