package eventlens.importers.trace;

import static eventlens.importers.trace.TraceFixtures.assertParentsResolve;
import static eventlens.importers.trace.TraceFixtures.byId;
import static org.assertj.core.api.Assertions.assertThat;

import eventlens.importers.Importer;
import eventlens.importers.ImporterRegistry;
import eventlens.importers.RecordingSink;
import eventlens.model.Event;
import eventlens.model.flow.AnomalyKind;
import eventlens.model.flow.CausalGraph;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The trace readers on the real files under {@code ../shared/realdata/traces} (system property
 * {@code eventlens.realdata}); each test is skipped, saying why, when its file is absent. Each file
 * is detected as its format, imports without errors, and its causal structure holds.
 */
class TraceRealDataTest {
    private static final Path REALDATA = Path.of(System.getProperty("eventlens.realdata", "../shared/realdata"));
    private static final Path TRACES = REALDATA.resolve("traces");

    private static List<Event> read(String file, String expectedFormat, int expectedEvents) throws Exception {
        return read(TRACES.resolve(file), expectedFormat, expectedEvents);
    }

    private static List<Event> read(Path path, String expectedFormat, int expectedEvents) throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(path),
                "real data not present at " + path + " (system property eventlens.realdata); skipped");
        byte[] head = Files.readAllBytes(path);
        Importer importer = ImporterRegistry.standard().detect(head, path.toString());
        assertThat(importer.name()).isEqualTo(expectedFormat);
        RecordingSink sink;
        try (InputStream in = Files.newInputStream(path)) {
            sink = TraceFixtures.read(importer, path.toString(), in);
        }
        assertThat(sink.errors).isEmpty();
        assertThat(sink.events).hasSize(expectedEvents);
        for (Event e : sink.events) {
            assertThat(e.origin().format()).isEqualTo(expectedFormat);
            assertThat(e.time()).isNotNull();
            assertThat(e.source()).isNotBlank();
            assertThat(e.type()).isNotBlank();
            assertThat(e.metadataTree().has("span") || e.metadataTree().has("log")).isTrue();
        }
        return sink.events;
    }

    /** The flow EventLens draws from these events: its number of roots and the ids of its orphans. */
    private static void assertFlow(List<Event> events, int roots, String... orphans) {
        CausalGraph graph = CausalGraph.build(events);
        assertThat(graph.size()).isEqualTo(events.size());
        assertThat(graph.roots()).hasSize(roots);
        assertThat(graph.anomalies().stream().filter(a -> a.kind() == AnomalyKind.ORPHAN))
                .extracting(a -> a.eventId()).containsExactlyInAnyOrder(orphans);
        assertThat(graph.anomalies()).noneMatch(a -> a.kind() == AnomalyKind.CYCLE
                || a.kind() == AnomalyKind.DUPLICATE || a.kind() == AnomalyKind.CONFLICTING_DUPLICATE);
    }

    @Test
    void jaegerUiTraceGraphHasElevenSpansAndFollowsFromIsACause() throws Exception {
        List<Event> events = read("jaegerui_tracegraph_testTrace.json", "jaeger", 11);
        assertFlow(events, 1);
        assertParentsResolve(events);
        assertThat(events.stream().filter(e -> e.causationId() == null)).extracting(Event::id)
                .containsExactly("trace-123:span-1");
        Event followsFrom = byId(events, "trace-123:span-7");
        assertThat(followsFrom.causationId()).isEqualTo("trace-123:span-6");
        assertThat(followsFrom.source()).isEqualTo("service2");
        assertThat(followsFrom.type()).isEqualTo("op3");
        assertThat(followsFrom.metadataTree().at("/span/links/0/type").asText()).isEqualTo("follows_from");
        Event failed = byId(events, "trace-123:span-2");
        assertThat(failed.correlationId()).isEqualTo("trace-123");
        assertThat(failed.causationId()).isEqualTo("trace-123:span-1");
        assertThat(failed.source()).isEqualTo("service1");
        assertThat(failed.time()).isEqualTo(Instant.ofEpochSecond(1542666453L, 104_000_000L));
        assertThat(failed.dataTree().path("error").isBoolean()).isTrue(); // "true" with type bool
        assertThat(failed.metadataTree().at("/span/status/code").asText()).isEqualTo("ERROR");
        assertThat(failed.metadataTree().at("/span/kind").asText()).isEqualTo("CLIENT");
        assertThat(failed.metadataTree().at("/span/durationMicros").asLong()).isEqualTo(33_000L);
        assertThat(failed.metadataTree().at("/resource/hostname").asText()).isEqualTo("foobar.org");
    }

    @Test
    void jaegerUiInMemoryShapeIsAChainOfFourSpansOverTwoServices() throws Exception {
        List<Event> events = read("jaegerui_flamegraph_hotrod_testTrace.json", "jaeger", 4);
        assertFlow(events, 1);
        assertParentsResolve(events);
        String trace = "84b3fad94c6112edd6af3347d06f6f1d";
        assertThat(events).extracting(Event::causationId).containsExactly(null, trace + ":487f03177ef9cf89",
                trace + ":d81ccf159d71bc66", trace + ":3d4670fa91902216");
        Event root = events.get(0);
        assertThat(root.id()).isEqualTo(trace + ":487f03177ef9cf89");
        assertThat(root.source()).isEqualTo("load-generator");
        assertThat(root.type()).isEqualTo("OrderVehicle");
        assertThat(root.time()).isEqualTo(Instant.ofEpochSecond(1660049722L, 779_884_000L));
        assertThat(root.dataTree().path("vehicle").asText()).isEqualTo("bike");
        Event handler = byId(events, trace + ":3d4670fa91902216");
        assertThat(handler.source()).isEqualTo("ride-sharing-app");
        assertThat(handler.dataTree().path("net.host.port").asInt()).isEqualTo(5000);
    }

    @Test
    void otlpProtoExampleKeepsItsParentOutsideTheFileAsAnOrphan() throws Exception {
        List<Event> events = read("otlp_proto_example_trace.json", "otlp", 1);
        String trace = "5b8efff798038103d269b633813fc60c";
        Event span = events.get(0);
        assertThat(span.id()).isEqualTo(trace + ":eee19b7ec3c1b174"); // uppercase hex lowercased
        assertThat(span.causationId()).isEqualTo(trace + ":eee19b7ec3c1b173");
        assertParentsResolve(events, span.id());
        assertFlow(events, 1, span.id());
        assertThat(span.source()).isEqualTo("my.service");
        assertThat(span.type()).isEqualTo("I'm a server span");
        assertThat(span.time()).isEqualTo(Instant.ofEpochSecond(1544712660L));
        assertThat(span.dataTree().path("my.span.attr").asText()).isEqualTo("some value");
        assertThat(span.metadataTree().at("/span/kind").asText()).isEqualTo("SERVER");
        assertThat(span.metadataTree().at("/span/durationMicros").asLong()).isEqualTo(1_000_000L);
        assertThat(span.metadataTree().at("/scope/name").asText()).isEqualTo("my.library");
        assertThat(span.metadataTree().at("/scope/attributes/my.scope.attribute").asText()).isEqualTo("some scope attribute");
    }

    @Test
    void otlpJaegerExampleHasFiveRootSpansOverThreeResources() throws Exception {
        List<Event> events = read("otlp_jaeger_example_trace.json", "otlp", 5);
        assertFlow(events, 5);
        assertParentsResolve(events);
        String trace = "00000000000000000000000000000011";
        assertThat(events).extracting(Event::causationId).containsOnlyNulls();
        assertThat(events).extracting(Event::correlationId).containsOnly(trace);
        assertThat(events).extracting(Event::source)
                .containsExactly("example-service-2", "example-service-3", "example-service-1", "example-service-1", "example-service-1");
        Event consumer = byId(events, trace + ":0000000000000007");
        assertThat(consumer.type()).isEqualTo("example-operation-4");
        assertThat(consumer.metadataTree().at("/span/kind").asText()).isEqualTo("CLIENT");
        assertThat(consumer.metadataTree().at("/span/events")).hasSize(2);
        assertThat(consumer.metadataTree().at("/span/events/0/time").asText()).isEqualTo("2017-01-26T16:46:31.639875Z");
        assertThat(consumer.metadataTree().at("/span/durationMicros").asLong()).isEqualTo(100L);
    }

    @Test
    void otlpLinksToOtherTracesAreKeptWithTypedAttributes() throws Exception {
        List<Event> events = read("otlp_jaeger_link_attributes_trace.json", "otlp", 1);
        assertFlow(events, 1);
        assertParentsResolve(events);
        Event span = events.get(0);
        assertThat(span.id()).isEqualTo("00000000000000000000000000000226:0000000000000004");
        assertThat(span.causationId()).isNull();
        assertThat(span.metadataTree().at("/span/links")).hasSize(3);
        assertThat(span.metadataTree().at("/span/links/0/eventId").asText())
                .isEqualTo("000000000000000000000000000000ff:00000000000000ff");
        assertThat(span.metadataTree().at("/span/links/0/type").asText()).isEqualTo("child_of");
        assertThat(span.metadataTree().at("/span/links/2/type").asText()).isEqualTo("follows_from");
        assertThat(span.metadataTree().at("/span/links/0/attributes/sameplacelinkattribute2").isNumber()).isTrue();
        assertThat(span.metadataTree().at("/span/links/0/attributes/sameplacelinkattribute4").booleanValue()).isTrue();
        assertThat(span.metadataTree().at("/span/links/0/attributes/linkblob").asText()).isEqualTo("AAAwOQ==");
        assertThat(span.metadataTree().at("/span/status").isMissingNode()).isTrue(); // {} is no status
    }

    @Test
    void otlpSpansOfOneTraceSpreadOverResourcesFormOneTree() throws Exception {
        List<Event> events = read("otlp_jaegerui_multi_in_combined.json", "otlp", 4);
        assertFlow(events, 1);
        assertParentsResolve(events);
        String trace = "c620759e5d60fafb8ee0922b30e06bc6";
        Event root = byId(events, trace + ":eff3153be6b1fb93");
        assertThat(root.causationId()).isNull(); // parentSpanId ""
        assertThat(root.type()).isEqualTo("main");
        assertThat(byId(events, trace + ":49b8e9efa1e8a3b1").causationId()).isEqualTo(root.id());
        assertThat(byId(events, trace + ":26f5ef9dbb885479").causationId()).isEqualTo(trace + ":49b8e9efa1e8a3b1");
        assertThat(byId(events, trace + ":e76628f4e6dde174").causationId()).isEqualTo(trace + ":49b8e9efa1e8a3b1");
        assertThat(root.metadataTree().at("/span/kind").asText()).isEqualTo("INTERNAL");
        assertThat(root.metadataTree().at("/span/durationMicros").asLong()).isEqualTo(176_321L);
    }

    @Test
    void zipkinKafkaTraceIsOneTreeOfTwentyEightSpans() throws Exception {
        List<Event> events = read("zipkin_messaging_kafka.json", "zipkin", 28);
        assertFlow(events, 1);
        assertParentsResolve(events);
        String trace = "0562809467078eab";
        assertThat(events.stream().filter(e -> e.causationId() == null)).extracting(Event::id)
                .containsExactly(trace + ":0562809467078eab");
        Event poll = byId(events, trace + ":b4a2a87ee7f003bc");
        assertThat(poll.causationId()).isEqualTo(trace + ":2e22a0564764943a");
        assertThat(poll.source()).isEqualTo("serviceb");
        assertThat(poll.type()).isEqualTo("poll");
        assertThat(poll.time()).isEqualTo(Instant.ofEpochSecond(1541405397L, 452_008_000L));
        assertThat(poll.metadataTree().at("/span/kind").asText()).isEqualTo("CONSUMER");
        assertThat(poll.metadataTree().at("/span/durationMicros").asLong()).isEqualTo(1L);
        assertThat(poll.dataTree().path("kafka.topic").asText()).isNotEmpty();
        assertThat(byId(events, trace + ":2e22a0564764943a").metadataTree().at("/span/kind").asText()).isEqualTo("PRODUCER");
    }

    @Test
    void zipkinYelpSharedRpcHalvesBecomeOneEventEach() throws Exception {
        List<Event> events = read("zipkin_yelp.json", "zipkin", 13); // 16 spans, 3 ids shared
        assertFlow(events, 1);
        assertParentsResolve(events);
        String trace = "a03ee8fff1dcd9b9";
        Event rpc = byId(events, trace + ":7a778764a0d0b594");
        assertThat(rpc.source()).isEqualTo("spectre");
        assertThat(rpc.type()).isEqualTo("get");
        assertThat(rpc.causationId()).isEqualTo(trace + ":f5f268651b2a2b34");
        assertThat(rpc.time()).isEqualTo(Instant.ofEpochSecond(1571896375L, 310_000_000L)); // the client's start
        assertThat(rpc.metadataTree().at("/span/durationMicros").asLong()).isEqualTo(3000L);
        assertThat(rpc.metadataTree().at("/span/client/service").asText()).isEqualTo("mobile_api");
        assertThat(rpc.metadataTree().at("/span/server/durationMicros").asLong()).isEqualTo(1490L);
        assertThat(rpc.raw()).startsWith("[").contains("\"kind\": \"CLIENT\"").contains("\"shared\": true");
        Event api = byId(events, trace + ":f5f268651b2a2b34");
        assertThat(api.source()).isEqualTo("mobile_api");
        assertThat(api.type()).isEqualTo("post /location/update/v4");
        assertThat(api.metadataTree().at("/span/client/service").asText()).isEqualTo("yelp-main");
        assertThat(byId(events, trace + ":2e8cfb154b59a41f").causationId()).isNull();
    }

    @Test
    void otlpExampleLogRecordHangsUnderTheExampleTraceSpan() throws Exception {
        List<Event> span = read("otlp_proto_example_trace.json", "otlp", 1);
        List<Event> logs = read(REALDATA.resolve("applogs/otlp_proto_example_logs.json"), "otlp", 1);
        Event log = logs.get(0);
        assertThat(log.id()).startsWith("sha-");
        assertThat(log.correlationId()).isEqualTo(span.get(0).correlationId());
        assertThat(log.causationId()).isEqualTo(span.get(0).id()); // the span of the other file
        assertThat(log.type()).isEqualTo("log.INFO"); // severityNumber 10 is INFO2; its text says "Information"
        assertThat(log.source()).isEqualTo("my.service");
        assertThat(log.time()).isEqualTo(Instant.ofEpochSecond(1544712660L, 300_000_000L));
        assertThat(log.dataTree().path("body").asText()).isEqualTo("Example log record");
        assertThat(log.dataTree().at("/attributes/map.attribute/some.map.key").asText()).isEqualTo("some value");
        assertThat(log.dataTree().at("/attributes/array.attribute/1").asText()).isEqualTo("values");
        assertThat(log.dataTree().at("/attributes/int.attribute").isNumber()).isTrue();
        assertFlow(List.of(span.get(0), log), 1, span.get(0).id());
    }

    @Test
    void otlpExampleEventIsTypedByItsEventName() throws Exception {
        Event e = read(REALDATA.resolve("applogs/otlp_proto_example_events.json"), "otlp", 1).get(0);
        assertThat(e.type()).isEqualTo("browser.page_view");
        assertThat(e.correlationId()).isNull();
        assertThat(e.dataTree().at("/body/url").asText()).isEqualTo("https://www.guidgenerator.com/online-guid-generator.aspx");
        assertThat(e.dataTree().at("/body/type").asInt()).isZero();
        assertThat(e.dataTree().at("/attributes/event.attribute").asText()).isEqualTo("some event attribute");
        assertThat(e.metadataTree().at("/log/severityNumber").asInt()).isEqualTo(9);
    }
}
