package eventlens.importers.temporal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cause of a Temporal history event: the event id in the same run that it hangs under.
 *
 * <p>Temporal records, in each event's attributes, the earlier events of the same run it belongs to.
 * The most specific one is the cause:
 * <ol>
 *   <li>an event carrying a {@code workflowTaskCompletedEventId} and no {@code initiatedEventId} is a
 *       <em>command</em> (ActivityTaskScheduled, TimerStarted, StartChildWorkflowExecutionInitiated,
 *       MarkerRecorded, WorkflowExecutionCompleted, ActivityTaskCancelRequested, TimerCanceled, …):
 *       the workflow task that issued it is its cause;</li>
 *   <li>otherwise the first of {@code startedEventId}, {@code initiatedEventId},
 *       {@code scheduledEventId}, {@code requestedEventId}, {@code acceptedEventId},
 *       {@code acceptedRequestSequencingEventId}, {@code rejectedRequestSequencingEventId} that is
 *       positive. So a task's outcome (ActivityTaskCompleted, WorkflowTaskFailed,
 *       ChildWorkflowExecutionCompleted) hangs under its <em>Started</em> event and falls back to
 *       <em>Scheduled</em>/<em>Initiated</em> when it never started (startedEventId 0, a
 *       schedule-to-start timeout); a Started under its Scheduled; TimerFired under TimerStarted; an
 *       update's completion under its acceptance; the failure of an initiated command
 *       (StartChildWorkflowExecutionFailed) under the Initiated event;</li>
 *   <li>anything else is a root: the start, signals, cancel requests and terminations from outside,
 *       and WorkflowTaskScheduled. Temporal does not record what made it schedule a workflow task
 *       (the event just before it usually did, but not always: several may have been buffered), and
 *       guessing would chain a whole run into one ever deeper line; so each workflow task starts a
 *       tree of its own, holding the commands it issued and their outcomes, and time orders the
 *       trees.</li>
 * </ol>
 * References to other runs ({@code parentInitiatedEventId}, {@code externalInitiatedEventId}) are
 * never causes: they go to metadata.
 */
final class Causes {
    /** The in-run reference fields, in the order they are tried after the command rule. */
    static final List<String> LIFECYCLE = List.of("startedEventId", "initiatedEventId", "scheduledEventId",
            "requestedEventId", "acceptedEventId", "acceptedRequestSequencingEventId",
            "rejectedRequestSequencingEventId");
    static final String COMMAND = "workflowTaskCompletedEventId";

    private Causes() {
    }

    /** The event id (within the run) of the cause of an event, or 0 for a root. */
    static long of(JsonNode attributes) {
        long command = id(attributes.get(COMMAND));
        if (command > 0 && id(attributes.get("initiatedEventId")) <= 0) {
            return command;
        }
        for (String field : LIFECYCLE) {
            long ref = id(attributes.get(field));
            if (ref > 0) {
                return ref;
            }
        }
        return 0;
    }

    /** Every positive in-run reference of an event, by field name, for metadata. */
    static Map<String, Long> references(JsonNode attributes) {
        Map<String, Long> refs = new LinkedHashMap<>();
        for (String field : LIFECYCLE) {
            put(refs, field, attributes);
        }
        put(refs, COMMAND, attributes);
        put(refs, "latestCancelRequestedEventId", attributes);
        return refs;
    }

    private static void put(Map<String, Long> refs, String field, JsonNode attributes) {
        long ref = id(attributes.get(field));
        if (ref > 0) {
            refs.put(field, ref);
        }
    }

    /** An event id written as a JSON number or a decimal string; -1 when absent or not one. */
    static long id(JsonNode node) {
        if (node == null || node.isNull()) {
            return -1;
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isTextual()) {
            String text = node.textValue().strip();
            if (!text.isEmpty() && text.length() <= 18 && text.chars().allMatch(Character::isDigit)) {
                return Long.parseLong(text);
            }
        }
        return -1;
    }
}
