package eventlens.importers.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.importers.ImportOptions;
import eventlens.importers.ImportSource;
import eventlens.importers.ImporterRegistry;
import eventlens.importers.RecordingSink;
import eventlens.model.Event;
import eventlens.model.Json;
import eventlens.model.flow.FailureTypes;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The Temporal reader on small hand-written histories, one concern each. */
class TemporalImporterTest {
    private static final String JSON_PLAIN = b64("json/plain");

    static RecordingSink read(String name, String text) throws Exception {
        RecordingSink sink = new RecordingSink();
        new TemporalImporter().read(new ImportSource(name,
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))), ImportOptions.AUTOMATIC, sink);
        return sink;
    }

    static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** An activity's life in the protobuf enum spelling with string ids, as the CLI writes it. */
    private static final String SCREAMING = """
            {
              "events": [
                {
                  "eventId": "1",
                  "eventTime": "2025-06-11T14:29:20.596248Z",
                  "eventType": "EVENT_TYPE_WORKFLOW_EXECUTION_STARTED",
                  "taskId": "1048577",
                  "workflowExecutionStartedEventAttributes": {
                    "workflowType": {"name": "OrderWorkflow"},
                    "taskQueue": {"name": "orders", "kind": "TASK_QUEUE_KIND_NORMAL"},
                    "input": {"payloads": [{"metadata": {"encoding": "%1$s"}, "data": "%2$s"}]},
                    "originalExecutionRunId": "run-a",
                    "firstExecutionRunId": "run-first",
                    "identity": "client@host",
                    "workflowId": "order-42"
                  }
                },
                {"eventId": "2", "eventTime": "2025-06-11T14:29:20.6Z", "eventType": "EVENT_TYPE_WORKFLOW_TASK_SCHEDULED",
                  "workflowTaskScheduledEventAttributes": {"taskQueue": {"name": "orders"}}},
                {"eventId": "3", "eventTime": "2025-06-11T14:29:20.7Z", "eventType": "EVENT_TYPE_WORKFLOW_TASK_STARTED",
                  "workflowTaskStartedEventAttributes": {"scheduledEventId": "2", "identity": "worker-1"}},
                {"eventId": "4", "eventTime": "2025-06-11T14:29:20.8Z", "eventType": "EVENT_TYPE_WORKFLOW_TASK_COMPLETED",
                  "workflowTaskCompletedEventAttributes": {"scheduledEventId": "2", "startedEventId": "3", "identity": "worker-1"}},
                {"eventId": "5", "eventTime": "2025-06-11T14:29:20.9Z", "eventType": "EVENT_TYPE_ACTIVITY_TASK_SCHEDULED",
                  "activityTaskScheduledEventAttributes": {"activityType": {"name": "Charge"},
                    "taskQueue": {"name": "payments"}, "workflowTaskCompletedEventId": "4"}},
                {"eventId": "6", "eventTime": "2025-06-11T14:29:21Z", "eventType": "EVENT_TYPE_ACTIVITY_TASK_STARTED",
                  "activityTaskStartedEventAttributes": {"scheduledEventId": "5", "identity": "worker-2", "attempt": 1}},
                {"eventId": "7", "eventTime": "2025-06-11T14:29:22Z", "eventType": "EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT",
                  "activityTaskTimedOutEventAttributes": {"scheduledEventId": "5", "startedEventId": "6",
                    "failure": {"message": "activity timeout", "timeoutFailureInfo": {"timeoutType": "TIMEOUT_TYPE_START_TO_CLOSE"}},
                    "retryState": "RETRY_STATE_TIMEOUT"}}
              ]
            }
            """.formatted(JSON_PLAIN, b64("{\"orderId\":42}"));

    @Test
    void enumSpellingBecomesPascalCaseAndIdsArePrefixedWithTheRun() throws Exception {
        RecordingSink sink = read("h.json", SCREAMING);

        assertThat(sink.errors).isEmpty();
        assertThat(sink.events).extracting(Event::type).containsExactly("WorkflowExecutionStarted",
                "WorkflowTaskScheduled", "WorkflowTaskStarted", "WorkflowTaskCompleted", "ActivityTaskScheduled",
                "ActivityTaskStarted", "ActivityTaskTimedOut");
        Event start = sink.events.get(0);
        assertThat(start.id()).isEqualTo("run-a/1");
        assertThat(start.correlationId()).isEqualTo("run-a");
        assertThat(start.aggregateType()).isEqualTo("WorkflowExecution");
        assertThat(start.aggregateId()).isEqualTo("run-a");
        assertThat(start.version()).isEqualTo(1L);
        assertThat(start.source()).isEqualTo("client@host");
        assertThat(start.time()).isEqualTo(Instant.parse("2025-06-11T14:29:20.596248Z"));
        assertThat(start.causationId()).isNull();
        assertThat(start.metadataTree().path("workflowId").asText()).isEqualTo("order-42");
        assertThat(start.metadataTree().path("workflowType").asText()).isEqualTo("OrderWorkflow");
        assertThat(start.metadataTree().path("eventType").asText()).isEqualTo("EVENT_TYPE_WORKFLOW_EXECUTION_STARTED");
        assertThat(start.origin().line()).isEqualTo(4);
        assertThat(sink.events.get(6).origin().line()).isEqualTo(29);
    }

    @Test
    void causesFollowScheduledStartedOutcomeAndCommandsHangUnderTheirWorkflowTask() throws Exception {
        RecordingSink sink = read("h.json", SCREAMING);

        assertThat(sink.events).extracting(Event::causationId)
                .containsExactly(null, null, "run-a/2", "run-a/3", "run-a/4", "run-a/5", "run-a/6");
        Event timedOut = sink.events.get(6);
        assertThat(timedOut.metadataTree().path("references").path("scheduledEventId").asText()).isEqualTo("run-a/5");
        assertThat(timedOut.metadataTree().path("failure").path("message").asText()).isEqualTo("activity timeout");
        assertThat(timedOut.metadataTree().path("failure").path("type").asText()).isEqualTo("timeout");
        assertThat(FailureTypes.isFailure(timedOut.type())).isTrue();
        assertThat(sink.events.get(4).source()).isEqualTo("payments");
        assertThat(sink.events.get(5).source()).isEqualTo("worker-2");
    }

    @Test
    void jsonPayloadsAreDecodedInDataAndRawKeepsTheBase64() throws Exception {
        Event start = read("h.json", SCREAMING).events.get(0);

        assertThat(start.dataTree().path("input").path("payloads").get(0).path("orderId").asInt()).isEqualTo(42);
        assertThat(start.raw()).contains(b64("{\"orderId\":42}")).contains("EVENT_TYPE_WORKFLOW_EXECUTION_STARTED");
        assertThat(Json.parseOrMissing(start.raw()).path("eventId").asText()).isEqualTo("1");
    }

    @Test
    void pascalCaseWithNumberIdsAndLegacyNanosecondTimestamps() throws Exception {
        String text = """
                {"events": [
                  {"eventId": 1, "timestamp": 1596069002971655189, "eventType": "WorkflowExecutionStarted",
                   "workflowExecutionStartedEventAttributes": {"workflowId": "wf-1", "taskQueue": {"name": "q"}}},
                  {"eventId": 2, "timestamp": "1596069003000000001", "eventType": "WorkflowTaskScheduled",
                   "workflowTaskScheduledEventAttributes": {"taskQueue": {"name": "host:sticky", "kind": "Sticky", "normalName": "q"}}},
                  {"eventId": 3, "eventTime": {"seconds": 1596069004, "nanos": 5}, "eventType": "WorkflowTaskStarted",
                   "workflowTaskStartedEventAttributes": {"scheduledEventId": 2}},
                  {"eventId": 4, "eventType": "WorkflowTaskScheduled",
                   "workflowTaskScheduledEventAttributes": {"taskQueue": {"name": "host:sticky", "kind": "Sticky"}}}
                ]}
                """;
        RecordingSink sink = read("legacy.json", text);

        assertThat(sink.errors).isEmpty();
        assertThat(sink.events).extracting(Event::id).containsExactly("wf-1/1", "wf-1/2", "wf-1/3", "wf-1/4");
        assertThat(sink.events).extracting(Event::time).containsExactly(
                Instant.ofEpochSecond(1596069002L, 971655000L), Instant.ofEpochSecond(1596069003L, 0),
                Instant.ofEpochSecond(1596069004L, 0), null);
        assertThat(sink.events.get(2).causationId()).isEqualTo("wf-1/2");
        assertThat(sink.events).extracting(Event::source).as("sticky queues by their normal name, else the run's queue")
                .containsExactly("q", "q", "q", "q");
        assertThat(sink.events.get(0).metadataTree().has("eventType")).isFalse();
    }

    @Test
    void historyWithoutStartIsKeyedByTheFileName() throws Exception {
        String text = """
                [
                  {"eventId": "8", "eventType": "TimerStarted", "timerStartedEventAttributes": {"timerId": "t", "workflowTaskCompletedEventId": "4"}},
                  {"eventId": "9", "eventType": "TimerFired", "timerFiredEventAttributes": {"timerId": "t", "startedEventId": "8"}}
                ]
                """;
        RecordingSink sink = read("/tmp/page-2.json.gz", text);

        assertThat(sink.errors).isEmpty();
        assertThat(sink.events).extracting(Event::id).containsExactly("page-2/8", "page-2/9");
        assertThat(sink.events).extracting(Event::causationId).containsExactly("page-2/4", "page-2/8");
        assertThat(sink.events.get(0).source()).isEqualTo("temporal");
        assertThat(sink.events.get(1).origin().line()).isEqualTo(3);
    }

    @Test
    void eachHistoryOfAFileIsItsOwnRunAndEventsMayComeOnePerLine() throws Exception {
        String histories = """
                {"events":[{"eventId":"1","eventType":"WorkflowExecutionStarted","workflowExecutionStartedEventAttributes":{"originalExecutionRunId":"r1"}}]}
                {"events":[{"eventId":"1","eventType":"WorkflowExecutionStarted","workflowExecutionStartedEventAttributes":{"originalExecutionRunId":"r2"}},{"eventId":"2","eventType":"WorkflowTaskScheduled","workflowTaskScheduledEventAttributes":{}}]}
                """;
        assertThat(read("two.jsonl", histories).events).extracting(Event::id).containsExactly("r1/1", "r2/1", "r2/2");

        String lines = """
                {"eventId":1,"eventType":"WorkflowExecutionStarted","workflowExecutionStartedEventAttributes":{"firstExecutionRunId":"r3"}}
                {"eventId":2,"eventType":"WorkflowTaskScheduled","workflowTaskScheduledEventAttributes":{}}
                {"eventId":3,"eventType":"WorkflowTaskStarted","workflowTaskStartedEventAttributes":{"scheduledEventId":2}}
                """;
        RecordingSink sink = read("lines.jsonl", lines);
        assertThat(sink.errors).isEmpty();
        assertThat(sink.events).extracting(Event::id).containsExactly("r3/1", "r3/2", "r3/3");
        assertThat(sink.events.get(2).causationId()).isEqualTo("r3/2");
        assertThat(sink.events.get(2).origin().line()).isEqualTo(3);
    }

    @Test
    void badEventsAreReportedWithTheirLinesAndTheRestImports() throws Exception {
        String text = """
                {"events": [
                  {"eventId": "1", "eventType": "WorkflowExecutionStarted",
                   "workflowExecutionStartedEventAttributes": {"originalExecutionRunId": "r"}},
                  {"eventId": "two", "eventType": "WorkflowTaskScheduled", "workflowTaskScheduledEventAttributes": {}},
                  42,
                  {"eventId": "3", "eventTime": "2024-01-01T00:00:00Z"},
                  {"eventId": "4", "eventType": "WorkflowExecutionSignaled", "workflowExecutionSignaledEventAttributes": {"signalName": "go"}}
                ]}
                """;
        RecordingSink sink = read("bad.json", text);

        assertThat(sink.events).extracting(Event::id).containsExactly("r/1", "r/4");
        assertThat(sink.errors).hasSize(3);
        assertThat(sink.errors.get(0).reason()).isEqualTo("eventId is not a positive whole number: \"two\"");
        assertThat(sink.errors.get(0).line()).isEqualTo(4);
        assertThat(sink.errors.get(0).raw()).contains("\"two\"");
        assertThat(sink.errors.get(1).reason()).isEqualTo("history event is not an object");
        assertThat(sink.errors.get(2).reason()).contains("no eventType");
        assertThat(sink.errors.get(2).line()).isEqualTo(6);
        assertThat(sink.events.get(1).origin().line()).isEqualTo(7);
    }

    @Test
    void unparsableDocumentIsOneErrorAndNoCrash() throws Exception {
        RecordingSink sink = read("cut.json", "{\"events\": [{\"eventId\": \"1\", \"eventType\": \"Workflow");

        assertThat(sink.events).isEmpty();
        assertThat(sink.errors).hasSize(1);
    }

    @Test
    void unknownTypesAreKeptWithWorkerMayIgnore() throws Exception {
        String text = """
                {"events": [
                  {"eventId": "1", "eventType": "EVENT_TYPE_WORKFLOW_EXECUTION_OPTIONS_UPDATED", "workerMayIgnore": true,
                   "workflowExecutionOptionsUpdatedEventAttributes": {"versioningOverride": {}}},
                  {"eventId": "2", "eventType": 99, "somethingNewEventAttributes": {"scheduledEventId": "1"}}
                ]}
                """;
        RecordingSink sink = read("new.json", text);

        assertThat(sink.errors).isEmpty();
        assertThat(sink.events).extracting(Event::type).containsExactly("WorkflowExecutionOptionsUpdated", "SomethingNew");
        assertThat(sink.events.get(0).metadataTree().path("workerMayIgnore").asBoolean()).isTrue();
        assertThat(sink.events.get(1).causationId()).isEqualTo("new/1");
    }

    @Test
    void childAndParentRunsAreKeptInMetadataForLinking() throws Exception {
        String parent = """
                {"events": [
                  {"eventId": "1", "eventType": "WorkflowExecutionStarted",
                   "workflowExecutionStartedEventAttributes": {"originalExecutionRunId": "parent-run", "workflowId": "p"}},
                  {"eventId": "5", "eventType": "StartChildWorkflowExecutionInitiated",
                   "startChildWorkflowExecutionInitiatedEventAttributes": {"workflowId": "c", "workflowTaskCompletedEventId": "4"}},
                  {"eventId": "6", "eventType": "ChildWorkflowExecutionStarted",
                   "childWorkflowExecutionStartedEventAttributes": {"initiatedEventId": "5",
                     "workflowExecution": {"workflowId": "c", "runId": "child-run"}}},
                  {"eventId": "7", "eventType": "ChildWorkflowExecutionFailed",
                   "childWorkflowExecutionFailedEventAttributes": {"initiatedEventId": "5", "startedEventId": "6",
                     "workflowExecution": {"workflowId": "c", "runId": "child-run"}, "failure": {"message": "boom",
                     "applicationFailureInfo": {"type": "IllegalState"}}}}
                ]}
                """;
        String child = """
                {"events": [
                  {"eventId": "1", "eventType": "WorkflowExecutionStarted",
                   "workflowExecutionStartedEventAttributes": {"originalExecutionRunId": "child-run",
                     "parentWorkflowExecution": {"workflowId": "p", "runId": "parent-run"}, "parentInitiatedEventId": "5"}}
                ]}
                """;
        RecordingSink p = read("p.json", parent);
        RecordingSink c = read("c.json", child);

        assertThat(p.events).extracting(Event::causationId).containsExactly(null, "parent-run/4", "parent-run/5", "parent-run/6");
        assertThat(p.events.get(1).metadataTree().path("childWorkflowId").asText()).isEqualTo("c");
        var started = p.events.get(2).metadataTree();
        assertThat(started.path("childRunId").asText()).isEqualTo("child-run");
        assertThat(started.path("childStartEventId").asText()).isEqualTo(c.events.get(0).id());
        assertThat(p.events.get(3).metadataTree().path("failure").path("type").asText()).isEqualTo("IllegalState");
        assertThat(FailureTypes.isFailure(p.events.get(3).type())).isTrue();
        var childStart = c.events.get(0);
        assertThat(childStart.causationId()).isNull();
        assertThat(childStart.metadataTree().path("parentEventId").asText()).isEqualTo(p.events.get(1).id());
    }

    @Test
    void aTraceparentInAHeaderPayloadIsKeptInMetadataSoTheEventJoinsItsTrace() throws Exception {
        String tracerData = b64("{\"traceparent\":\"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\","
                + "\"tracestate\":\"k=v\"}");
        String text = """
                {"events": [
                  {"eventId": "1", "eventType": "WorkflowExecutionStarted",
                   "workflowExecutionStartedEventAttributes": {"originalExecutionRunId": "r", "workflowId": "w",
                     "header": {"fields": {"_tracer-data": {"metadata": {"encoding": "%1$s"}, "data": "%2$s"}}}}},
                  {"eventId": "5", "eventType": "ActivityTaskScheduled",
                   "activityTaskScheduledEventAttributes": {"workflowTaskCompletedEventId": "4",
                     "header": {"fields": {"traceparent": {"metadata": {"encoding": "%1$s"},
                       "data": "%3$s"}}}}},
                  {"eventId": "6", "eventType": "ActivityTaskStarted",
                   "activityTaskStartedEventAttributes": {"scheduledEventId": "5",
                     "header": {"fields": {"other": {"metadata": {"encoding": "%1$s"}, "data": "%4$s"}}}}}
                ]}
                """.formatted(JSON_PLAIN, tracerData, b64("\"00-4bf92f3577b34da6a3ce929d0e0e4736-b7ad6b7169203331-01\""),
                b64("{\"user\":\"u-1\"}"));
        RecordingSink sink = read("h.json", text);

        assertThat(sink.errors).isEmpty();
        assertThat(sink.events.get(0).metadataTree().path("header").toString())
                .isEqualTo("{\"traceparent\":\"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\",\"tracestate\":\"k=v\"}");
        assertThat(eventlens.model.TraceContext.of(sink.events.get(0))).hasValueSatisfying(t ->
                assertThat(t.spanEventId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736:00f067aa0ba902b7"));
        assertThat(eventlens.model.TraceContext.of(sink.events.get(1))).hasValueSatisfying(t ->
                assertThat(t.spanId()).isEqualTo("b7ad6b7169203331"));
        assertThat(sink.events.get(2).metadataTree().has("header")).as("no trace context, no header").isFalse();
        assertThat(sink.events.get(0).raw()).doesNotContain("traceparent"); // only the decoded metadata says it
    }

    @Test
    void payloadsThatAreNotJsonStayAsWritten() throws Exception {
        String text = """
                {"events": [
                  {"eventId": "1", "eventType": "WorkflowExecutionCompleted", "workflowExecutionCompletedEventAttributes": {"result": {"payloads": [
                    {"metadata": {"encoding": "%s"}},
                    {"metadata": {"encoding": "%s"}, "data": "%s"},
                    {"metadata": {"encoding": "%s"}, "data": "AAEC"},
                    {"metadata": {"encoding": "json/plain"}, "data": "not base64!"}]}}}]}
                """.formatted(b64("binary/null"), b64("binary/plain"), b64("hello"), b64("binary/encrypted"));
        RecordingSink sink = read("p.json", text);
        assertThat(sink.errors).isEmpty();
        Event e = sink.events.get(0);

        var payloads = e.dataTree().path("result").path("payloads");
        assertThat(payloads.get(0).isNull()).isTrue();
        assertThat(payloads.get(1).asText()).isEqualTo("hello");
        assertThat(payloads.get(2).path("data").asText()).isEqualTo("AAEC");
        assertThat(payloads.get(3).path("data").asText()).isEqualTo("not base64!");
    }

    @Test
    void registryPicksTemporalForHistoriesInEitherLayout() throws Exception {
        ImporterRegistry registry = ImporterRegistry.standard();
        assertThat(registry.detect(SCREAMING.getBytes(StandardCharsets.UTF_8), "h.json").name()).isEqualTo("temporal");
        byte[] bare = "[{\"eventId\":1,\"eventType\":\"WorkflowExecutionStarted\",\"workflowExecutionStartedEventAttributes\":{}}]"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(registry.detect(bare, "h").name()).isEqualTo("temporal");
    }
}
