package eventlens.model.state;

import eventlens.model.Event;
import eventlens.model.Json;
import eventlens.model.Origin;
import eventlens.model.store.AggregateStore;
import eventlens.model.store.ImportWriter;
import eventlens.model.store.ProjectStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Given/when/then for aggregate state, in the manner of Axon's test fixtures: {@code given} events
 * (stored in a real project), {@code when} asks for a state, the test asserts on it.
 */
final class AggregateFixture implements AutoCloseable {
    private final ProjectStore project;
    private final AtomicLong ids = new AtomicLong();
    private Reducers reducers = Reducers.standard();
    private int snapshotEvery = Snapshots.DEFAULT_EVERY;

    private AggregateFixture(Path file) {
        this.project = ProjectStore.open(file);
    }

    static AggregateFixture in(Path dir) {
        return new AggregateFixture(dir.resolve("p.db"));
    }

    /** An event of {@code aggregateId} (type from the fixture's default) at a time with a version and data. */
    static Event event(String aggregateId, String aggregateType, String type, Long version, String time, String data) {
        String id = "e-" + aggregateId + "-" + type + "-" + version + "-" + time + "-" + Math.abs(data.hashCode());
        return new Event(0, id, type, "test", time == null ? null : Instant.parse(time), aggregateType, aggregateId,
                version, null, null, data, null, Json.write(Json.parseOrMissing(data)), new Origin("given", 0, "json"));
    }

    AggregateFixture withReducers(Reducers r) {
        this.reducers = r;
        return this;
    }

    AggregateFixture withSnapshotEvery(int every) {
        this.snapshotEvery = every;
        return this;
    }

    /** Stores the events in one import, in the given order (the order of their positions). */
    AggregateFixture given(Event... events) {
        return given(List.of(events));
    }

    AggregateFixture given(List<Event> events) {
        try (ImportWriter w = project.beginImport()) {
            w.startFile("given-" + ids.incrementAndGet(), "json", null);
            for (Event e : events) {
                w.add(e);
            }
            w.commit();
        }
        return this;
    }

    StateAt states() {
        AggregateStore store = new AggregateStore(project);
        return new StateAt(store, reducers, new Snapshots(store, snapshotEvery));
    }

    AggregateStore store() {
        return new AggregateStore(project);
    }

    ProjectStore project() {
        return project;
    }

    static List<Event> list(Event... events) {
        return new ArrayList<>(List.of(events));
    }

    @Override
    public void close() {
        project.close();
    }
}
