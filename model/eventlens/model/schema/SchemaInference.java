package eventlens.model.schema;

import eventlens.model.DeclaredVersion;
import eventlens.model.Event;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Infers the schema of each event type (and declared version) from events seen one at a time, in log
 * order: at import, over the events a writer stores, or over a stored project on first use.
 *
 * <p>Memory is bounded whatever the log's size: at most {@link #MAX_GROUPS} (type, version) groups (events
 * of further ones are counted in {@link #ungroupedEvents()}), {@link #MAX_SHAPES} shapes per group (events of
 * further shapes are counted, not shaped), {@link ShapeReader#MAX_PATHS} paths per shape,
 * {@link #MAX_FIELDS} fields with sampled values per group and {@link FieldValues#MAX_DISTINCT} distinct
 * values per field.
 *
 * <p>Every event is fingerprinted (one streaming pass over its data, {@link ShapeReader}), so shape counts,
 * presence counts and first/last events are exact. Values (examples, enum-likeness, formats) are sampled:
 * the first {@link #SAMPLE_FIRST} events of each group, then one in {@link #SAMPLE_EVERY}; a type with
 * millions of events has its values read from about 1 % of them. The declared version is looked for only
 * in records that mention a version field or a {@code dataschema} ({@link DeclaredVersion#mayDeclare}).
 */
public final class SchemaInference {
    static final int MAX_GROUPS = 2000;
    static final int MAX_SHAPES = 64;
    static final int MAX_FIELDS = 500;
    static final int SAMPLE_FIRST = 1000;
    static final int SAMPLE_EVERY = 100;

    private final Map<Key, GroupAccumulator> groups = new LinkedHashMap<>();
    private final ShapeReader reader = new ShapeReader();
    private long ungroupedEvents;

    private record Key(String type, String version) {
    }

    /** An empty inference. */
    public SchemaInference() {
    }

    /** An inference that goes on from stored schemas. */
    public static SchemaInference resume(List<TypeSchema> stored) {
        SchemaInference s = new SchemaInference();
        for (TypeSchema t : stored) {
            s.groups.put(new Key(t.type(), t.version()), GroupAccumulator.resume(t));
        }
        return s;
    }

    /** Takes one stored event (its position set). */
    public void observe(Event event) {
        observe(event.position(), event.id(), event.type(), declaredVersion(event), event.data());
    }

    /** The version {@code event} declares, or null. */
    static String declaredVersion(Event event) {
        return DeclaredVersion.mayDeclare(event.raw(), event.metadata()) ? DeclaredVersion.of(event) : null;
    }

    /** Takes one event: its position, id, type (null: none), declared version (null: none) and data text. */
    public void observe(long position, String id, String type, String version, String data) {
        Key key = new Key(Objects.requireNonNullElse(type, ""), version);
        GroupAccumulator g = groups.get(key);
        if (g == null) {
            if (groups.size() >= MAX_GROUPS) {
                ungroupedEvents++;
                return;
            }
            g = new GroupAccumulator(key.type(), key.version());
            groups.put(key, g);
        }
        long n = g.events();
        boolean sample = n < SAMPLE_FIRST || n % SAMPLE_EVERY == 0;
        long fingerprint = reader.fingerprint(data);
        Map<String, TreeSet<String>> paths = null;
        if (g.needsPaths(fingerprint) || sample) {
            paths = new TreeMap<>();
            GroupAccumulator target = g;
            reader.read(data, paths, sample ? target::value : null);
            if (!g.needsPaths(fingerprint)) {
                paths = null;
            }
        }
        g.add(new EventRef(position, id), fingerprint, paths);
    }

    /** Events not counted in any group because there were already {@link #MAX_GROUPS} groups. */
    public long ungroupedEvents() {
        return ungroupedEvents;
    }

    /** The schemas so far, by type then version (no version first). */
    public List<TypeSchema> schemas() {
        List<TypeSchema> out = new ArrayList<>();
        for (GroupAccumulator g : groups.values()) {
            out.add(g.snapshot());
        }
        out.sort(SchemaInference::byTypeThenVersion);
        return out;
    }

    static int byTypeThenVersion(TypeSchema a, TypeSchema b) {
        int c = a.type().compareTo(b.type());
        if (c != 0) {
            return c;
        }
        if (a.version() == null || b.version() == null) {
            return a.version() == null ? (b.version() == null ? 0 : -1) : 1;
        }
        return Long.compare(a.first() == null ? 0 : a.first().position(), b.first() == null ? 0 : b.first().position());
    }
}
