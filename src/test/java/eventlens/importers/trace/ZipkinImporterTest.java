package eventlens.importers.trace;

import static eventlens.importers.trace.TraceFixtures.assertParentsResolve;
import static eventlens.importers.trace.TraceFixtures.byId;
import static eventlens.importers.trace.TraceFixtures.ids;
import static eventlens.importers.trace.TraceFixtures.read;
import static org.assertj.core.api.Assertions.assertThat;

import eventlens.importers.RecordingSink;
import eventlens.model.Event;
import eventlens.model.ImportError;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ZipkinImporterTest {
    private final ZipkinImporter zipkin = new ZipkinImporter();

    /** frontend (root) calls backend over RPC (span b, reported twice); the backend queries a db (span c). */
    private static final String RPC = """
            [
              {"traceId": "t1", "id": "c", "parentId": "b", "name": "select", "kind": "CLIENT",
               "timestamp": 1700000000003000, "duration": 500, "localEndpoint": {"serviceName": "backend"}},
              {"traceId": "t1", "id": "b", "parentId": "a", "name": "get /api", "kind": "SERVER", "shared": true,
               "timestamp": 1700000000002000, "duration": 2000, "localEndpoint": {"serviceName": "backend"},
               "tags": {"http.path": "/api", "http.status_code": "500", "error": "timeout"}},
              {"traceId": "t1", "id": "a", "name": "click", "timestamp": 1700000000000000, "duration": 9000,
               "localEndpoint": {"serviceName": "frontend"},
               "annotations": [{"timestamp": 1700000000000500, "value": "rendered"}]},
              {"traceId": "t1", "id": "b", "parentId": "a", "name": "get", "kind": "CLIENT",
               "timestamp": 1700000000001000, "duration": 4000, "localEndpoint": {"serviceName": "frontend"},
               "remoteEndpoint": {"serviceName": "backend", "port": 8080}, "tags": {"http.path": "/api?x"}}
            ]
            """;

    @Test
    void sharedServerHalfIsMergedWithItsClientIntoOneEvent() throws Exception {
        RecordingSink sink = read(zipkin, RPC);
        assertThat(sink.errors).isEmpty();
        // Delivered as read, except halves that wait for their other half (b) and clients that never meet
        // one (c, delivered at the end).
        assertThat(ids(sink.events)).containsExactly("t1:a", "t1:b", "t1:c");
        assertParentsResolve(sink.events);
        Event rpc = byId(sink.events, "t1:b");
        assertThat(rpc.type()).isEqualTo("get /api");
        assertThat(rpc.source()).isEqualTo("backend");
        assertThat(rpc.causationId()).isEqualTo("t1:a");
        assertThat(rpc.correlationId()).isEqualTo("t1");
        assertThat(rpc.time()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L, 1_000_000L)); // the client's start
        assertThat(rpc.metadataTree().at("/span/durationMicros").asLong()).isEqualTo(4000L);
        assertThat(rpc.metadataTree().at("/span/kind").asText()).isEqualTo("SERVER");
        assertThat(rpc.metadataTree().at("/span/client/service").asText()).isEqualTo("frontend");
        assertThat(rpc.metadataTree().at("/span/client/name").asText()).isEqualTo("get");
        assertThat(rpc.metadataTree().at("/span/client/remoteEndpoint/port").asInt()).isEqualTo(8080);
        assertThat(rpc.metadataTree().at("/span/server/durationMicros").asLong()).isEqualTo(2000L);
        assertThat(rpc.metadataTree().at("/span/status/message").asText()).isEqualTo("timeout");
        assertThat(rpc.dataTree().path("http.path").asText()).isEqualTo("/api"); // the server's tag wins
        assertThat(rpc.raw()).startsWith("[").contains("\"CLIENT\"").contains("\"shared\": true");
        assertThat(rpc.origin().line()).isEqualTo(4); // where the server half starts, the earlier of the two
        Event root = byId(sink.events, "t1:a");
        assertThat(root.causationId()).isNull();
        assertThat(root.metadataTree().at("/span/events/0/name").asText()).isEqualTo("rendered");
        assertThat(root.metadataTree().at("/span/localEndpoint/serviceName").asText()).isEqualTo("frontend");
    }

    @Test
    void aRepeatThatIsNotASharedHalfIsKeptFlaggedAsADuplicate() throws Exception {
        RecordingSink sink = read(zipkin, """
                [{"traceId": "t1", "id": "a", "name": "first", "timestamp": 1700000000000000, "localEndpoint": {"serviceName": "s"}},
                 {"traceId": "t1", "id": "a", "name": "second", "timestamp": 1700000000000000, "localEndpoint": {"serviceName": "s"}},
                 {"traceId": "t2", "id": "a", "name": "other trace", "timestamp": 1700000000000000}]
                """);
        assertThat(sink.errors).isEmpty();
        assertThat(ids(sink.events)).containsExactly("t1:a", "t1:a", "t2:a");
        assertThat(sink.events).extracting(Event::type).containsExactly("first", "second", "other trace");
        assertThat(sink.events).extracting(e -> e.metadataTree().at("/span/duplicateSpanId").asBoolean())
                .containsExactly(false, true, false);
        assertThat(sink.events.get(1).metadataTree().at("/span/firstReadAtLine").asLong()).isEqualTo(1L);
        assertThat(sink.events.get(1).origin().line()).isEqualTo(2);
    }

    @Test
    void badSpansAreReportedWhileTheRestImports() throws Exception {
        RecordingSink sink = read(zipkin, """
                [{"traceId": "t1", "id": "a", "name": "ok", "timestamp": "1700000000000000", "localEndpoint": {"serviceName": "s"}},
                 {"traceId": "t1", "name": "no id"},
                 42,
                 {"traceId": "t1", "id": "b", "parentId": "a", "name": "child", "timestamp": 1700000000000100}]
                """);
        assertThat(ids(sink.events)).containsExactly("t1:a", "t1:b");
        assertThat(byId(sink.events, "t1:a").time()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L)); // micros as a string
        assertParentsResolve(sink.events);
        assertThat(sink.errors).extracting(ImportError::reason)
                .containsExactly("not a Zipkin span: no traceId or id", "not a Zipkin span: no traceId or id");
        assertThat(sink.errors).extracting(ImportError::line).containsExactly(2L, 3L);
    }

    @Test
    void anArrayOfTracesAndOneSpanPerLineAreRead() throws Exception {
        String span = "{\"traceId\":\"%s\",\"id\":\"%s\",\"name\":\"n\",\"timestamp\":1700000000000000}";
        RecordingSink traces = read(zipkin, "[[" + span.formatted("t1", "a") + "],[" + span.formatted("t2", "a") + "]]");
        assertThat(ids(traces.events)).containsExactly("t1:a", "t2:a");
        RecordingSink lines = read(zipkin, span.formatted("t1", "a") + "\n" + span.formatted("t1", "b") + "\n");
        assertThat(ids(lines.events)).containsExactly("t1:a", "t1:b");
        assertThat(lines.events.get(1).origin().line()).isEqualTo(2);
    }

    @Test
    void halvesStillWaitingBeyondTheLimitAreDeliveredAloneOldestFirst() {
        List<String> delivered = new java.util.ArrayList<>();
        RecordingSink sink = new RecordingSink();
        ZipkinImporter.Pairing pairing = new ZipkinImporter.Pairing(new SpanDelivery(sink), 2);
        for (String id : List.of("x", "y", "z")) {
            Span client = new Span();
            client.traceId = "t9";
            client.spanId = id;
            client.kind = "CLIENT";
            client.raw = "{}";
            client.origin = new eventlens.model.Origin("f", 1, "zipkin");
            pairing.add(client);
        }
        sink.events.forEach(e -> delivered.add(e.id()));
        assertThat(delivered).as("only the oldest of three, with room for two").containsExactly("t9:x");
        pairing.finish();
        assertThat(ids(sink.events)).containsExactly("t9:x", "t9:y", "t9:z");
    }

    @Test
    void aTruncatedFileKeepsTheSpansBeforeTheCut() throws Exception {
        String cut = RPC.substring(0, RPC.indexOf("\"name\": \"get\", \"kind\": \"CLIENT\""));
        RecordingSink sink = read(zipkin, cut);
        assertThat(ids(sink.events)).containsExactly("t1:a", "t1:c", "t1:b");
        assertThat(byId(sink.events, "t1:b").source()).isEqualTo("backend"); // the shared half alone
        assertThat(sink.errors).singleElement().satisfies(e -> assertThat(e.line()).isEqualTo(10));
    }
}
