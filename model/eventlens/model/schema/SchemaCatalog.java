package eventlens.model.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import eventlens.model.Event;
import eventlens.model.Json;
import eventlens.model.store.ImportWriter;
import eventlens.model.store.ProjectStore;
import eventlens.model.store.SchemasTable;
import eventlens.model.store.StoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * The inferred schemas of a project: as stored, brought up to date first when events were added that they
 * do not cover (a project imported before schemas were kept has none: its events are read once, in pages,
 * and the result stored). An import keeps them current by itself through {@link #importTap()}, unless it is big: its
 * schemas are then inferred after the project opens, by the window or {@code eventlens import} (decision 0079), the
 * stored events read a few pages ahead on a thread of their own ({@link PagesAhead}).
 */
public final class SchemaCatalog {
    private static final int PAGE = 2000;
    /** One lock per open project (held weakly: a closed project's goes with it). */
    private static final java.util.Map<ProjectStore, Object> LOCKS = new java.util.WeakHashMap<>();

    /** Told how far a catch-up has come. */
    public interface Progress {
        /** The events are read up to position {@code done} of the last one, {@code total}. */
        void events(long done, long total);

        /** Whether to stop; the schemas are then left as stored. */
        default boolean cancelled() {
            return false;
        }
    }

    private SchemaCatalog() {
    }

    /**
     * What an import hands its stored events to, so that the schemas stored with it cover them: the inference
     * runs on a thread {@code thread} provides (it must run the task on another thread than the import's).
     */
    public static ImportWriter.TapStart importTap(Executor thread) {
        return stored -> new InferringTap(SchemaInference.resume(parse(stored)), thread);
    }

    /** {@link #importTap(Executor)} on a new daemon thread per import. */
    public static ImportWriter.TapStart importTap() {
        return importTap(task -> Thread.ofPlatform().daemon().name("eventlens-schema-inference").start(task));
    }

    /** Whether the stored schemas cover every event of the project (else {@link #schemas} reads the rest first). */
    public static boolean upToDate(ProjectStore store) {
        return uncovered(store) == 0;
    }

    /** How many positions of the project's log the stored schemas do not cover yet: the events a catch-up reads. */
    public static long uncovered(ProjectStore store) {
        try (SchemasTable table = new SchemasTable(store)) {
            return Math.max(0, table.lastPosition() - table.coveredTo());
        }
    }

    /**
     * The schemas of every type and version, brought up to date first when events are not covered yet (and
     * stored, unless the project is read-only); null when cancelled.
     */
    public static List<TypeSchema> schemas(ProjectStore store, Progress progress) {
        synchronized (lockOf(store)) {
            try (SchemasTable table = new SchemasTable(store)) {
                return infer(store, table, Long.MAX_VALUE, progress);
            }
        }
    }

    /**
     * Brings the stored schemas forward over at most about {@code most} more events (whole pages), and stores them
     * with what they cover, so that a long catch-up can be done a slice at a time between other work (the window's,
     * decision 0079) and a stop loses only the slice; {@code progress} is told the position covered and the last one.
     * True when nothing is left for it to do: they cover every event, or the project is read-only (its schemas are
     * never stored: {@link #schemas} infers them when asked). False when more are left, or when cancelled.
     */
    public static boolean catchUp(ProjectStore store, long most, Progress progress) {
        synchronized (lockOf(store)) {
            try (SchemasTable table = new SchemasTable(store)) {
                return !table.writable() || infer(store, table, most, progress) != null
                        && table.coveredTo() >= table.lastPosition();
            }
        }
    }

    /**
     * The lock of one project's catch-up: the window's background catch-up after an import and the Schemas view's own
     * would otherwise both read every event; the second waits and finds the schemas stored.
     */
    private static Object lockOf(ProjectStore store) {
        synchronized (LOCKS) {
            return LOCKS.computeIfAbsent(store, s -> new Object());
        }
    }

    /**
     * The stored schemas brought forward over at most about {@code most} (whole pages) of the events they do not
     * cover, and stored with what they cover unless the project is read-only; null when cancelled.
     */
    private static List<TypeSchema> infer(ProjectStore store, SchemasTable table, long most, Progress progress) {
        long covered = table.coveredTo();
        long last = table.lastPosition();
        List<TypeSchema> stored = parse(table.rows());
        if (covered >= last) {
            return stored;
        }
        SchemaInference inference = SchemaInference.resume(covered == 0 ? List.of() : stored);
        long after = covered;
        try (PagesAhead pages = new PagesAhead(store, covered, PAGE, most)) {
            for (List<Event> page = pages.next(); !page.isEmpty(); page = pages.next()) {
                for (Event e : page) {
                    inference.observe(e);
                }
                after = page.getLast().position();
                progress.events(after, last);
                if (progress.cancelled()) {
                    return null;
                }
            }
        }
        List<TypeSchema> out = inference.schemas();
        if (table.writable()) {
            table.save(rows(out), after);
        }
        return out;
    }

    /** The schemas of one type (all its versions), or of all when {@code type} is null. */
    public static List<TypeSchema> ofType(List<TypeSchema> all, String type) {
        return type == null ? all : all.stream().filter(s -> s.type().equals(type)).toList();
    }

    static List<SchemasTable.Row> rows(List<TypeSchema> schemas) {
        List<SchemasTable.Row> out = new ArrayList<>();
        for (TypeSchema s : schemas) {
            try {
                out.add(new SchemasTable.Row(s.type(), s.version(), Json.mapper().writeValueAsString(s)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a schema always serialises", e);
            }
        }
        return out;
    }

    static List<TypeSchema> parse(List<SchemasTable.Row> rows) {
        List<TypeSchema> out = new ArrayList<>();
        for (SchemasTable.Row r : rows) {
            try {
                out.add(Json.mapper().readValue(r.body(), TypeSchema.class));
            } catch (JsonProcessingException e) {
                throw new StoreException("the stored schema of " + r.type() + " cannot be read: "
                        + e.getOriginalMessage(), e);
            }
        }
        out.sort(SchemaInference::byTypeThenVersion);
        return out;
    }
}
