package eventlens.model.schema;

import java.util.List;
import java.util.Map;

/**
 * One shape of a type's data, as seen over the log: its fields (path → JSON types), how many events had it,
 * the first and last of them, and the first few of them.
 *
 * @param fingerprint the hash of the sorted path:type set ({@link ShapeReader})
 * @param fields each path of the shape with its JSON type names
 * @param events the events with this shape
 * @param first the first event with it
 * @param last the last event with it
 * @param sample the first events with it, at most {@link #SAMPLE}
 */
public record Shape(long fingerprint, Map<String, List<String>> fields, long events, EventRef first, EventRef last,
        List<EventRef> sample) {
    /** How many events of a shape are kept by reference: all of those of a rare (stray) shape. */
    public static final int SAMPLE = 50;

    public Shape {
        fields = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(fields));
        sample = List.copyOf(sample);
    }

    /** Whether the shape has this path with this JSON type name. */
    public boolean has(String path, String type) {
        List<String> types = fields.get(path);
        return types != null && types.contains(type);
    }
}
