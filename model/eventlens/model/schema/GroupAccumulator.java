package eventlens.model.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** The schema of one (type, version) being built: shapes and sampled values, bounded in size. */
final class GroupAccumulator {
    private final String type;
    private final String version;
    private long events;
    private EventRef first;
    private EventRef last;
    private long otherShapeEvents;
    private final Map<Long, ShapeAccumulator> shapes = new LinkedHashMap<>();
    private final Map<String, ValueAccumulator> values = new LinkedHashMap<>();

    GroupAccumulator(String type, String version) {
        this.type = type;
        this.version = version;
    }

    /** Continues from a stored schema. */
    static GroupAccumulator resume(TypeSchema stored) {
        GroupAccumulator g = new GroupAccumulator(stored.type(), stored.version());
        g.events = stored.events();
        g.first = stored.first();
        g.last = stored.last();
        g.otherShapeEvents = stored.otherShapeEvents();
        for (Shape s : stored.shapes()) {
            g.shapes.put(s.fingerprint(), ShapeAccumulator.resume(s));
        }
        for (FieldValues v : stored.values()) {
            g.values.put(v.path(), ValueAccumulator.resume(v));
        }
        return g;
    }

    long events() {
        return events;
    }

    /** Whether an event of this fingerprint would start a new shape (so its paths are needed). */
    boolean needsPaths(long fingerprint) {
        return !shapes.containsKey(fingerprint) && shapes.size() < SchemaInference.MAX_SHAPES;
    }

    /** Counts an event of a fingerprint; {@code paths} are needed when {@link #needsPaths} said so. */
    void add(EventRef event, long fingerprint, Map<String, TreeSet<String>> paths) {
        events++;
        if (first == null) {
            first = event;
        }
        last = event;
        ShapeAccumulator s = shapes.get(fingerprint);
        if (s == null) {
            if (paths == null) {
                otherShapeEvents++;
                return;
            }
            s = new ShapeAccumulator(fingerprint, paths);
            shapes.put(fingerprint, s);
        }
        s.add(event);
    }

    /** Takes one sampled value of a field. */
    void value(String path, JsonKind kind, String text) {
        ValueAccumulator v = values.get(path);
        if (v == null) {
            if (values.size() >= SchemaInference.MAX_FIELDS) {
                return;
            }
            v = new ValueAccumulator(path);
            values.put(path, v);
        }
        v.add(kind, text);
    }

    TypeSchema snapshot() {
        List<Shape> s = new ArrayList<>();
        for (ShapeAccumulator a : shapes.values()) {
            s.add(a.snapshot());
        }
        List<FieldValues> v = new ArrayList<>();
        for (ValueAccumulator a : values.values()) {
            v.add(a.snapshot());
        }
        return new TypeSchema(type, version, events, first, last, otherShapeEvents, s, v);
    }

    private static final class ShapeAccumulator {
        private final long fingerprint;
        private final Map<String, List<String>> fields;
        private long events;
        private EventRef first;
        private EventRef last;
        private final List<EventRef> sample = new ArrayList<>();

        ShapeAccumulator(long fingerprint, Map<String, ? extends java.util.Collection<String>> paths) {
            this.fingerprint = fingerprint;
            this.fields = new TreeMap<>();
            paths.forEach((path, types) -> fields.put(path, List.copyOf(types)));
        }

        static ShapeAccumulator resume(Shape s) {
            ShapeAccumulator a = new ShapeAccumulator(s.fingerprint(), s.fields());
            a.events = s.events();
            a.first = s.first();
            a.last = s.last();
            a.sample.addAll(s.sample());
            return a;
        }

        void add(EventRef event) {
            events++;
            if (first == null) {
                first = event;
            }
            last = event;
            if (sample.size() < Shape.SAMPLE) {
                sample.add(event);
            }
        }

        Shape snapshot() {
            return new Shape(fingerprint, fields, events, first, last, sample);
        }
    }

    private static final class ValueAccumulator {
        private final String path;
        private long sampled;
        private final List<String> examples = new ArrayList<>();
        private final java.util.LinkedHashSet<String> distinct = new java.util.LinkedHashSet<>();
        private boolean manyValues;
        private final Map<String, Long> formats = new TreeMap<>();

        ValueAccumulator(String path) {
            this.path = path;
        }

        static ValueAccumulator resume(FieldValues v) {
            ValueAccumulator a = new ValueAccumulator(v.path());
            a.sampled = v.sampled();
            a.examples.addAll(v.examples());
            a.distinct.addAll(v.distinct());
            a.manyValues = v.manyValues();
            a.formats.putAll(v.formats());
            return a;
        }

        void add(JsonKind kind, String text) {
            sampled++;
            String json = kind == JsonKind.STRING ? quoted(text) : text;
            if (!manyValues && !distinct.contains(json)) {
                if (distinct.size() >= FieldValues.MAX_DISTINCT) {
                    manyValues = true;
                    distinct.clear();
                } else {
                    distinct.add(json);
                }
            }
            if (examples.size() < FieldValues.EXAMPLES && !examples.contains(json)) {
                examples.add(json.length() > 80 ? json.substring(0, 77) + "…" : json);
            }
            if (kind == JsonKind.STRING) {
                formats.merge("string", 1L, Long::sum);
                StringFormat f = StringFormat.of(text);
                if (f != null) {
                    formats.merge(f.label(), 1L, Long::sum);
                }
            }
        }

        private static String quoted(String text) {
            return eventlens.model.Json.write(com.fasterxml.jackson.databind.node.TextNode.valueOf(
                    text.length() > 200 ? text.substring(0, 200) : text));
        }

        FieldValues snapshot() {
            return new FieldValues(path, sampled, examples, List.copyOf(distinct), manyValues, formats);
        }
    }
}
