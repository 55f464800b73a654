package eventlens.model.flow;

import eventlens.testing.TestProjects;
import static org.assertj.core.api.Assertions.assertThat;

import eventlens.model.store.ProjectStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Temporal history whose events carry a traceparent only inside a header payload (the OpenTelemetry
 * interceptor's {@code _tracer-data}, base64 in the file), imported with the OTLP trace that holds
 * those spans: the run and the trace are one flow, whichever id opens it (decisions 0021, 0026).
 */
class TemporalTraceJoinTest {
    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CLIENT_SPAN = "00f067aa0ba902b7";
    private static final String ACTIVITY_SPAN = "b7ad6b7169203331";
    private static final String RUN = "run-traced";

    @TempDir
    Path dir;

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String header(String span) {
        return "{\"fields\": {\"_tracer-data\": {\"metadata\": {\"encoding\": \"" + b64("json/plain") + "\"}, \"data\": \""
                + b64("{\"traceparent\":\"00-" + TRACE + "-" + span + "-01\"}") + "\"}}}";
    }

    private Path history() throws Exception {
        return Files.writeString(dir.resolve("history.json"), """
                {"events": [
                  {"eventId": "1", "eventTime": "2026-03-01T10:00:00.010Z", "eventType": "WorkflowExecutionStarted",
                   "workflowExecutionStartedEventAttributes": {"workflowType": {"name": "OrderWorkflow"},
                     "taskQueue": {"name": "orders"}, "originalExecutionRunId": "%s", "workflowId": "order-7",
                     "header": %s}},
                  {"eventId": "2", "eventTime": "2026-03-01T10:00:00.020Z", "eventType": "WorkflowTaskScheduled",
                   "workflowTaskScheduledEventAttributes": {"taskQueue": {"name": "orders"}}},
                  {"eventId": "3", "eventTime": "2026-03-01T10:00:00.030Z", "eventType": "WorkflowTaskStarted",
                   "workflowTaskStartedEventAttributes": {"scheduledEventId": "2", "identity": "worker-1"}},
                  {"eventId": "4", "eventTime": "2026-03-01T10:00:00.040Z", "eventType": "WorkflowTaskCompleted",
                   "workflowTaskCompletedEventAttributes": {"scheduledEventId": "2", "startedEventId": "3"}},
                  {"eventId": "5", "eventTime": "2026-03-01T10:00:00.050Z", "eventType": "ActivityTaskScheduled",
                   "activityTaskScheduledEventAttributes": {"activityType": {"name": "Charge"},
                     "workflowTaskCompletedEventId": "4", "header": %s}}
                ]}
                """.formatted(RUN, header(CLIENT_SPAN), header(ACTIVITY_SPAN)));
    }

    /** An OTLP/JSON trace: the client's StartWorkflow span, and the worker's span that scheduled the activity. */
    private Path trace() throws Exception {
        return Files.writeString(dir.resolve("trace.json"), """
                {"resourceSpans": [{"resource": {"attributes": [{"key": "service.name", "value": {"stringValue": "order-api"}}]},
                  "scopeSpans": [{"scope": {"name": "io.temporal"}, "spans": [
                    {"traceId": "%1$s", "spanId": "%2$s", "name": "StartWorkflow:OrderWorkflow", "kind": 3,
                     "startTimeUnixNano": "1772359200000000000", "endTimeUnixNano": "1772359200012000000"},
                    {"traceId": "%1$s", "spanId": "%3$s", "parentSpanId": "%2$s", "name": "RunWorkflow:OrderWorkflow", "kind": 2,
                     "startTimeUnixNano": "1772359200030000000", "endTimeUnixNano": "1772359200045000000"}
                  ]}]}]}
                """.formatted(TRACE, CLIENT_SPAN, ACTIVITY_SPAN));
    }

    @Test
    void theRunHangsUnderTheSpanItWasStartedInWhicheverIdOpensIt() throws Exception {
        try (ProjectStore store = TestProjects.imported(dir.resolve("p.db"), history(), trace())) {
            FlowLoader loader = new FlowLoader(store);
            for (String opened : new String[] {RUN, TRACE, RUN + "/5", TRACE + ":" + CLIENT_SPAN}) {
                CausalGraph g = loader.load(opened).orElseThrow();
                assertThat(g.size()).as(opened).isEqualTo(7);
                assertThat(g.joinedFlows()).as(opened).containsExactlyInAnyOrder(RUN, TRACE);
                FlowNode start = g.node(RUN + "/1").orElseThrow();
                assertThat(start.parentLink()).isEqualTo(LinkKind.TRACEPARENT);
                assertThat(g.node(start.parent()).id()).isEqualTo(TRACE + ":" + CLIENT_SPAN);
                // the scheduled activity keeps its workflow task as its cause; the worker's span is a second link
                FlowNode scheduled = g.node(RUN + "/5").orElseThrow();
                assertThat(scheduled.parentLink()).isEqualTo(LinkKind.CAUSATION);
                assertThat(g.linksTo(scheduled.index())).singleElement()
                        .satisfies(l -> assertThat(g.node(l.cause()).id()).isEqualTo(TRACE + ":" + ACTIVITY_SPAN));
                assertThat(g.joinedBy()).containsExactly(LinkKind.TRACEPARENT);
            }
        }
    }
}
