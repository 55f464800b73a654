package eventlens.model.flow;

import eventlens.testing.TestProjects;
import static org.assertj.core.api.Assertions.assertThat;

import eventlens.model.flow.export.MermaidExport;
import eventlens.model.flow.export.TreeText;
import eventlens.model.store.ProjectStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlowLoaderTest {
    private static final String ORDER_1017 = "evt-94c3b33c7845";

    @TempDir
    Path dir;

    @Test
    void failedOrderOfTheSampleGivesTheTreeItsAuthorsMeant() throws Exception {
        try (ProjectStore store = TestProjects.samples(dir)) {
            CausalGraph g = new FlowLoader(store).load(ORDER_1017).orElseThrow();
            assertThat(g.size()).isEqualTo(9);
            assertThat(g.roots()).hasSize(1);
            FlowNode root = g.node(g.roots().get(0));
            assertThat(root.type()).isEqualTo("order.created");
            assertThat(root.fanOut()).isEqualTo(4);
            assertThat(root.children()).extracting(i -> g.node(i).type()).containsExactly("analytics.order.recorded",
                    "inventory.reserved", "email.confirmation.sent", "fraud.check.completed");
            FlowNode failed = g.nodes().stream().filter(n -> "payment.failed".equals(n.type())).findFirst().orElseThrow();
            assertThat(failed.failed()).isTrue();
            assertThat(failed.children()).extracting(i -> g.node(i).type())
                    .containsExactlyInAnyOrder("order.cancelled", "inventory.released");
            FlowNode verified = g.nodes().stream().filter(n -> "order.verified".equals(n.type())).findFirst().orElseThrow();
            assertThat(verified.deadLettered()).as("payment-service.chargeCard dead-lettered it").isTrue();
            assertThat(g.nodes()).filteredOn(n -> !n.isRoot())
                    .allSatisfy(n -> assertThat(n.latencyMicros()).isNotNegative());
            assertThat(g.stats().maxDepth()).isEqualTo(4);
            assertThat(g.anomalies()).isEmpty();
            assertThat(g.criticalPath()).extracting(i -> g.node(i).type()).containsExactly("order.created",
                    "fraud.check.completed", "order.verified", "payment.failed", "inventory.released");
            assertThat(g.lanes()).first().isEqualTo("order-service");
            String tree = TreeText.render(g);
            assertThat(tree).contains("payment.failed [payment-service] +27.27 s  ✗ failed").contains("☠ dead letter");
            assertThat(MermaidExport.render(g)).startsWith("flowchart TD\n");
        }
    }

    @Test
    void anyEventIdOfAFlowGivesTheWholeFlow() throws Exception {
        try (ProjectStore store = TestProjects.samples(dir)) {
            FlowLoader loader = new FlowLoader(store);
            CausalGraph byEvent = loader.load("evt-cec4297d6224").orElseThrow();
            assertThat(byEvent.size()).isEqualTo(9);
            assertThat(byEvent.node(ORDER_1017)).isPresent();
            assertThat(loader.load("no-such-id")).isEmpty();
        }
    }

    @Test
    void deepestSampleChainIsTheRetriedPayment() throws Exception {
        try (ProjectStore store = TestProjects.samples(dir)) {
            CausalGraph g = new FlowLoader(store).byCorrelation("evt-fd3e893c9d62");
            // samples/README.md counts the chain's events (8); depth counts its hops (root = 0).
            assertThat(g.stats().maxDepth()).isEqualTo(7);
            assertThat(g.nodes()).anySatisfy(n -> assertThat(n.type()).isEqualTo("payment.retry.scheduled"));
        }
    }

    @Test
    void flowWithoutCorrelationIsTheConnectedComponentOfItsCausationLinks() throws Exception {
        Path log = Files.writeString(dir.resolve("plain.jsonl"), String.join("\n",
                line("a", "order.created", null, 0),
                line("b", "stock.reserved", "a", 1),
                line("c", "stock.shipped", "b", 2),
                line("d", "email.sent", "a", 3),
                line("x", "other.root", null, 4),
                line("y", "other.effect", "x", 5),
                line("o", "orphan", "ghost", 6)) + "\n");
        try (ProjectStore store = TestProjects.imported(dir.resolve("p.db"), log)) {
            CausalGraph g = new FlowLoader(store).load("c").orElseThrow();
            assertThat(g.nodes()).extracting(FlowNode::id).containsExactly("a", "b", "c", "d");
            assertThat(g.roots()).hasSize(1);
            CausalGraph orphan = new FlowLoader(store).load("o").orElseThrow();
            assertThat(orphan.nodes()).singleElement().satisfies(n -> assertThat(n.has(AnomalyKind.ORPHAN)).isTrue());
            CausalGraph bounded = new FlowLoader(store, 2).load("c").orElseThrow();
            assertThat(bounded.size()).isEqualTo(2);
            assertThat(bounded.stats().truncated()).isTrue();
        }
    }

    @Test
    void timeSliceAndTruncatedCorrelationAreBoundedAndSaySo() throws Exception {
        try (ProjectStore store = TestProjects.samples(dir)) {
            CausalGraph slice = new FlowLoader(store).between(Instant.parse("2024-01-15T11:17:51Z"),
                    Instant.parse("2024-01-15T11:18:21Z"));
            assertThat(slice.node(ORDER_1017)).isPresent();
            assertThat(slice.stats().truncated()).isFalse();
            CausalGraph cut = new FlowLoader(store, 3).byCorrelation(ORDER_1017);
            assertThat(cut.size()).isEqualTo(3);
            assertThat(cut.stats().truncated()).isTrue();
            assertThat(TreeText.render(cut)).contains("truncated");
        }
    }

    @Test
    void cloudEventsCorrelationExtensionGivesTheIntendedTree() throws Exception {
        Path log = Files.writeString(dir.resolve("ce.jsonl"), String.join("\n",
                cloudEvent("ce-1", "com.shop.order.placed", "/orders", "10:00:00.000Z", "ce-1", null),
                cloudEvent("ce-2", "com.shop.payment.authorized", "/payments", "10:00:00.120Z", "ce-1", "ce-1"),
                cloudEvent("ce-3", "com.shop.stock.reserved", "/stock", "10:00:00.080Z", "ce-1", "ce-1"),
                cloudEvent("ce-4", "com.shop.shipment.failed", "/shipping", "10:00:01.500Z", "ce-1", "ce-2"),
                cloudEvent("ce-5", "com.shop.order.placed", "/orders", "10:05:00.000Z", "ce-5", null)) + "\n");
        try (ProjectStore store = TestProjects.imported(dir.resolve("p.db"), log)) {
            CausalGraph g = new FlowLoader(store).load("ce-1").orElseThrow();
            assertThat(g.nodes()).extracting(FlowNode::id).containsExactly("ce-1", "ce-3", "ce-2", "ce-4");
            assertThat(g.roots()).containsExactly(0);
            assertThat(g.node("ce-4").orElseThrow().parent()).isEqualTo(g.node("ce-2").orElseThrow().index());
            assertThat(g.node("ce-4").orElseThrow().latencyMicros()).isEqualTo(1_380_000L);
            assertThat(g.node("ce-4").orElseThrow().failed()).isTrue();
            assertThat(g.lanes()).containsExactly("/orders", "/stock", "/payments", "/shipping");
            assertThat(g.anomalies()).isEmpty();
        }
    }

    @Test
    void purposeMadeLogShowsItsAnomaliesThroughTheStore() throws Exception {
        Path log = Files.writeString(dir.resolve("bad.jsonl"), String.join("\n",
                corrLine("r", "order.created", null, 100),
                corrLine("s", "payment.processed", "r", 60),
                corrLine("dup", "email.sent", "r", 120),
                corrLine("dup", "email.sent", "r", 120),
                corrLine("o", "stock.reserved", "lost", 130)) + "\n");
        try (ProjectStore store = TestProjects.imported(dir.resolve("p.db"), log)) {
            CausalGraph g = new FlowLoader(store).byCorrelation("k");
            assertThat(g.anomalies()).extracting(Anomaly::kind).containsExactlyInAnyOrder(
                    AnomalyKind.CLOCK_SKEW, AnomalyKind.DUPLICATE, AnomalyKind.ORPHAN);
            assertThat(g.node("dup").orElseThrow().deliveries()).isEqualTo(2);
            assertThat(TreeText.render(g)).contains("⚠ skew -40 ms").contains("×2 deliveries").contains("⚠ orphan");
        }
    }

    private static String line(String id, String type, String cause, int second) {
        return "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"timestamp\":\"2024-01-15T10:00:0" + second
                + "Z\",\"source\":\"svc\",\"data\":{}" + (cause == null ? "" : ",\"metadata\":{\"causationId\":\"" + cause + "\"}")
                + "}";
    }

    private static String corrLine(String id, String type, String cause, int millis) {
        return "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"timestamp\":\"2024-01-15T10:00:00."
                + String.format("%03d", millis) + "Z\",\"source\":\"svc\",\"data\":{},\"metadata\":{\"correlationId\":\"k\""
                + (cause == null ? "" : ",\"causationId\":\"" + cause + "\"") + "}}";
    }

    private static String cloudEvent(String id, String type, String source, String time, String corr, String cause) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"source\":\"" + source
                + "\",\"time\":\"2024-01-15T" + time + "\",\"datacontenttype\":\"application/json\",\"data\":{},"
                + "\"correlationid\":\"" + corr + "\"" + (cause == null ? "" : ",\"causationid\":\"" + cause + "\"") + "}";
    }

}
