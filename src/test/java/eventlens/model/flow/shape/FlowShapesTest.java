package eventlens.model.flow.shape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eventlens.model.Event;
import eventlens.model.flow.FlowFilter;
import eventlens.model.flow.FlowList;
import eventlens.model.flow.FlowLoader;
import eventlens.model.flow.FlowSort;
import eventlens.model.store.FlowsTable;
import eventlens.model.store.ProjectStore;
import eventlens.testing.TestProjects;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shapes of the order sample read from a project, by the sequential pass and by the ordered scan. */
class FlowShapesTest {
    @TempDir
    Path dir;

    @Test
    void bothReadsHandOverEveryFlowWholeAsTheFlowLoaderSeesIt() throws Exception {
        try (ProjectStore store = TestProjects.imported(dir.resolve("p.db"), Path.of("samples/orders.jsonl"));
                FlowList list = new FlowList(store)) {
            Map<String, List<String>> sequential = ids(list, 1_000_000);
            Map<String, List<String>> ordered = ids(list, 1);
            assertThat(sequential).hasSize(50).isEqualTo(ordered);
            FlowLoader loader = new FlowLoader(store);
            for (var f : list.page(new FlowFilter(null, "order.created", false, false), FlowSort.START, false, 0, 100)) {
                assertThat(sequential.get(f.correlationId())).as(f.correlationId()).containsExactlyElementsOf(
                        loader.byCorrelation(f.correlationId()).nodes().stream()
                                .sorted(java.util.Comparator.comparingLong(n -> n.event().position()))
                                .map(n -> n.id()).toList());
            }
        }
    }

    @Test
    void theOrderedScanGivesTheSameShapeWhenTheBufferIsTooSmall() throws Exception {
        try (ProjectStore store = TestProjects.imported(dir.resolve("p.db"), Path.of("samples/orders.jsonl"));
                FlowList list = new FlowList(store)) {
            FlowShape fast = new FlowShapes(list).of("order.created");
            FlowShape slow = new FlowShapes(list, 12).of("order.created"); // a few flows fit, then it restarts
            assertThat(slow.flows()).isEqualTo(fast.flows()).isEqualTo(50);
            assertThat(slow.steps()).containsExactlyInAnyOrderElementsOf(fast.steps()); // ties: first seen first
            assertThat(slow.edges()).extracting(FlowShape.Edge::from, FlowShape.Edge::to, FlowShape.Edge::hops,
                    FlowShape.Edge::p50Micros, FlowShape.Edge::p95Micros).isEqualTo(fast.edges().stream()
                            .map(e -> org.assertj.core.groups.Tuple.tuple(e.from(), e.to(), e.hops(), e.p50Micros(),
                                    e.p95Micros())).toList());
            assertThat(slow.variants()).extracting(FlowShape.Variant::key, FlowShape.Variant::flows)
                    .isEqualTo(fast.variants().stream().map(v -> org.assertj.core.groups.Tuple.tuple(v.key(), v.flows()))
                            .toList());
            assertThat(new FlowShapes(list).of("no.such.type").flows()).isZero();
        }
    }

    @Test
    void aCancelledMergeStops() throws Exception {
        try (ProjectStore store = TestProjects.imported(dir.resolve("p.db"), Path.of("samples/orders.jsonl"));
                FlowList list = new FlowList(store)) {
            assertThatThrownBy(() -> new FlowShapes(list).of("order.created", () -> true))
                    .isInstanceOf(CancellationException.class);
        }
    }

    private static Map<String, List<String>> ids(FlowList list, int maxBuffered) {
        Map<String, List<String>> out = new TreeMap<>();
        list.forEachFlowOf("order.created", maxBuffered, new FlowsTable.FlowVisitor() {
            @Override
            public void visit(String correlationId, List<Event> events) {
                assertThat(out).doesNotContainKey(correlationId);
                List<String> ids = new ArrayList<>();
                events.forEach(e -> ids.add(e.id()));
                out.put(correlationId, ids);
            }

            @Override
            public void restart() {
                out.clear();
            }
        });
        return out;
    }
}
