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

/** OTLP/JSON traces; the logs are in {@link OtlpLogsTest}. */
class OtlpImporterTest {
    private static final String TRACE = "0af7651916cd43dd8448eb211c80319c";

    private final OtlpImporter otlp = new OtlpImporter();

    private static String document(String scopeKey, String spans) {
        return """
                {"resourceSpans": [{
                  "resource": {"attributes": [{"key": "service.name", "value": {"stringValue": "orders"}},
                                              {"key": "host.name", "value": {"stringValue": "h1"}}]},
                  "%s": [{"scope": {"name": "lib", "version": "1.2"}, "spans": [
                %s
                  ]}]}]}
                """.formatted(scopeKey, spans);
    }

    @Test
    void nanosAsStringsAndAsNumbersGiveTheSameTimes() throws Exception {
        RecordingSink sink = read(otlp, document("scopeSpans", """
                    {"traceId": "%1$s", "spanId": "b7ad6b7169203331", "name": "place order", "kind": 2,
                     "startTimeUnixNano": "1700000000123456789", "endTimeUnixNano": "1700000000223456789"},
                    {"traceId": "%1$s", "spanId": "00f067aa0ba902b7", "parentSpanId": "b7ad6b7169203331",
                     "name": "charge", "kind": "SPAN_KIND_CLIENT",
                     "startTimeUnixNano": 1700000000123456789, "endTimeUnixNano": 1700000000124456789}
                """.formatted(TRACE)));
        assertThat(sink.errors).isEmpty();
        assertParentsResolve(sink.events);
        Event root = byId(sink.events, TRACE + ":b7ad6b7169203331");
        Event child = byId(sink.events, TRACE + ":00f067aa0ba902b7");
        assertThat(root.time()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L, 123_456_000L)); // events keep micros
        assertThat(child.time()).isEqualTo(root.time());
        assertThat(root.metadataTree().at("/span/durationMicros").asLong()).isEqualTo(100_000L);
        assertThat(child.metadataTree().at("/span/durationMicros").asLong()).isEqualTo(1_000L);
        assertThat(root.metadataTree().at("/span/kind").asText()).isEqualTo("SERVER");
        assertThat(child.metadataTree().at("/span/kind").asText()).isEqualTo("CLIENT");
        assertThat(child.causationId()).isEqualTo(root.id());
        assertThat(child.correlationId()).isEqualTo(TRACE);
        assertThat(child.source()).isEqualTo("orders");
        assertThat(child.type()).isEqualTo("charge");
        assertThat(child.metadataTree().at("/resource/host.name").asText()).isEqualTo("h1");
        assertThat(child.metadataTree().at("/scope/version").asText()).isEqualTo("1.2");
    }

    @Test
    void base64IdsOfTheProtobufJsonMappingBecomeHex() throws Exception {
        RecordingSink sink = read(otlp, document("scopeSpans", """
                    {"traceId": "W47/95gDgQPSabYzgT/GDA==", "spanId": "7uGbfsPBsXQ=", "parentSpanId": "7uGbfsPBsXM=",
                     "name": "s", "startTimeUnixNano": "1"}
                """));
        Event e = sink.events.get(0);
        assertThat(e.id()).isEqualTo("5b8efff798038103d269b633813fc60c:eee19b7ec3c1b174");
        assertThat(e.causationId()).isEqualTo("5b8efff798038103d269b633813fc60c:eee19b7ec3c1b173");
        assertThat(e.time()).isEqualTo(Instant.ofEpochSecond(0, 0)); // 1 ns, cut to micros: never read as seconds
    }

    @Test
    void legacyInstrumentationLibrarySpansAreRead() throws Exception {
        RecordingSink sink = read(otlp, document("instrumentationLibrarySpans", """
                    {"traceId": "%s", "spanId": "b7ad6b7169203331", "parentSpanId": "0000000000000000", "name": "old",
                     "startTimeUnixNano": "1700000000000000000"}
                """.formatted(TRACE)).replace("\"scope\"", "\"instrumentationLibrary\""));
        assertThat(sink.errors).isEmpty();
        Event e = sink.events.get(0);
        assertThat(e.causationId()).isNull(); // an all-zero parent is no parent
        assertThat(e.metadataTree().at("/scope/name").asText()).isEqualTo("lib");
    }

    @Test
    void statusEventsLinksAndTypedAttributesAreKept() throws Exception {
        RecordingSink sink = read(otlp, document("scopeSpans", """
                    {"traceId": "%s", "spanId": "b7ad6b7169203331", "name": "pay", "startTimeUnixNano": "1700000000000000000",
                     "status": {"code": "STATUS_CODE_ERROR", "message": "card declined"},
                     "attributes": [{"key": "amount", "value": {"intValue": "1200"}},
                                    {"key": "tags", "value": {"arrayValue": {"values": [{"stringValue": "a"}, {"boolValue": true}]}}},
                                    {"key": "card", "value": {"kvlistValue": {"values": [{"key": "brand", "value": {"stringValue": "visa"}}]}}}],
                     "events": [{"timeUnixNano": "1700000000500000000", "name": "exception",
                                 "attributes": [{"key": "exception.type", "value": {"stringValue": "Declined"}}]}],
                     "links": [{"traceId": "4bf92f3577b34da6a3ce929d0e0e4736", "spanId": "00f067aa0ba902b7"}]}
                """.formatted(TRACE)));
        Event e = sink.events.get(0);
        assertThat(e.dataTree().path("amount").isNumber()).isTrue();
        assertThat(e.dataTree().path("amount").asInt()).isEqualTo(1200);
        assertThat(e.dataTree().at("/tags/1").booleanValue()).isTrue();
        assertThat(e.dataTree().at("/card/brand").asText()).isEqualTo("visa");
        assertThat(e.metadataTree().at("/span/status/code").asText()).isEqualTo("ERROR");
        assertThat(e.metadataTree().at("/span/status/message").asText()).isEqualTo("card declined");
        assertThat(e.metadataTree().at("/span/events/0/name").asText()).isEqualTo("exception");
        assertThat(e.metadataTree().at("/span/events/0/time").asText()).isEqualTo("2023-11-14T22:13:20.500Z");
        assertThat(e.metadataTree().at("/span/events/0/attributes/exception.type").asText()).isEqualTo("Declined");
        assertThat(e.metadataTree().at("/span/links/0/eventId").asText())
                .isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736:00f067aa0ba902b7");
        assertThat(e.metadataTree().at("/span/links/0/type").asText()).isEqualTo("link");
        assertThat(e.causationId()).isNull(); // a link is not a parent
    }

    @Test
    void aSpanWithoutIdIsReportedAndARepeatedIdIsKeptFlaggedWhileTheRestImports() throws Exception {
        RecordingSink sink = read(otlp, document("scopeSpans", """
                    {"traceId": "%1$s", "spanId": "b7ad6b7169203331", "name": "one", "startTimeUnixNano": "1700000000000000000"},
                    {"traceId": "%1$s", "name": "no span id", "startTimeUnixNano": "1700000000000000000"},
                    {"traceId": "%1$s", "spanId": "b7ad6b7169203331", "name": "again", "startTimeUnixNano": "1700000000000000000"},
                    {"traceId": "%1$s", "spanId": "00f067aa0ba902b7", "parentSpanId": "b7ad6b7169203331", "name": "two",
                     "startTimeUnixNano": "not a time"}
                """.formatted(TRACE)));
        assertThat(ids(sink.events)).containsExactly(TRACE + ":b7ad6b7169203331", TRACE + ":b7ad6b7169203331",
                TRACE + ":00f067aa0ba902b7");
        assertThat(byId(sink.events, TRACE + ":00f067aa0ba902b7").time()).isNull(); // an unreadable time is no reason to reject
        Event again = sink.events.get(1);
        assertThat(again.type()).isEqualTo("again");
        assertThat(again.origin().line()).isEqualTo(7);
        assertThat(again.metadataTree().at("/span/duplicateSpanId").asBoolean()).isTrue();
        assertThat(again.metadataTree().at("/span/firstReadAtLine").asLong()).isEqualTo(5L);
        assertThat(sink.errors).singleElement().satisfies(e -> {
            assertThat(e.reason()).isEqualTo("span without a span id");
            assertThat(e.line()).isEqualTo(5); // the line of the span before: this one has no id to find
            assertThat(e.raw()).contains("no span id");
        });
    }

    @Test
    void oneDocumentPerLineAsTheCollectorFileExporterWritesThemAndJaegerV2ResultWrappers() throws Exception {
        String line = "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"traceId\":\"%s\",\"spanId\":\"%s\",\"name\":\"n\"}]}]}]}\n";
        RecordingSink sink = read(otlp, line.formatted(TRACE, "b7ad6b7169203331") + "{\"resourceMetrics\":[]}\n"
                + line.formatted(TRACE, "00f067aa0ba902b7"));
        assertThat(sink.events).hasSize(2);
        assertThat(sink.events.get(1).origin().line()).isEqualTo(3);
        RecordingSink jaegerV2 = read(otlp, "{\"result\": " + line.formatted(TRACE, "b7ad6b7169203331").strip() + "}");
        assertThat(jaegerV2.errors).isEmpty();
        assertThat(ids(jaegerV2.events)).containsExactly(TRACE + ":b7ad6b7169203331");
        assertThat(sink.events.get(0).source()).isNull(); // no resource, no service
        assertThat(sink.errors).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.reason()).isEqualTo("not an OTLP document: no \"resourceSpans\" or \"resourceLogs\" array");
        });
    }
}
