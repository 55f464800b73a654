package eventlens.model.state;

import static eventlens.model.state.AggregateFixture.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eventlens.model.Event;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotsTest {
    static final String CART = "cart-1";
    static final Instant T0 = Instant.parse("2024-05-01T00:00:00Z");

    @TempDir
    Path dir;

    /** A cart whose every event patches a few members: counters, nested objects, removals. */
    static List<Event> cartHistory(long fromVersion, int count, long seed) {
        Random random = new Random(seed);
        List<Event> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long v = fromVersion + i;
            String data = switch (random.nextInt(4)) {
                case 0 -> "{\"count\":" + v + ",\"items\":{\"sku-" + random.nextInt(20) + "\":" + random.nextInt(5) + "}}";
                case 1 -> "{\"count\":" + v + ",\"items\":{\"sku-" + random.nextInt(20) + "\":null}}";
                case 2 -> "{\"count\":" + v + ",\"note\":\"n" + random.nextInt(1000) + "\"}";
                default -> "{\"count\":" + v + ",\"note\":null,\"tags\":[" + random.nextInt(9) + "]}";
            };
            out.add(event(CART, "Cart", "cart.changed", v, T0.plusSeconds(v * 10).toString(), data));
        }
        return out;
    }

    /** The reference: a plain fold of the events in fold order, no store, no snapshots. */
    static AggregateState fullFold(List<Event> events, java.util.function.Predicate<Event> upTo) {
        AggregateState s = AggregateState.initial(CART, "Cart");
        Reducer r = new MergePatchReducer();
        for (Event e : events) {
            if (!upTo.test(e)) {
                break;
            }
            s = s.next(e, r);
        }
        return s;
    }

    static List<Event> inFoldOrder(List<Event> storedInImportOrder) {
        List<Event> copy = new ArrayList<>();
        for (int i = 0; i < storedInImportOrder.size(); i++) {
            copy.add(storedInImportOrder.get(i).withPosition(i + 1));
        }
        copy.sort(Comparator.comparing(Event::version).thenComparing(Event::position));
        return copy;
    }

    static void assertSameState(AggregateState actual, AggregateState expected) {
        assertThat(JsonDiff.diff(actual.data(), expected.data())).isEmpty();
        assertThat(actual.meta().version()).isEqualTo(expected.meta().version());
        assertThat(actual.meta().eventCount()).isEqualTo(expected.meta().eventCount());
        assertThat(actual.meta().lastEventTime()).isEqualTo(expected.meta().lastEventTime());
    }

    @Test
    void stateFromASnapshotEqualsTheFullFoldAtRandomPoints() {
        List<Event> history = cartHistory(1, 1000, 7);
        try (AggregateFixture f = AggregateFixture.in(dir).given(history)) {
            StateAt states = f.states();
            List<Event> fold = inFoldOrder(history);
            Random random = new Random(42);
            for (int i = 0; i < 200; i++) {
                long version = random.nextInt(1010);
                assertSameState(states.atVersion(CART, version).orElseThrow(), fullFold(fold, e -> e.version() <= version));
                Instant time = T0.plusSeconds(random.nextInt(10_100)).plusMillis(random.nextInt(1000));
                assertSameState(states.atTime(CART, time).orElseThrow(), fullFold(fold, e -> !e.time().isAfter(time)));
            }
            assertSameState(states.latest(CART).orElseThrow(), fullFold(fold, e -> true));
            assertThat(f.store().snapshotCount(CART)).isEqualTo(10);
        }
    }

    @Test
    void aRequestFoldsAtMostAboutOneSnapshotIntervalOnceSnapshotsExist() {
        AtomicLong applied = new AtomicLong();
        Reducer counting = counting(new MergePatchReducer().id(), applied);
        try (AggregateFixture f = AggregateFixture.in(dir).withReducers(Reducers.of(counting)).given(cartHistory(1, 1000, 3))) {
            StateAt states = f.states();
            states.atVersion(CART, 10); // builds the snapshots (one whole fold), then folds its 10 events
            assertThat(applied.get()).isEqualTo(1000 + 10);
            for (long v : new long[] {1, 99, 100, 101, 555, 999, 1000}) {
                applied.set(0);
                states.atVersion(CART, v);
                assertThat(applied.get()).as("events folded for version %d", v).isLessThan(100);
            }
        }
    }

    @Test
    void importingMoreEventsOfTheAggregateInvalidatesItsSnapshots() {
        List<Event> first = cartHistory(1, 500, 11);
        try (AggregateFixture f = AggregateFixture.in(dir).given(first)) {
            StateAt states = f.states();
            assertThat(states.latest(CART).orElseThrow().meta().eventCount()).isEqualTo(500);
            // More events, one of them a late duplicate of version 250 that sorts inside the snapshotted range.
            List<Event> more = new ArrayList<>(cartHistory(501, 300, 12));
            more.add(event(CART, "Cart", "cart.changed", 250L, T0.plusSeconds(2500).toString(), "{\"late\":true}"));
            f.given(more);
            List<Event> all = new ArrayList<>(first);
            all.addAll(more);
            List<Event> fold = inFoldOrder(all);
            assertSameState(states.latest(CART).orElseThrow(), fullFold(fold, e -> true));
            assertSameState(states.atVersion(CART, 300).orElseThrow(), fullFold(fold, e -> e.version() <= 300));
            assertThat(states.atVersion(CART, 260).orElseThrow().data().get("late").asBoolean()).isTrue();
            assertThat(states.atVersion(CART, 249).orElseThrow().data().has("late")).isFalse();
        }
    }

    @Test
    void importingEventsOfAnotherAggregateKeepsTheSnapshots() {
        AtomicLong applied = new AtomicLong();
        try (AggregateFixture f = AggregateFixture.in(dir)
                .withReducers(Reducers.of(counting(new ReducerId("counting", "1"), applied))).given(cartHistory(1, 500, 5))) {
            StateAt states = f.states();
            states.latest(CART);
            f.given(event("cart-2", "Cart", "cart.changed", 1L, "2024-06-01T00:00:00Z", "{\"count\":1}"));
            applied.set(0);
            states.atVersion(CART, 450);
            assertThat(applied.get()).isLessThan(100);
        }
    }

    @Test
    void aReducerWithAnotherIdentityDoesNotSeeTheOldSnapshots() {
        List<Event> history = cartHistory(1, 300, 9);
        try (AggregateFixture f = AggregateFixture.in(dir).given(history)) {
            assertThat(f.states().atVersion(CART, 250).orElseThrow().data().get("count").intValue()).isEqualTo(250);
            Reducer doubling = new Reducer() {
                @Override
                public ReducerId id() {
                    return new ReducerId("doubling", "1");
                }

                @Override
                public JsonNode apply(JsonNode state, Event event) {
                    return MergePatchTest.json("{\"count\":" + 2 * event.dataTree().get("count").intValue() + "}");
                }
            };
            StateAt changed = f.withReducers(Reducers.standard().with("Cart", doubling)).states();
            assertThat(changed.atVersion(CART, 250).orElseThrow().data().get("count").intValue()).isEqualTo(500);
            assertThat(changed.latest(CART).orElseThrow().data().get("count").intValue()).isEqualTo(600);
            assertThat(f.store().snapshotCount(CART)).isEqualTo(3); // the old reducer's were cleared
        }
    }

    @Test
    void historyPagesContinueFromASnapshot() {
        List<Event> history = cartHistory(1, 400, 13);
        try (AggregateFixture f = AggregateFixture.in(dir).given(history)) {
            StateAt states = f.states();
            states.latest(CART);
            List<HistoryStep> page = states.history(CART, new eventlens.model.store.AggregateCursor(250L, 250), 5);
            assertThat(page).extracting(s -> s.event().version()).containsExactly(251L, 252L, 253L, 254L, 255L);
            List<Event> fold = inFoldOrder(history);
            assertSameState(page.get(0).before(), fullFold(fold, e -> e.version() <= 250));
            assertSameState(page.get(4).after(), fullFold(fold, e -> e.version() <= 255));
        }
    }

    @Test
    void twoThreadsAskingAtOnceGetTheSameStatesAsAFullFold() throws Exception {
        List<Event> history = cartHistory(1, 1000, 21);
        try (AggregateFixture f = AggregateFixture.in(dir).given(history)) {
            List<Event> fold = inFoldOrder(history);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                List<java.util.concurrent.Future<?>> runs = new ArrayList<>();
                for (int t = 0; t < 2; t++) {
                    int seed = t;
                    runs.add(pool.submit(() -> {
                        StateAt states = f.states(); // one per thread, as the GUI's worker and the CLI would
                        Random random = new Random(seed);
                        for (int i = 0; i < 30; i++) {
                            long v = random.nextInt(1000);
                            assertSameState(states.atVersion(CART, v).orElseThrow(), fullFold(fold, e -> e.version() <= v));
                        }
                    }));
                }
                for (var run : runs) {
                    run.get();
                }
            } finally {
                pool.shutdown();
            }
        }
    }

    private static Reducer counting(ReducerId id, AtomicLong applied) {
        Reducer merge = new MergePatchReducer();
        return new Reducer() {
            @Override
            public ReducerId id() {
                return id;
            }

            @Override
            public JsonNode apply(JsonNode state, Event event) {
                applied.incrementAndGet();
                return merge.apply(state, event);
            }
        };
    }
}
