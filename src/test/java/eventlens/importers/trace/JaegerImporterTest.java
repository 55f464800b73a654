package eventlens.importers.trace;

import static eventlens.importers.trace.TraceFixtures.assertParentsResolve;
import static eventlens.importers.trace.TraceFixtures.byId;
import static eventlens.importers.trace.TraceFixtures.ids;
import static eventlens.importers.trace.TraceFixtures.read;
import static org.assertj.core.api.Assertions.assertThat;

import eventlens.importers.RecordingSink;
import eventlens.model.Event;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JaegerImporterTest {
    private final JaegerImporter jaeger = new JaegerImporter();

    /** A trace whose spans s1 (root), s2 (child of s1) and s3 (follows from s2) run in two services. */
    private static String trace(String traceId) {
        return """
                {"traceID": "%1$s", "spans": [
                  {"traceID": "%1$s", "spanID": "s1", "operationName": "checkout", "references": [],
                   "startTime": 1700000000000000, "duration": 5000, "processID": "p1",
                   "tags": [{"key": "span.kind", "type": "string", "value": "server"},
                            {"key": "http.status_code", "type": "int64", "value": 200}],
                   "logs": [{"timestamp": 1700000000001000, "fields": [{"key": "event", "type": "string", "value": "cache miss"}]}]},
                  {"traceID": "%1$s", "spanID": "s2", "operationName": "reserve", "processID": "p2",
                   "references": [{"refType": "CHILD_OF", "traceID": "%1$s", "spanID": "s1"}],
                   "startTime": 1700000000002000, "duration": 1000,
                   "tags": [{"key": "error", "type": "bool", "value": true}]},
                  {"traceID": "%1$s", "spanID": "s3", "operationName": "notify", "processID": "p2",
                   "references": [{"refType": "FOLLOWS_FROM", "traceID": "%1$s", "spanID": "s2"}],
                   "startTime": 1700000000004000, "duration": 10}
                ], "processes": {"p1": {"serviceName": "shop", "tags": [{"key": "hostname", "type": "string", "value": "h1"}]},
                                 "p2": {"serviceName": "stock", "tags": []}}}
                """.formatted(traceId);
    }

    @Test
    void queryApiResponseMapsEverySpanOfEveryTrace() throws Exception {
        RecordingSink sink = read(jaeger, "{\"data\": [" + trace("t1") + "," + trace("t2") + "], \"total\": 2}");
        assertThat(sink.errors).isEmpty();
        assertThat(ids(sink.events)).containsExactly("t1:s1", "t1:s2", "t1:s3", "t2:s1", "t2:s2", "t2:s3");
        assertParentsResolve(sink.events);
        Event root = byId(sink.events, "t2:s1");
        assertThat(root.correlationId()).isEqualTo("t2");
        assertThat(root.causationId()).isNull();
        assertThat(root.source()).isEqualTo("shop");
        assertThat(root.type()).isEqualTo("checkout");
        assertThat(root.time()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
        assertThat(root.dataTree().path("http.status_code").asInt()).isEqualTo(200);
        assertThat(root.metadataTree().at("/span/kind").asText()).isEqualTo("SERVER");
        assertThat(root.metadataTree().at("/span/durationMicros").asLong()).isEqualTo(5000L);
        assertThat(root.metadataTree().at("/span/events/0/name").asText()).isEqualTo("cache miss");
        assertThat(root.metadataTree().at("/span/events/0/time").asText()).isEqualTo("2023-11-14T22:13:20.001Z");
        assertThat(root.metadataTree().at("/resource/hostname").asText()).isEqualTo("h1");
        Event child = byId(sink.events, "t2:s2");
        assertThat(child.causationId()).isEqualTo("t2:s1");
        assertThat(child.source()).isEqualTo("stock");
        assertThat(child.metadataTree().at("/span/status/code").asText()).isEqualTo("ERROR");
        assertThat(byId(sink.events, "t2:s3").causationId()).isEqualTo("t2:s2"); // FOLLOWS_FROM
    }

    @Test
    void singleUiTraceBareArrayAndOneTracePerLineAllRead() throws Exception {
        assertThat(ids(read(jaeger, trace("a")).events)).containsExactly("a:s1", "a:s2", "a:s3");
        assertThat(ids(read(jaeger, "[" + trace("a") + ", " + trace("b") + "]").events)).hasSize(6);
        String lines = trace("a").replace("\n", " ") + "\n" + trace("b").replace("\n", " ") + "\n";
        RecordingSink sink = read(jaeger, lines);
        assertThat(sink.errors).isEmpty();
        assertThat(byId(sink.events, "b:s2").origin().line()).isEqualTo(2);
    }

    @Test
    void childOfIsPreferredOverAnEarlierFollowsFromAndEveryReferenceIsALink() throws Exception {
        RecordingSink sink = read(jaeger, """
                {"traceID": "t", "spans": [
                  {"spanID": "a", "operationName": "a", "startTime": 1},
                  {"spanID": "b", "operationName": "b", "startTime": 2},
                  {"spanID": "c", "operationName": "c", "startTime": 3, "references": [
                    {"refType": "FOLLOWS_FROM", "traceID": "t", "spanID": "a"},
                    {"refType": "CHILD_OF", "traceID": "t", "spanID": "b"}]}]}
                """);
        Event c = byId(sink.events, "t:c");
        assertThat(c.causationId()).isEqualTo("t:b");
        assertThat(c.metadataTree().at("/span/links")).hasSize(2);
        assertThat(c.metadataTree().at("/span/links/0/eventId").asText()).isEqualTo("t:a");
        assertThat(c.source()).isNull(); // no processes
    }

    @Test
    void aParentInAnotherTraceIsTheCauseAndIsFlagged() throws Exception {
        RecordingSink sink = read(jaeger, """
                {"traceID": "t2", "spans": [{"traceID": "t2", "spanID": "x", "operationName": "retry",
                  "startTime": 1700000000000000,
                  "references": [{"refType": "CHILD_OF", "traceID": "t1", "spanID": "s9"}]}]}
                """);
        assertThat(sink.errors).isEmpty();
        Event e = sink.events.get(0);
        assertThat(e.causationId()).isEqualTo("t1:s9");
        assertThat(e.correlationId()).isEqualTo("t2");
        assertThat(e.metadataTree().at("/span/crossTraceParent").asBoolean()).isTrue();
        assertThat(e.metadataTree().at("/span/parentTraceId").asText()).isEqualTo("t1");
    }

    @Test
    void idlessSpansAreReportedAndARepeatedSpanIdIsKeptFlaggedWhileTheRestImports() throws Exception {
        RecordingSink sink = read(jaeger, """
                {"traceID": "t", "spans": [
                  {"spanID": "a", "operationName": "first", "startTime": 1},
                  {"operationName": "no id", "startTime": 2},
                  "junk",
                  {"spanID": "a", "operationName": "again", "startTime": 3},
                  {"spanID": "b", "operationName": "fine", "startTime": 4,
                   "references": [{"refType": "CHILD_OF", "spanID": "a"}]}]}
                """);
        assertThat(ids(sink.events)).containsExactly("t:a", "t:a", "t:b");
        assertThat(sink.events.get(0).metadataTree().at("/span/duplicateSpanId").isMissingNode()).isTrue();
        Event again = sink.events.get(1);
        assertThat(again.type()).isEqualTo("again");
        assertThat(again.origin().line()).isEqualTo(5);
        assertThat(again.metadataTree().at("/span/duplicateSpanId").asBoolean()).isTrue();
        assertThat(again.metadataTree().at("/span/firstReadAtLine").asLong()).isEqualTo(2L);
        assertThat(byId(sink.events, "t:b").causationId()).isEqualTo("t:a");
        assertThat(sink.errors).extracting(e -> e.reason())
                .containsExactly("span without a span id", "not a Jaeger span: string");
        assertThat(sink.errors).extracting(e -> e.line()).containsExactly(2L, 2L);
    }

    @Test
    void aRecordThatIsNoTraceIsReported() throws Exception {
        RecordingSink sink = read(jaeger, "{\"traceID\": \"t\", \"spans\": 3}\n" + trace("ok").replace("\n", " ") + "\n");
        assertThat(sink.events).hasSize(3);
        assertThat(sink.errors).singleElement().satisfies(e -> {
            assertThat(e.reason()).isEqualTo("not a Jaeger trace: no \"spans\" array");
            assertThat(e.line()).isEqualTo(1);
        });
    }
}
