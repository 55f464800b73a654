package eventlens.model.flow;

import eventlens.testing.TestProjects;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import eventlens.model.Event;
import eventlens.model.Json;
import eventlens.model.flow.export.DotExport;
import eventlens.model.flow.export.FlowJson;
import eventlens.model.flow.export.MermaidExport;
import eventlens.model.flow.export.TreeText;
import eventlens.model.store.ProjectStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A trace export and a message log in one project: messages whose W3C {@code traceparent} names a span
 * join that span's trace, in one graph whichever id it is opened by (decision 0021).
 */
class TraceContextJoinTest {
    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String GATEWAY = "53995c3f42cd8ad8";
    private static final String PLACE_ORDER = "00f067aa0ba902b7";
    private static final String SEND_PAYMENT = "b7ad6b7169203331";
    private static final long T0 = 1_772_359_200_000_000L; // 2026-03-01T10:00:00Z in µs
    private static final Path REAL_TRACES = Path.of("../shared/realdata/traces");

    @TempDir
    Path dir;

    /** A 3-span Zipkin trace: gateway → placeOrder → send (producer). */
    private Path trace() throws Exception {
        return Files.writeString(dir.resolve("trace.json"), "[\n"
                + span(GATEWAY, null, "post /orders", "api-gateway", 0, 80_000) + ",\n"
                + span(PLACE_ORDER, GATEWAY, "placeorder", "order-service", 10_000, 50_000) + ",\n"
                + span(SEND_PAYMENT, PLACE_ORDER, "send", "order-service", 30_000, 5_000) + "\n]\n");
    }

    private static String span(String id, String parent, String name, String service, long offsetMicros,
            long durationMicros) {
        return "{\"traceId\":\"" + TRACE + "\",\"id\":\"" + id + "\"" + (parent == null ? "" : ",\"parentId\":\"" + parent + "\"")
                + ",\"name\":\"" + name + "\",\"timestamp\":" + (T0 + offsetMicros) + ",\"duration\":" + durationMicros
                + ",\"localEndpoint\":{\"serviceName\":\"" + service + "\"}}";
    }

    /**
     * The business flow evt-1: order.placed sent inside placeOrder (metadata.headers.traceparent, no
     * causation); payment.requested caused by it and sent inside the producer span (a CloudEvent with
     * the traceparent extension at its top level); plus an unrelated flow evt-9.
     */
    private Path messages() throws Exception {
        return Files.writeString(dir.resolve("messages.jsonl"), String.join("\n",
                "{\"id\":\"evt-1\",\"type\":\"order.placed\",\"source\":\"order-service\",\"time\":\"2026-03-01T10:00:00.020Z\","
                        + "\"correlationId\":\"evt-1\",\"data\":{\"orderId\":\"o-42\"},"
                        + "\"metadata\":{\"headers\":{\"traceparent\":\"" + traceparent(TRACE, PLACE_ORDER) + "\"}}}",
                "{\"specversion\":\"1.0\",\"id\":\"evt-2\",\"type\":\"payment.requested\",\"source\":\"/payments\","
                        + "\"time\":\"2026-03-01T10:00:00.040Z\",\"correlationid\":\"evt-1\",\"causationid\":\"evt-1\","
                        + "\"traceparent\":\"" + traceparent(TRACE.toUpperCase(), SEND_PAYMENT) + "\",\"data\":{\"amount\":12}}",
                "{\"id\":\"evt-9\",\"type\":\"order.placed\",\"source\":\"order-service\",\"time\":\"2026-03-01T11:00:00Z\","
                        + "\"correlationId\":\"evt-9\"}") + "\n");
    }

    private static String traceparent(String trace, String span) {
        return "00-" + trace + "-" + span + "-01";
    }

    private static String id(String span) {
        return TRACE + ":" + span;
    }

    private static FlowEdge edge(CausalGraph g, String cause, String effect) {
        int c = g.node(cause).orElseThrow().index();
        int e = g.node(effect).orElseThrow().index();
        return g.edges().stream().filter(x -> x.cause() == c && x.effect() == e).findFirst().orElseThrow(
                () -> new AssertionError("no edge " + cause + " → " + effect));
    }

    @Test
    void businessFlowAndTheTraceItRanInAreOneConnectedGraph() throws Exception {
        try (ProjectStore store = TestProjects.imported(dir.resolve("p.db"), trace(), messages())) {
            CausalGraph g = new FlowLoader(store).load("evt-1").orElseThrow();
            assertThat(g.nodes()).extracting(FlowNode::id).containsExactly(id(GATEWAY), id(PLACE_ORDER), "evt-1",
                    id(SEND_PAYMENT), "evt-2");
            assertThat(g.roots()).as("one tree").containsExactly(g.node(id(GATEWAY)).orElseThrow().index());
            assertThat(g.anomalies()).isEmpty();
            assertThat(edge(g, id(GATEWAY), id(PLACE_ORDER)).kind()).isEqualTo(LinkKind.PARENT_SPAN);
            assertThat(edge(g, id(PLACE_ORDER), id(SEND_PAYMENT)).kind()).isEqualTo(LinkKind.PARENT_SPAN);
            assertThat(edge(g, id(PLACE_ORDER), "evt-1").kind()).isEqualTo(LinkKind.TRACEPARENT);
            assertThat(edge(g, "evt-1", "evt-2").kind()).as("its own causation id wins").isEqualTo(LinkKind.CAUSATION);
            assertThat(g.node("evt-1").orElseThrow().parentLink()).isEqualTo(LinkKind.TRACEPARENT);
            assertThat(g.node("evt-1").orElseThrow().latencyMicros()).isEqualTo(10_000L);
            assertThat(g.node(id(GATEWAY)).orElseThrow().parentLink()).isNull();
            assertThat(g.links()).singleElement().satisfies(l -> {
                assertThat(g.node(l.cause()).id()).isEqualTo(id(SEND_PAYMENT));
                assertThat(g.node(l.effect()).id()).isEqualTo("evt-2");
                assertThat(l.kind()).isEqualTo(LinkKind.TRACEPARENT);
                assertThat(l.latencyMicros()).isEqualTo(10_000L);
            });
            assertThat(g.linksTo(g.node("evt-2").orElseThrow().index())).hasSize(1);
            assertThat(g.joinedFlows()).containsExactly("evt-1", TRACE);
            assertThat(g.moreJoinedFlows()).isFalse();
            assertThat(g.lanes()).containsExactly("api-gateway", "order-service", "/payments");
        }
    }

    @Test
    void theTraceIdAndAnyEventOfEitherFlowOpenTheSameGraph() throws Exception {
        try (ProjectStore store = TestProjects.imported(dir.resolve("p.db"), trace(), messages())) {
            FlowLoader loader = new FlowLoader(store);
            List<String> byFlow = loader.load("evt-1").orElseThrow().nodes().stream().map(FlowNode::id).toList();
            CausalGraph byTrace = loader.load(TRACE).orElseThrow();
            assertThat(byTrace.nodes()).extracting(FlowNode::id).containsExactlyElementsOf(byFlow);
            assertThat(byTrace.joinedFlows()).containsExactly(TRACE, "evt-1");
            assertThat(byTrace.links()).hasSize(1);
            assertThat(loader.load(id(SEND_PAYMENT)).orElseThrow().nodes()).extracting(FlowNode::id)
                    .containsExactlyElementsOf(byFlow);
            assertThat(loader.load("evt-2").orElseThrow().nodes()).extracting(FlowNode::id)
                    .containsExactlyElementsOf(byFlow);
            assertThat(loader.load("evt-9").orElseThrow().nodes()).extracting(FlowNode::id)
                    .as("a flow without trace context joins nothing").containsExactly("evt-9");
        }
    }

    @Test
    void flowListKeepsOneRowPerCorrelation() throws Exception {
        try (ProjectStore store = TestProjects.imported(dir.resolve("p.db"), trace(), messages());
             FlowList list = new FlowList(store)) {
            // The trace and the business flow stay rows of their own, each with its own figures; opening
            // either shows the joined graph (decision 0021).
            assertThat(list.count(FlowFilter.ALL)).isEqualTo(3);
            assertThat(list.page(FlowFilter.ALL, FlowSort.CORRELATION, false, 0, 10))
                    .extracting(FlowSummary::correlationId, FlowSummary::events)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(TRACE, 3L),
                            org.assertj.core.groups.Tuple.tuple("evt-1", 2L),
                            org.assertj.core.groups.Tuple.tuple("evt-9", 1L));
        }
    }

    @Test
    void flowJsonLabelsEveryEdgeWithHowItWasLinked() throws Exception {
        try (ProjectStore store = TestProjects.imported(dir.resolve("p.db"), trace(), messages())) {
            JsonNode j = Json.mapper().readTree(FlowJson.write(new FlowLoader(store).byCorrelation("evt-1")));
            List<String> kinds = new ArrayList<>();
            j.path("edges").forEach(e -> kinds.add(e.path("effect").asText() + " " + e.path("kind").asText()));
            assertThat(kinds).containsExactly(id(PLACE_ORDER) + " PARENT_SPAN", "evt-1 TRACEPARENT",
                    id(SEND_PAYMENT) + " PARENT_SPAN", "evt-2 CAUSATION");
            assertThat(j.path("links")).singleElement().satisfies(l -> {
                assertThat(l.path("cause").asText()).isEqualTo(id(SEND_PAYMENT));
                assertThat(l.path("effect").asText()).isEqualTo("evt-2");
                assertThat(l.path("kind").asText()).isEqualTo("TRACEPARENT");
            });
            assertThat(j.path("nodes").get(2).path("link").asText()).isEqualTo("TRACEPARENT");
            assertThat(j.path("joinedFlows")).extracting(JsonNode::asText).containsExactly("evt-1", TRACE);
        }
    }

    @Test
    void treeTextSaysWhichFlowsAreJoinedAndHowEachMessageIsLinked() throws Exception {
        try (ProjectStore store = TestProjects.imported(dir.resolve("p.db"), trace(), messages())) {
            String tree = TreeText.render(new FlowLoader(store).byCorrelation("evt-1"));
            assertThat(tree).contains("joined through trace context: evt-1, " + TRACE + "\n");
            assertThat(tree).contains("order.placed [order-service] +10 ms  ⇠ traceparent  evt-1");
            assertThat(tree).contains("payment.requested [/payments] +20 ms  ⇠ also in span send " + id(SEND_PAYMENT)
                    + "  evt-2");
            CausalGraph g = new FlowLoader(store).byCorrelation("evt-1");
            assertThat(MermaidExport.render(g)).contains("-.->|\"traceparent\"|").contains("-->|\"traceparent +10 ms\"|");
            assertThat(DotExport.render(g)).contains("[label=\"traceparent\", style=dashed]");
        }
    }

    @Test
    void oneTraceJoinsAtMostTheBoundOfFlows() throws Exception {
        List<String> lines = new ArrayList<>();
        int flows = FlowLoader.MAX_JOINED_FLOWS + 4;
        for (int i = 0; i < flows; i++) {
            lines.add("{\"id\":\"m-" + i + "\",\"type\":\"order.placed\",\"time\":\"2026-03-01T10:00:01Z\","
                    + "\"correlationId\":\"m-" + i + "\",\"metadata\":{\"traceparent\":\""
                    + traceparent(TRACE, PLACE_ORDER) + "\"}}");
        }
        Path log = Files.writeString(dir.resolve("many.jsonl"), String.join("\n", lines) + "\n");
        try (ProjectStore store = TestProjects.imported(dir.resolve("p.db"), trace(), log)) {
            CausalGraph g = new FlowLoader(store).byCorrelation(TRACE);
            assertThat(g.joinedFlows()).hasSize(FlowLoader.MAX_JOINED_FLOWS).first().isEqualTo(TRACE);
            assertThat(g.moreJoinedFlows()).isTrue();
            assertThat(g.size()).isEqualTo(3 + FlowLoader.MAX_JOINED_FLOWS - 1);
            assertThat(g.roots()).hasSize(1);
        }
    }

    @Test
    void messageWithoutCorrelationPointingIntoATraceJoinsIt() throws Exception {
        Path log = Files.writeString(dir.resolve("loose.jsonl"), "{\"id\":\"loose\",\"type\":\"audit.written\","
                + "\"time\":\"2026-03-01T10:00:00.050Z\",\"headers\":{\"Traceparent\":\""
                + traceparent(TRACE, SEND_PAYMENT) + "\"}}\n");
        try (ProjectStore store = TestProjects.imported(dir.resolve("p.db"), trace(), log)) {
            CausalGraph g = new FlowLoader(store).byCorrelation(TRACE);
            assertThat(g.node("loose")).hasValueSatisfying(n -> {
                assertThat(n.parent()).isEqualTo(g.node(id(SEND_PAYMENT)).orElseThrow().index());
                assertThat(n.parentLink()).isEqualTo(LinkKind.TRACEPARENT);
            });
            assertThat(new FlowLoader(store).load("loose").orElseThrow().nodes()).extracting(FlowNode::id)
                    .containsExactlyElementsOf(g.nodes().stream().map(FlowNode::id).toList());
        }
    }

    @Test
    void kafkaRecordsJoinThroughTheirTraceparentHeader() throws Exception {
        // kcat -J lines: one whose value is an event of its own, one whose value is a plain body.
        String header = "\"headers\":[\"traceparent\",\"" + traceparent(TRACE, SEND_PAYMENT) + "\"]";
        Path log = Files.writeString(dir.resolve("orders.kcat.jsonl"), String.join("\n",
                "{\"topic\":\"payments\",\"partition\":0,\"offset\":7,\"tstype\":\"create\",\"ts\":1772359200045,"
                        + "\"broker\":1," + header + ",\"key\":\"o-42\",\"payload\":\"{\\\"id\\\":\\\"k-1\\\","
                        + "\\\"type\\\":\\\"payment.requested\\\",\\\"amount\\\":12}\"}",
                "{\"topic\":\"payments\",\"partition\":0,\"offset\":8,\"tstype\":\"create\",\"ts\":1772359200046,"
                        + "\"broker\":1," + header + ",\"key\":\"o-43\",\"payload\":\"{\\\"amount\\\":13}\"}") + "\n");
        try (ProjectStore store = TestProjects.imported(dir.resolve("p.db"), trace(), log)) {
            CausalGraph g = new FlowLoader(store).byCorrelation(TRACE);
            assertThat(g.nodes()).filteredOn(n -> n.parentLink() == LinkKind.TRACEPARENT).hasSize(2)
                    .allSatisfy(n -> assertThat(g.node(n.parent()).id()).isEqualTo(id(SEND_PAYMENT)));
        }
    }

    @Test
    void realZipkinKafkaTraceTakesInAMessageSentInsideItsProducerSpan() throws Exception {
        Path real = REAL_TRACES.resolve("zipkin_messaging_kafka.json");
        assumeTrue(Files.isReadable(real), "realdata absent: " + real.toAbsolutePath() + " (skipped)");
        // The trace id is 64-bit (16 hex digits); in a traceparent it travels left-padded to 32.
        String trace = "0562809467078eab";
        String producer = "2e22a0564764943a";
        Path log = Files.writeString(dir.resolve("kafka-messages.jsonl"),
                "{\"id\":\"msg-1\",\"type\":\"message.projected\",\"source\":\"servicea\","
                        + "\"time\":\"2018-11-05T08:09:57.414Z\",\"correlationId\":\"msg-1\",\"metadata\":{\"headers\":"
                        + "{\"traceparent\":\"00-0000000000000000" + trace + "-" + producer + "-01\"}}}\n");
        try (ProjectStore store = TestProjects.imported(dir.resolve("p.db"), real, log)) {
            FlowLoader loader = new FlowLoader(store);
            CausalGraph byTrace = loader.load(trace).orElseThrow();
            CausalGraph byMessage = loader.load("msg-1").orElseThrow();
            assertThat(byTrace.size()).isEqualTo(29);
            assertThat(byMessage.nodes()).extracting(FlowNode::id)
                    .containsExactlyElementsOf(byTrace.nodes().stream().map(FlowNode::id).toList());
            FlowNode msg = byTrace.node("msg-1").orElseThrow();
            assertThat(byTrace.node(msg.parent()).id()).isEqualTo(trace + ":" + producer);
            assertThat(msg.parentLink()).isEqualTo(LinkKind.TRACEPARENT);
            assertThat(byTrace.edges()).filteredOn(e -> e.kind() == LinkKind.PARENT_SPAN).hasSize(27);
            assertThat(byTrace.roots()).hasSize(1);
            assertThat(loader.load("0000000000000000" + trace).orElseThrow().size()).as("the padded spelling")
                    .isEqualTo(29);
        }
    }

    // The rule itself, on hand-made lists (no store).

    private static Event event(String id, String causation, String metadata, String raw, long micros) {
        return new Event(0, id, "t", "s", Instant.EPOCH.plusNanos(micros * 1000), null, null, null, "c", causation,
                null, metadata, raw, null);
    }

    private static Event spanEvent(String spanId, String parentSpanId, long micros) {
        return new Event(0, id(spanId), "op", "svc", Instant.EPOCH.plusNanos(micros * 1000), null, null, null, TRACE,
                parentSpanId == null ? null : id(parentSpanId), null,
                "{\"span\":{\"traceId\":\"" + TRACE + "\",\"spanId\":\"" + spanId + "\"}}", "{}", null);
    }

    @Test
    void anOrphanWithTraceContextStaysAnOrphanAndKeepsTheSpanAsASecondaryLink() {
        String meta = "{\"traceparent\":\"" + traceparent(TRACE, GATEWAY) + "\"}";
        CausalGraph g = CausalGraph.build(List.of(spanEvent(GATEWAY, null, 0), event("m", "gone", meta, "{}", 5)));
        FlowNode m = g.node("m").orElseThrow();
        assertThat(m.isRoot()).isTrue();
        assertThat(m.has(AnomalyKind.ORPHAN)).isTrue();
        assertThat(g.links()).singleElement().satisfies(l -> assertThat(l.effect()).isEqualTo(m.index()));
    }

    @Test
    void aTraceContextNamingTheEventsOwnCauseIsNotASecondLink() {
        String meta = "{\"headers\":{\"traceparent\":\"" + traceparent(TRACE, GATEWAY) + "\"}}";
        CausalGraph g = CausalGraph.build(List.of(spanEvent(GATEWAY, null, 0),
                event("m", id(GATEWAY), meta, "{}", 5)));
        assertThat(g.node("m").orElseThrow().parentLink()).isEqualTo(LinkKind.PARENT_SPAN);
        assertThat(g.links()).isEmpty();
    }

    @Test
    void aSpanNamedByTraceContextButAbsentLeavesTheEventARootWithoutAnomaly() {
        String meta = "{\"traceparent\":\"" + traceparent(TRACE, "1111111111111111") + "\"}";
        CausalGraph g = CausalGraph.build(List.of(spanEvent(GATEWAY, null, 0), event("m", null, meta, "{}", 5)));
        assertThat(g.node("m").orElseThrow().isRoot()).isTrue();
        assertThat(g.anomalies()).isEmpty();
        assertThat(g.links()).isEmpty();
    }

    @Test
    void traceContextCyclesAreCutLikeCausationCycles() {
        // A span whose parent is a message that names the span in its traceparent.
        Event s = new Event(0, id(GATEWAY), "op", "svc", Instant.EPOCH, null, null, null, TRACE, "m", null,
                "{\"span\":{}}", "{}", null);
        Event m = event("m", null, "{\"traceparent\":\"" + traceparent(TRACE, GATEWAY) + "\"}", "{}", 5);
        CausalGraph g = CausalGraph.build(List.of(s, m));
        assertThat(g.roots()).hasSize(1);
        assertThat(g.anomalies()).extracting(Anomaly::kind).containsOnly(AnomalyKind.CYCLE);
    }
}
