package eventlens.model.flow;

import eventlens.testing.TestProjects;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import eventlens.model.store.ProjectStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled samples are written without anomalies: every flow must come out clean and in order. */
class SampleFlowsTest {
    @TempDir
    Path dir;

    @Test
    void everyFlowOfEveryBundledSampleIsCleanWithCausesBeforeEffects() throws Exception {
        try (ProjectStore store = TestProjects.imported(dir.resolve("p.db"), Path.of("samples/orders.jsonl"),
                Path.of("samples/orders-dead-letters.jsonl"), Path.of("samples/content-pipeline.jsonl"),
                Path.of("samples/bank-accounts.jsonl")); FlowList list = new FlowList(store)) {
            List<FlowSummary> flows = list.page(FlowFilter.ALL, FlowSort.START, false, 0, 10_000);
            assertThat(flows).hasSizeGreaterThan(50);
            FlowLoader loader = new FlowLoader(store);
            for (FlowSummary f : flows) {
                CausalGraph g = loader.byCorrelation(f.correlationId());
                assertThat(g.anomalies()).as(f.correlationId()).isEmpty();
                assertThat(g.roots()).as(f.correlationId()).hasSize(1);
                assertThat(g.edges()).allSatisfy(e -> assertThat(e.latencyMicros()).isNotNegative());
                assertThat(g.stats().events()).isEqualTo(f.events());
                assertThat(g.stats().maxDepth()).isEqualTo(f.depth());
            }
        }
    }

    @Test
    void realCloudEventsBuildFlowsOfTheirOwn() throws Exception {
        String root = System.getProperty("eventlens.realdata");
        Path folder = root == null ? null : Path.of(root, "cloudevents");
        assumeTrue(folder != null && Files.isDirectory(folder),
                "real data not present (system property eventlens.realdata → ../shared/realdata/cloudevents); skipped");
        Path[] files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toArray(Path[]::new);
        }
        try (ProjectStore store = TestProjects.imported(dir.resolve("ce.db"), files)) {
            CausalGraph slice = new FlowLoader(store).between(null, null);
            assertThat(slice.size()).isEqualTo((int) store.eventCount());
            assertThat(slice.nodes()).allSatisfy(n -> assertThat(n.has(AnomalyKind.CYCLE)).isFalse());
        }
    }
}
