package eventlens.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * The links between workflow runs that a Temporal history records, as the Temporal reader keeps them
 * in an event's metadata (docs/decisions/0026-temporal-runs-join-flows.md):
 * <ul>
 *   <li>on a child run's WorkflowExecutionStarted, {@value #PARENT_EVENT_ID} — the project id of the
 *       parent's StartChildWorkflowExecutionInitiated, {@code <parentRunId>/<initiatedEventId>} — beside
 *       {@value #PARENT_RUN_ID};</li>
 *   <li>on the parent's ChildWorkflowExecution… events, {@value #CHILD_START_EVENT_ID} — the project id
 *       the child's WorkflowExecutionStarted gets, {@code <childRunId>/1} — beside {@value #CHILD_RUN_ID}.</li>
 * </ul>
 * Both members of a pair are required, so that a {@code parentEventId} of some other exporter is not
 * taken for a child workflow.
 */
public final class WorkflowLinks {
    /** Metadata member: the parent's initiating event, on a child run's start. */
    public static final String PARENT_EVENT_ID = "parentEventId";
    /** Metadata member: the parent run's id, on a child run's start. */
    public static final String PARENT_RUN_ID = "parentRunId";
    /** Metadata member: the child run's start event, on the parent's child-workflow events. */
    public static final String CHILD_START_EVENT_ID = "childStartEventId";
    /** Metadata member: the child run's id, on the parent's child-workflow events. */
    public static final String CHILD_RUN_ID = "childRunId";

    private WorkflowLinks() {
    }

    /** The id of the parent's event that started this run, when the event is a child run's start. */
    public static Optional<String> parentEvent(Event e) {
        return member(e, PARENT_EVENT_ID, PARENT_RUN_ID);
    }

    /** The id of the child run's start event, when the event is one of a parent's child-workflow events. */
    public static Optional<String> childStart(Event e) {
        return member(e, CHILD_START_EVENT_ID, CHILD_RUN_ID);
    }

    private static Optional<String> member(Event e, String name, String beside) {
        String m = e.metadata();
        if (m == null || !m.contains("\"" + name + "\"")) {
            return Optional.empty(); // most events: no parse
        }
        JsonNode tree = Json.parseOrMissing(m);
        JsonNode value = tree.path(name);
        return value.isTextual() && !value.asText().isEmpty() && tree.path(beside).isTextual()
                ? Optional.of(value.asText()) : Optional.empty();
    }
}
