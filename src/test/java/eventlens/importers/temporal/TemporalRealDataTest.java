package eventlens.importers.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.importers.ImportOptions;
import eventlens.importers.ImportSource;
import eventlens.importers.ImporterRegistry;
import eventlens.importers.RecordingSink;
import eventlens.model.Event;
import eventlens.model.flow.CausalGraph;
import eventlens.model.flow.FailureTypes;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Temporal reader on the real histories under {@code ../shared/realdata/temporal} (system
 * property {@code eventlens.realdata}); skipped, saying why, where a file is absent.
 */
class TemporalRealDataTest {
    private static final Path REALDATA = Path.of(System.getProperty("eventlens.realdata", "../shared/realdata"));

    static RecordingSink read(String name) throws Exception {
        Path file = REALDATA.resolve("temporal").resolve(name);
        Assumptions.assumeTrue(Files.isRegularFile(file),
                "real data not present at " + file + " (system property eventlens.realdata); skipped");
        var importer = ImporterRegistry.standard().detect(Files.readAllBytes(file), file.toString());
        assertThat(importer.name()).isEqualTo("temporal");
        RecordingSink sink = new RecordingSink();
        try (InputStream in = Files.newInputStream(file)) {
            importer.read(new ImportSource(file.toString(), in), ImportOptions.AUTOMATIC, sink);
        }
        assertThat(sink.errors).isEmpty();
        return sink;
    }

    static Stream<Arguments> files() {
        return Stream.of(
                Arguments.of("go_bad-history.json", 7, "7a971df0-94f4-416d-ab2b-d7de0571b75c"),
                Arguments.of("go_multiple-updates.json", 45, "d722448d-7be3-47e1-bc51-758a6b959501"),
                Arguments.of("go_parentWF.json", 19, "0ea65eda-a0db-4a59-bef3-dce48e8484f8"),
                Arguments.of("go_reset-workflow-after-child-complete.json", 17, "01950160-2559-7b46-8447-568b05b19367"),
                Arguments.of("java_laRetriesAndFails_1_17.json", 9, "36dbe72d-1f3a-4280-a2a1-3d42a70e67a4"),
                Arguments.of("java_testAsyncActivityRetryHistory.json", 11, "abdb8767-2b5c-4b1d-bda5-c40581f9eeb5"),
                Arguments.of("java_testCancelNexusOperationHistory.json", 15, "2aec1250-ce66-4ab3-b752-e32927656872"),
                Arguments.of("java_testChildWorkflowRetryHistory.json", 14, "9a44eb45-aedc-4183-9ed2-63b4e2a799f2"),
                Arguments.of("java_testGetVersionInterleavedUpdateReplayHistory.json", 42, "019c8948-d364-7ae9-8664-d048fecb96eb"),
                Arguments.of("ts_cancel_fake_progress_history.json", 16, "bc761765-7fca-4d3e-89ff-0fa49379dc7a"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void everyEventImportsIntoOneRunWhoseCausesAreEarlierEventsOfThatRun(String name, int count, String run)
            throws Exception {
        List<Event> events = read(name).events;

        assertThat(events).hasSize(count);
        Map<String, Event> byId = new HashMap<>();
        for (int i = 0; i < events.size(); i++) {
            Event e = events.get(i);
            assertThat(e.id()).isEqualTo(run + "/" + (i + 1));
            assertThat(e.version()).isEqualTo(i + 1L);
            assertThat(e.correlationId()).isEqualTo(run);
            assertThat(e.aggregateId()).isEqualTo(run);
            assertThat(e.type()).matches("[A-Z][A-Za-z]+").doesNotStartWith("EventType");
            assertThat(e.time()).isNotNull();
            assertThat(e.source()).isNotBlank();
            assertThat(e.raw()).contains("eventType");
            byId.put(e.id(), e);
        }
        assertThat(events.get(0).type()).isEqualTo("WorkflowExecutionStarted");
        assertThat(events.get(0).causationId()).isNull();
        for (Event e : events) {
            if (e.causationId() != null) {
                Event cause = byId.get(e.causationId());
                assertThat(cause).as("cause of %s", e.id()).isNotNull();
                assertThat(cause.version()).as("cause of %s comes earlier", e.id()).isLessThan(e.version());
            }
        }
        CausalGraph graph = CausalGraph.build(events);
        assertThat(graph.anomalies()).isEmpty();
    }

    @Test
    void activityRetryHistoryChainsScheduledStartedFailedAndCountsTheFailures() throws Exception {
        List<Event> events = read("java_testAsyncActivityRetryHistory.json").events;
        String run = "abdb8767-2b5c-4b1d-bda5-c40581f9eeb5/";

        Event failed = events.get(6);
        assertThat(failed.type()).isEqualTo("ActivityTaskFailed");
        assertThat(failed.causationId()).isEqualTo(run + "6");
        assertThat(events.get(5).causationId()).isEqualTo(run + "5");
        assertThat(events.get(4).causationId()).isEqualTo(run + "4");
        assertThat(failed.time()).isEqualTo(Instant.parse("2020-07-14T15:04:04Z"));
        assertThat(failed.source()).isEqualTo("unknown-mac");
        assertThat(failed.metadataTree().path("failure").path("message").asText()).isEqualTo("simulated IO problem");
        assertThat(failed.metadataTree().path("failure").path("type").asText()).isEqualTo("java.io.IOException");
        assertThat(events.get(0).dataTree().path("input").path("payloads").get(0).asText())
                .isEqualTo("WorkflowTest-testAsyncActivityRetry-61724a56-8299-42ec-a98d-f180000e8784");
        assertThat(events.get(10).source()).as("a command is from the worker of its workflow task").isEqualTo("unknown-mac");
        assertThat(events.stream().filter(e -> FailureTypes.isFailure(e.type())).map(Event::type))
                .containsExactly("ActivityTaskFailed", "WorkflowExecutionFailed");
    }

    @Test
    void screamingEnumNamesBecomePascalCaseInTheNexusHistory() throws Exception {
        List<Event> events = read("java_testCancelNexusOperationHistory.json").events;
        String run = "2aec1250-ce66-4ab3-b752-e32927656872/";

        Event canceled = events.get(10);
        assertThat(canceled.type()).isEqualTo("NexusOperationCanceled");
        assertThat(canceled.causationId()).isEqualTo(run + "5");
        assertThat(canceled.metadataTree().path("eventType").asText()).isEqualTo("EVENT_TYPE_NEXUS_OPERATION_CANCELED");
        assertThat(canceled.time()).isEqualTo(Instant.parse("2025-06-11T14:29:20.840825Z"));
        assertThat(events.get(9).type()).isEqualTo("NexusOperationCancelRequested");
        assertThat(events.get(9).causationId()).isEqualTo(run + "9");
        assertThat(events.get(0).metadataTree().path("workflowId").asText()).isEqualTo("3bda23dc-e416-4131-8f3a-683cdd295369");
    }

    @Test
    void childWorkflowRunsAreInMetadataAndTheChildFailureCounts() throws Exception {
        List<Event> events = read("go_parentWF.json").events;
        String run = "0ea65eda-a0db-4a59-bef3-dce48e8484f8/";

        Event initiated = events.get(4);
        assertThat(initiated.type()).isEqualTo("StartChildWorkflowExecutionInitiated");
        assertThat(initiated.causationId()).isEqualTo(run + "4");
        assertThat(initiated.metadataTree().path("childWorkflowId").asText())
                .isEqualTo("child_workflow:0ea65eda-a0db-4a59-bef3-dce48e8484f8");
        Event started = events.get(5);
        assertThat(started.causationId()).isEqualTo(run + "5");
        assertThat(started.metadataTree().path("childRunId").asText()).isEqualTo("105dcb3a-c813-43ea-9d8e-da8731a9110c");
        assertThat(started.metadataTree().path("childStartEventId").asText()).isEqualTo("105dcb3a-c813-43ea-9d8e-da8731a9110c/1");
        Event completed = events.get(14);
        assertThat(completed.type()).isEqualTo("ChildWorkflowExecutionCompleted");
        assertThat(completed.causationId()).isEqualTo(run + "6");
        assertThat(events.get(10).type()).isEqualTo("ExternalWorkflowExecutionSignaled");
        assertThat(events.get(10).causationId()).isEqualTo(run + "10");
        assertThat(events.get(10).metadataTree().path("externalWorkflowId").asText())
                .isEqualTo("child_workflow:0ea65eda-a0db-4a59-bef3-dce48e8484f8");

        Event childFailed = read("java_testChildWorkflowRetryHistory.json").events.get(9);
        assertThat(childFailed.type()).isEqualTo("ChildWorkflowExecutionFailed");
        assertThat(FailureTypes.isFailure(childFailed.type())).isTrue();
        assertThat(childFailed.metadataTree().path("failure").path("retryState").asText())
                .isEqualTo("RETRY_STATE_MAXIMUM_ATTEMPTS_REACHED");
    }

    @Test
    void timersAndUpdatesLinkToTheirStartsAndAcceptances() throws Exception {
        List<Event> events = read("go_multiple-updates.json").events;
        String run = "d722448d-7be3-47e1-bc51-758a6b959501/";

        assertThat(events.get(24).type()).isEqualTo("TimerFired");
        assertThat(events.get(24).causationId()).isEqualTo(run + "12");
        assertThat(events.get(11).causationId()).isEqualTo(run + "4");
        assertThat(events.get(41).type()).isEqualTo("WorkflowExecutionUpdateCompleted");
        assertThat(events.get(41).causationId()).isEqualTo(run + "5");
        assertThat(events.get(28).type()).isEqualTo("WorkflowTaskScheduled");
        assertThat(events.get(28).causationId()).isNull();
        assertThat(events.get(28).source()).isEqualTo("tq-ca4512b3-5a8f-483f-aab7-915860ef7685-TestIntegrationSuite/TestMultipleUpdateOrdering");
        assertThat(events.get(0).metadataTree().path("workerMayIgnore").isBoolean()).isTrue();
        assertThat(events.get(0).metadataTree().path("workflowId").asText()).isEqualTo("test-multiple-update-ordering");
    }

    @Test
    void resetAndTimedOutWorkflowTasksKeepTheirCauses() throws Exception {
        Event reset = read("go_reset-workflow-after-child-complete.json").events.get(12);
        assertThat(reset.type()).isEqualTo("WorkflowTaskFailed");
        assertThat(reset.causationId()).isEqualTo("01950160-2559-7b46-8447-568b05b19367/12");
        assertThat(reset.metadataTree().path("newRunId").asText()).isEqualTo("b64f8938-b361-4a06-8821-a5d5ad8c8992");
        assertThat(reset.metadataTree().path("failure").path("cause").asText()).isEqualTo("ResetWorkflow");

        List<Event> events = read("java_testGetVersionInterleavedUpdateReplayHistory.json").events;
        Event timedOut = events.get(38);
        assertThat(timedOut.type()).isEqualTo("WorkflowTaskTimedOut");
        assertThat(timedOut.causationId()).isEqualTo("019c8948-d364-7ae9-8664-d048fecb96eb/38");
        assertThat(timedOut.time()).isEqualTo(Instant.parse("2026-02-23T06:56:59.158018Z"));
        assertThat(FailureTypes.isFailure(timedOut.type())).isTrue();
    }

    @Test
    void cancelledActivityHangsUnderItsLateStartAndIsNotAFailure() throws Exception {
        List<Event> events = read("ts_cancel_fake_progress_history.json").events;
        String run = "bc761765-7fca-4d3e-89ff-0fa49379dc7a/";

        Event canceled = events.get(11);
        assertThat(canceled.type()).isEqualTo("ActivityTaskCanceled");
        assertThat(canceled.causationId()).isEqualTo(run + "11");
        assertThat(canceled.metadataTree().path("references").path("latestCancelRequestedEventId").asText())
                .isEqualTo(run + "10");
        assertThat(events.get(9).causationId()).isEqualTo(run + "9");
        assertThat(FailureTypes.isFailure(canceled.type())).isFalse();
        assertThat(events.get(5).type()).isEqualTo("WorkflowExecutionSignaled");
        assertThat(events.get(5).causationId()).isNull();
    }

    @Test
    void localActivityMarkerKeepsItsFailureInMetadata() throws Exception {
        Event marker = read("java_laRetriesAndFails_1_17.json").events.get(7);
        assertThat(marker.type()).isEqualTo("MarkerRecorded");
        assertThat(marker.metadataTree().path("markerName").asText()).isEqualTo("LocalActivity");
        assertThat(marker.causationId()).isEqualTo("36dbe72d-1f3a-4280-a2a1-3d42a70e67a4/6");
        assertThat(marker.time()).isEqualTo(Instant.parse("2022-12-05T23:33:25.136Z"));
    }
}
