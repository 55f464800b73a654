package eventlens.replay;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.app.work.ScriptEngines;
import eventlens.model.Event;
import eventlens.model.Json;
import eventlens.model.query.EventQuery;
import eventlens.model.state.AggregateState;
import eventlens.model.state.MergePatchReducer;
import eventlens.model.store.ProjectStore;
import eventlens.replay.script.ReplayScript;
import eventlens.replay.script.ScriptEngine;
import eventlens.testing.TestProjects;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run keeps neither its deliveries nor the events it folds lazily (issue 13): states are found again
 * through the source once their events left the recent window. Every state must still equal a plain fold
 * of what the run delivered, in delivery order, published events included.
 */
class ReplayMemoryTest {
    static final int EVENTS = 20_000;
    static final String SCRIPT = """
            on('t', (event, ctx) => {
              if (event.data.n % 50 === 0) {
                ctx.publish('p', { pub: event.data.n }, { aggregateType: 'A', aggregateId: event.aggregateId });
              }
            });
            """;
    @TempDir
    static Path dir;
    static ScriptEngine engine;
    static ProjectStore store;

    @BeforeAll
    static void project() throws Exception {
        engine = ScriptEngines.start();
        Path log = dir.resolve("many.jsonl");
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= EVENTS; i++) {
            String aggregate = i % 10 == 0 ? "" : ",\"aggregateType\":\"A\",\"aggregateId\":\"a-" + (i * 7 % 300) + "\"";
            lines.add("{\"id\":\"e" + i + "\",\"type\":\"t\",\"timestamp\":" + (1_700_000_000_000L + i) + aggregate
                    + ",\"data\":{\"n\":" + i + ",\"k" + (i % 7) + "\":" + i + "}}");
        }
        Files.write(log, lines);
        store = TestProjects.imported(dir.resolve("p.eventlens"), log);
    }

    @AfterAll
    static void close() {
        store.close();
        engine.close();
    }

    @Test
    void statesReadFromTheStoreEqualAFoldOfWhatWasDelivered() {
        checkStates(EventSource.of(store, EventQuery.ALL));
    }

    @Test
    void statesOfAListSourceEqualAFoldOfWhatWasDelivered() {
        checkStates(EventSource.of(EventSource.of(store, EventQuery.ALL).all()));
    }

    @Test
    void aSliceFilteredByAggregatePatternFoldsOnlyItsOwnEvents() {
        checkStates(EventSource.of(store, EventQuery.ALL.withAggregate("a-[12]*")));
    }

    @Test
    void theSessionKeepsOnlyTheLastDeliveries() {
        try (ReplaySession s = session(EventSource.of(store, EventQuery.ALL))) {
            s.runToEnd();
            assertThat(s.position()).isEqualTo(EVENTS + EVENTS / 50);
            assertThat(s.deliveries()).hasSize(ReplaySession.KEPT_DELIVERIES);
            assertThat(s.deliveries().get(ReplaySession.KEPT_DELIVERIES - 1).index()).isEqualTo(s.position());
        }
    }

    @Test
    void aRunWhoseHandlersNeverReadTheDataNeverUnpacksTheRecordedTexts() {
        // Decision 0070: the events come from the store with their texts left packed, and nothing on a step's way
        // (the bus, the recent folds, the counts, the kept deliveries) asks for them unless a handler does.
        ReplaySettings trivial = ReplaySettings.of(new ReplayScript("trivial.js", "on('#', (e) => {});"), ReplayMode.ALL);
        ReplaySettings readsData = ReplaySettings.of(new ReplayScript("reads.js",
                "let sum = 0; on('t', (e, ctx) => { sum += e.data.n; if (e.data.n === 20000) ctx.log('' + sum); });"),
                ReplayMode.ALL);
        List<Boolean> pending = new ArrayList<>();
        try (ReplaySession s = new ReplaySession(engine, EventSource.of(store, EventQuery.ALL), trivial, Runnable::run,
                Pacer.none())) {
            s.addListener(new ReplayListener() {
                @Override
                public void delivered(Delivery d) {
                    pending.add(d.event().textsPending());
                }
            });
            s.runToEnd();
            assertThat(s.deliveries()).allSatisfy(d -> assertThat(d.event().textsPending()).isTrue());
        }
        assertThat(pending).hasSize(EVENTS).containsOnly(true);
        try (ReplaySession s = new ReplaySession(engine, EventSource.of(store, EventQuery.ALL), readsData, Runnable::run,
                Pacer.none())) {
            s.runToEnd();
            assertThat(s.outputs().logs()).singleElement()
                    .satisfies(l -> assertThat(l.text()).isEqualTo(String.valueOf((long) EVENTS * (EVENTS + 1) / 2)));
        }
    }

    @Test
    void aRunKeepsTheFirstLogLinesAndCountsThemAll() {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < RunOutputs.KEPT + 10; i++) {
            events.add(new Event(i + 1, "e" + i, "t", null, null, null, null, null, null, null, "{}", null, "{}", null));
        }
        ReplaySettings settings = ReplaySettings.of(new ReplayScript("log.js", "on('t', (e, ctx) => ctx.log(e.id));"), ReplayMode.ALL);
        try (ReplaySession s = new ReplaySession(engine, EventSource.of(events), settings, Runnable::run, Pacer.none())) {
            s.runToEnd();
            assertThat(s.summary().logLines()).isEqualTo(RunOutputs.KEPT + 10);
            assertThat(s.outputs().logs()).hasSize(RunOutputs.KEPT);
            assertThat(s.outputs().logs().get(RunOutputs.KEPT - 1).text()).isEqualTo("e" + (RunOutputs.KEPT - 1));
        }
    }

    @Test
    void globMatchesAsSqliteDoes() {
        assertThat(StoreSource.glob("a-1?", "a-12")).isTrue();
        assertThat(StoreSource.glob("a-1?", "a-123")).isFalse();
        assertThat(StoreSource.glob("a-*", "a-")).isTrue();
        assertThat(StoreSource.glob("a-[0-4]*", "a-37")).isTrue();
        assertThat(StoreSource.glob("a-[^0-4]*", "a-37")).isFalse();
        assertThat(StoreSource.glob("a.b", "axb")).isFalse();
    }

    /** At several points of the run, every aggregate's state equals the reference fold of the deliveries so far. */
    private static void checkStates(EventSource source) {
        Map<String, AggregateState> expected = new LinkedHashMap<>();
        MergePatchReducer reducer = new MergePatchReducer();
        try (ReplaySession s = session(source)) {
            s.addListener(new ReplayListener() {
                @Override
                public void delivered(Delivery d) {
                    Event e = d.event();
                    if (d.attempt() == 1 && e.aggregateId() != null) {
                        AggregateState before = expected.getOrDefault(e.aggregateId(), AggregateState.initial(e.aggregateId(), "A"));
                        expected.put(e.aggregateId(), before.next(e, reducer));
                    }
                }
            });
            int checks = 0;
            for (long position : new long[] {120, 15_555, Long.MAX_VALUE}) {
                s.runToPosition(position);
                for (int a = 0; a < 300; a++) {
                    String id = "a-" + a;
                    AggregateState want = expected.get(id);
                    assertThat(s.state(id)).as("state of %s after position %d", id, position)
                            .isEqualTo(want == null ? null : Json.write(want.data()));
                    checks += want == null ? 0 : 1;
                }
            }
            assertThat(checks).isGreaterThan(100);
        }
    }

    private static ReplaySession session(EventSource source) {
        return new ReplaySession(engine, source, ReplaySettings.of(new ReplayScript("t.js", SCRIPT), ReplayMode.ALL),
                Runnable::run, Pacer.none());
    }

}
