package eventlens.importers.trace;

import static eventlens.importers.trace.TraceFixtures.read;
import static org.assertj.core.api.Assertions.assertThat;

import eventlens.importers.RecordingSink;
import eventlens.model.Event;
import eventlens.model.flow.CausalGraph;
import eventlens.model.flow.FailureTypes;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** OTLP/JSON log records as events that join their trace's flow. */
class OtlpLogsTest {
    private static final String TRACE = "0af7651916cd43dd8448eb211c80319c";

    private final OtlpImporter otlp = new OtlpImporter();

    private static String logs(String records) {
        return ("{\"resourceLogs\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\",\"value\":{\"stringValue\":\"orders\"}}]},"
                + "\"scopeLogs\":[{\"scope\":{\"name\":\"log4j\"},\"logRecords\":[%s]}]}]}").formatted(records);
    }

    @Test
    void aLogRecordHangsUnderTheSpanItWasLoggedIn() throws Exception {
        String span = "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"traceId\":\"%s\",\"spanId\":\"B7AD6B7169203331\","
                + "\"name\":\"place order\",\"startTimeUnixNano\":\"1700000000000000000\"}]}]}]}";
        String log = logs("{\"timeUnixNano\":\"1700000000500000000\",\"severityNumber\":17,\"severityText\":\"Error\","
                + "\"traceId\":\"%s\",\"spanId\":\"b7ad6b7169203331\",\"body\":{\"stringValue\":\"card declined\"},"
                + "\"attributes\":[{\"key\":\"retry\",\"value\":{\"intValue\":\"2\"}}]}");
        RecordingSink sink = read(otlp, span.formatted(TRACE) + "\n" + log.formatted(TRACE.toUpperCase()) + "\n");
        assertThat(sink.errors).isEmpty();
        assertThat(sink.events).hasSize(2);
        Event spanEvent = sink.events.get(0);
        Event logEvent = sink.events.get(1);
        assertThat(logEvent.id()).startsWith("sha-");
        assertThat(logEvent.correlationId()).isEqualTo(TRACE);
        assertThat(logEvent.causationId()).isEqualTo(spanEvent.id());
        assertThat(logEvent.type()).isEqualTo("log.ERROR");
        assertThat(FailureTypes.isFailure(logEvent.type())).isTrue(); // flows paint it as a failure
        assertThat(logEvent.source()).isEqualTo("orders");
        assertThat(logEvent.time()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L, 500_000_000L));
        assertThat(logEvent.dataTree().path("body").asText()).isEqualTo("card declined");
        assertThat(logEvent.dataTree().at("/attributes/retry").asInt()).isEqualTo(2);
        assertThat(logEvent.metadataTree().at("/log/severityText").asText()).isEqualTo("Error");
        assertThat(logEvent.metadataTree().at("/scope/name").asText()).isEqualTo("log4j");
        assertThat(logEvent.origin().line()).isEqualTo(2);
        CausalGraph flow = CausalGraph.build(List.of(spanEvent, logEvent));
        assertThat(flow.roots()).hasSize(1);
        assertThat(flow.anomalies()).isEmpty();
    }

    @Test
    void eventNameTypeObservedTimeAndDerivedIdsThatRepeat() throws Exception {
        String record = "{\"eventName\":\"browser.page_view\",\"timeUnixNano\":\"0\",\"observedTimeUnixNano\":1700000000000000000,"
                + "\"body\":{\"kvlistValue\":{\"values\":[{\"key\":\"url\",\"value\":{\"stringValue\":\"/cart\"}}]}}}";
        RecordingSink sink = read(otlp, logs(record + "," + record + ",{\"severityText\":\"notice\"},{},7"));
        assertThat(sink.events).hasSize(4);
        Event view = sink.events.get(0);
        assertThat(view.type()).isEqualTo("browser.page_view");
        assertThat(view.time()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L)); // time 0: the observed time
        assertThat(view.dataTree().at("/body/url").asText()).isEqualTo("/cart");
        assertThat(view.correlationId()).isNull();
        assertThat(view.causationId()).isNull();
        assertThat(sink.events.get(1).id()).isEqualTo(view.id()); // same text, same id: the store sees a duplicate
        assertThat(sink.events.get(2).type()).isEqualTo("log.notice");
        assertThat(sink.events.get(3).type()).isEqualTo("log");
        assertThat(sink.events.get(3).time()).isNull();
        assertThat(sink.errors).singleElement().satisfies(e -> assertThat(e.reason()).isEqualTo("not an OTLP log record"));
    }
}
