package eventlens.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TraceContextTest {
    private static final String VALID = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private static Event event(String data, String metadata, String raw) {
        return new Event(0, "e", null, null, null, null, null, null, null, null, data, metadata, raw, null);
    }

    @Test
    void w3cExampleParsesAndNamesItsSpansEvent() {
        TraceContext t = TraceContext.parse(VALID).orElseThrow();
        assertThat(t.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(t.spanId()).isEqualTo("00f067aa0ba902b7");
        assertThat(t.flags()).isEqualTo("01");
        assertThat(t.spanEventId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736:00f067aa0ba902b7");
    }

    @Test
    void upperCaseHexIsLoweredLikeTheTraceReadersIds() {
        assertThat(TraceContext.parse(VALID.toUpperCase()).orElseThrow().spanEventId())
                .isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736:00f067aa0ba902b7");
    }

    @Test
    void aFutureVersionMayAppendFieldsButVersion00MayNot() {
        assertThat(TraceContext.parse("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-what")).isPresent();
        assertThat(TraceContext.parse(VALID + "-what")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "00-ab-cd-01", "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
            "00-4bf92f3577b34da6a3ce929d0e0e473g-00f067aa0ba902b7-01",
            "00_4bf92f3577b34da6a3ce929d0e0e4736_00f067aa0ba902b7_01"})
    void malformedValuesAreNoTraceContext(String value) {
        assertThat(TraceContext.parse(value)).isEmpty();
    }

    @Test
    void a64BitTraceIdHasBothSpellings() {
        assertThat(TraceContext.traceIdForms("0562809467078eab"))
                .containsExactly("0562809467078eab", "00000000000000000562809467078eab");
        assertThat(TraceContext.traceIdForms("00000000000000000562809467078eab"))
                .containsExactly("00000000000000000562809467078eab", "0562809467078eab");
        assertThat(TraceContext.traceIdForms("trace-123")).containsExactly("trace-123");
    }

    @Test
    void foundInMetadataHeadersAtTheRecordTopLevelOrInTheData() {
        assertThat(TraceContext.of(event(null, "{\"traceparent\":\"" + VALID + "\"}", "{}"))).isPresent();
        assertThat(TraceContext.of(event(null, "{\"headers\":{\"Traceparent\":\"" + VALID + "\"}}", "{}"))).isPresent();
        assertThat(TraceContext.of(event(null, "{\"kafka\":{\"headers\":{\"traceparent\":\"" + VALID + "\"}}}", "{}")))
                .isPresent();
        assertThat(TraceContext.of(event("{\"x\":1}", null, "{\"specversion\":\"1.0\",\"traceparent\":\"" + VALID
                + "\",\"data\":{\"x\":1}}"))).as("CloudEvents distributed-tracing extension").isPresent();
        assertThat(TraceContext.of(event("{\"traceparent\":\"" + VALID + "\"}", null, "[]"))).isPresent();
    }

    @Test
    void foundInABrokerHeaderListOfTheRawRecord() {
        assertThat(TraceContext.of(event(null, null, "{\"topic\":\"t\",\"headers\":[\"a\",\"b\",\"traceparent\",\""
                + VALID + "\"]}"))).as("kcat").isPresent();
        assertThat(TraceContext.of(event(null, null, "{\"headers\":[{\"key\":\"traceparent\",\"value\":\""
                + VALID + "\"}]}"))).as("rpk").isPresent();
        StringBuilder bytes = new StringBuilder();
        for (char c : VALID.toCharArray()) {
            bytes.append(bytes.length() == 0 ? "" : ",").append((int) c);
        }
        assertThat(TraceContext.of(event(null, null, "{\"headers\":[{\"traceparent\":[" + bytes + "]}]}")))
                .as("Lambda MSK byte list").isPresent();
    }

    @Test
    void notFoundTooDeepNorInAnotherMemberNorInANestedRawMember() {
        assertThat(TraceContext.of(event(null, "{\"a\":{\"b\":{\"c\":{\"d\":{\"traceparent\":\"" + VALID + "\"}}}}}",
                "{}"))).isEmpty();
        assertThat(TraceContext.of(event(null, "{\"note\":\"traceparent " + VALID + "\"}", "{}"))).isEmpty();
        assertThat(TraceContext.of(event(null, null, "{\"x\":{\"traceparent\":\"" + VALID + "\"}}"))).isEmpty();
    }
}
