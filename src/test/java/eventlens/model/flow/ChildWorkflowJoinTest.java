package eventlens.model.flow;

import eventlens.testing.TestProjects;
import static org.assertj.core.api.Assertions.assertThat;

import eventlens.model.flow.export.DotExport;
import eventlens.model.flow.export.FlowJson;
import eventlens.model.flow.export.MermaidExport;
import eventlens.model.flow.export.TreeText;
import eventlens.model.store.ProjectStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Temporal parent run and its child run, imported from two history files: opening either run shows
 * both, the child's start hanging under the parent's StartChildWorkflowExecutionInitiated by a
 * {@link LinkKind#CHILD_WORKFLOW} link (decision 0026).
 */
public class ChildWorkflowJoinTest {
    public static final String PARENT_RUN = "run-parent";
    public static final String CHILD_RUN = "run-child";

    @TempDir
    Path dir;

    /** The parent: a workflow task that starts child "child-1", which starts and completes. */
    public static String parentHistory() {
        return """
                {"events": [
                  {"eventId": "1", "eventTime": "2025-06-11T14:00:00Z", "eventType": "WorkflowExecutionStarted",
                   "workflowExecutionStartedEventAttributes": {"workflowType": {"name": "OrderWorkflow"},
                     "taskQueue": {"name": "orders"}, "originalExecutionRunId": "%1$s", "workflowId": "order-1"}},
                  {"eventId": "2", "eventTime": "2025-06-11T14:00:01Z", "eventType": "WorkflowTaskScheduled",
                   "workflowTaskScheduledEventAttributes": {"taskQueue": {"name": "orders"}}},
                  {"eventId": "3", "eventTime": "2025-06-11T14:00:02Z", "eventType": "WorkflowTaskStarted",
                   "workflowTaskStartedEventAttributes": {"scheduledEventId": "2", "identity": "worker-1"}},
                  {"eventId": "4", "eventTime": "2025-06-11T14:00:03Z", "eventType": "WorkflowTaskCompleted",
                   "workflowTaskCompletedEventAttributes": {"scheduledEventId": "2", "startedEventId": "3"}},
                  {"eventId": "5", "eventTime": "2025-06-11T14:00:04Z", "eventType": "StartChildWorkflowExecutionInitiated",
                   "startChildWorkflowExecutionInitiatedEventAttributes": {"workflowId": "child-1",
                     "workflowType": {"name": "ShipWorkflow"}, "workflowTaskCompletedEventId": "4"}},
                  {"eventId": "6", "eventTime": "2025-06-11T14:00:05Z", "eventType": "ChildWorkflowExecutionStarted",
                   "childWorkflowExecutionStartedEventAttributes": {"initiatedEventId": "5",
                     "workflowExecution": {"workflowId": "child-1", "runId": "%2$s"}}},
                  {"eventId": "7", "eventTime": "2025-06-11T14:00:09Z", "eventType": "ChildWorkflowExecutionCompleted",
                   "childWorkflowExecutionCompletedEventAttributes": {"initiatedEventId": "5", "startedEventId": "6",
                     "workflowExecution": {"workflowId": "child-1", "runId": "%2$s"}}}
                ]}
                """.formatted(PARENT_RUN, CHILD_RUN);
    }

    /** The child: started by the parent's event 5, completes. */
    public static String childHistory() {
        return """
                {"events": [
                  {"eventId": "1", "eventTime": "2025-06-11T14:00:05.5Z", "eventType": "WorkflowExecutionStarted",
                   "workflowExecutionStartedEventAttributes": {"workflowType": {"name": "ShipWorkflow"},
                     "taskQueue": {"name": "shipping"}, "originalExecutionRunId": "%2$s", "workflowId": "child-1",
                     "parentWorkflowExecution": {"workflowId": "order-1", "runId": "%1$s"}, "parentInitiatedEventId": "5"}},
                  {"eventId": "2", "eventTime": "2025-06-11T14:00:06Z", "eventType": "WorkflowTaskScheduled",
                   "workflowTaskScheduledEventAttributes": {"taskQueue": {"name": "shipping"}}},
                  {"eventId": "3", "eventTime": "2025-06-11T14:00:08Z", "eventType": "WorkflowExecutionCompleted",
                   "workflowExecutionCompletedEventAttributes": {"workflowTaskCompletedEventId": "2"}}
                ]}
                """.formatted(PARENT_RUN, CHILD_RUN);
    }

    private ProjectStore project(boolean withChild) throws Exception {
        Path parent = Files.writeString(dir.resolve("parent.json"), parentHistory());
        Path child = Files.writeString(dir.resolve("child.json"), childHistory());
        return withChild ? TestProjects.imported(dir.resolve("p.eventlens"), child, parent)
                : TestProjects.imported(dir.resolve("p.eventlens"), parent);
    }

    @Test
    void eitherRunOpensBothWithTheChildsStartUnderTheParentsInitiatedEvent() throws Exception {
        try (ProjectStore store = project(true)) {
            FlowLoader loader = new FlowLoader(store);
            for (String opened : List.of(PARENT_RUN, CHILD_RUN, CHILD_RUN + "/3")) {
                CausalGraph g = loader.load(opened).orElseThrow();
                assertThat(g.size()).as(opened).isEqualTo(10);
                assertThat(g.joinedFlows()).as(opened).containsExactlyInAnyOrder(PARENT_RUN, CHILD_RUN);
                assertThat(g.joinedBy()).containsExactly(LinkKind.CHILD_WORKFLOW);
                FlowNode childStart = g.node(CHILD_RUN + "/1").orElseThrow();
                assertThat(childStart.parentLink()).isEqualTo(LinkKind.CHILD_WORKFLOW);
                assertThat(g.node(childStart.parent()).id()).isEqualTo(PARENT_RUN + "/5");
                assertThat(childStart.latencyMicros()).isEqualTo(1_500_000L);
                // the child's own events keep their in-run causes
                assertThat(g.node(CHILD_RUN + "/3").orElseThrow().parentLink()).isEqualTo(LinkKind.CAUSATION);
            }
        }
    }

    @Test
    void theTextAndJsonExportsSayHowTheRunsAreJoined() throws Exception {
        try (ProjectStore store = project(true)) {
            CausalGraph g = new FlowLoader(store).load(PARENT_RUN).orElseThrow();
            String tree = TreeText.render(g);
            assertThat(tree).contains("joined through child workflows: " + PARENT_RUN + ", " + CHILD_RUN + "\n")
                    .contains("⇠ child workflow");
            assertThat(FlowJson.write(g)).contains("\"kind\":\"CHILD_WORKFLOW\"");
            assertThat(MermaidExport.render(g)).contains("-->|\"child workflow +1.50 s\"|");
            assertThat(DotExport.render(g)).contains("label=\"child workflow +1.50 s\"");
        }
    }

    @Test
    void aParentWhoseChildIsNotImportedIsOneFlowWithoutAnomalies() throws Exception {
        try (ProjectStore store = project(false)) {
            CausalGraph g = new FlowLoader(store).load(PARENT_RUN).orElseThrow();
            assertThat(g.size()).isEqualTo(7);
            assertThat(g.joinedFlows()).containsExactly(PARENT_RUN);
            assertThat(g.joinedBy()).isEmpty();
            assertThat(g.anomalies()).isEmpty();
        }
    }
}
