package eventlens.importers.temporal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eventlens.model.WorkflowLinks;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The metadata of a Temporal event: the run, the event's own bookkeeping, its references inside the
 * run as project event ids, its links to other runs and what went wrong.
 *
 * <p>Links to other runs are kept so that a later import of that run can be found:
 * child workflows ({@code childWorkflowId}, {@code childRunId} and {@code childStartEventId}, the id
 * the child's WorkflowExecutionStarted gets when its history is imported, {@code <childRunId>/1});
 * signalled or cancelled workflows ({@code externalWorkflowId}, {@code externalRunId}); on a child's
 * start, its parent ({@code parentWorkflowId}, {@code parentRunId}, {@code parentEventId} =
 * {@code <parentRunId>/<parentInitiatedEventId>}, the parent's StartChildWorkflowExecutionInitiated);
 * resets ({@code baseRunId}, {@code newRunId}) and continue-as-new ({@code newExecutionRunId},
 * {@code continuedExecutionRunId}). The child links join a parent's and a child's flows into one graph
 * ({@link WorkflowLinks}). A traceparent carried in a header payload is kept as
 * {@code header.traceparent}, so that the event joins its trace.
 */
final class EventMetadata {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> TRACE_HEADERS = List.of("traceparent", "tracestate");

    private EventMetadata() {
    }

    static ObjectNode of(JsonNode event, JsonNode attributes, String type, long eventId, Run run) {
        ObjectNode m = NODES.objectNode();
        putText(m, "workflowId", run.workflowId());
        putText(m, "runId", run.runId());
        putText(m, "workflowType", run.workflowType());
        m.put("eventId", eventId);
        JsonNode written = event.get("eventType");
        if (written != null && !written.asText().equals(type)) {
            m.set("eventType", written);
        }
        putText(m, "taskId", Run.text(event.get("taskId")));
        putText(m, "failoverVersion", Run.text(event.get("version")));
        if (event.has("workerMayIgnore")) {
            m.set("workerMayIgnore", event.get("workerMayIgnore"));
        }
        putText(m, "identity", Run.text(attributes.get("identity")));
        putText(m, "taskQueue", Run.text(attributes.path("taskQueue").get("name")));
        putText(m, "markerName", Run.text(attributes.get("markerName")));
        ObjectNode refs = NODES.objectNode();
        Causes.references(attributes).forEach((field, ref) -> refs.put(field, run.key() + "/" + ref));
        if (!refs.isEmpty()) {
            m.set("references", refs);
        }
        otherRuns(m, attributes, type);
        JsonNode header = traceHeader(attributes);
        if (header != null) {
            m.set("header", header);
        }
        JsonNode failure = failure(attributes);
        if (failure != null) {
            m.set("failure", failure);
        }
        return m;
    }

    private static void otherRuns(ObjectNode m, JsonNode a, String type) {
        String prefix = type.contains("ChildWorkflow") ? "child" : type.contains("External") ? "external" : null;
        if (prefix != null) {
            JsonNode execution = a.path("workflowExecution");
            String workflowId = Run.text(execution.get("workflowId"));
            putText(m, prefix + "WorkflowId", workflowId != null ? workflowId : Run.text(a.get("workflowId")));
            String runId = Run.text(execution.get("runId"));
            putText(m, prefix + "RunId", runId);
            if (prefix.equals("child") && runId != null) {
                m.put(WorkflowLinks.CHILD_START_EVENT_ID, runId + "/1");
            }
        }
        JsonNode parent = a.path("parentWorkflowExecution");
        String parentRunId = Run.text(parent.get("runId"));
        putText(m, "parentWorkflowId", Run.text(parent.get("workflowId")));
        putText(m, WorkflowLinks.PARENT_RUN_ID, parentRunId);
        long initiated = Causes.id(a.get("parentInitiatedEventId"));
        if (parentRunId != null && initiated > 0) {
            m.put(WorkflowLinks.PARENT_EVENT_ID, parentRunId + "/" + initiated);
        }
        for (String field : new String[] {"baseRunId", "newRunId", "newExecutionRunId", "continuedExecutionRunId"}) {
            putText(m, field, Run.text(a.get(field)));
        }
    }

    /**
     * The W3C trace context in the attributes' {@code header.fields} (each field a payload), as
     * {@code {"traceparent": …, "tracestate": …}}, or null when there is none: a field named so whose
     * payload is a string, or a field whose payload decodes to an object holding them — the
     * OpenTelemetry interceptors' {@code _tracer-data} ({@code {"traceparent":"00-…"}}). So a workflow
     * started, an activity scheduled or a signal sent inside a span joins that span's trace
     * (eventlens.model.TraceContext finds {@code metadata.header.traceparent}).
     */
    static JsonNode traceHeader(JsonNode attributes) {
        JsonNode fields = attributes.path("header").path("fields");
        if (!fields.isObject()) {
            return null;
        }
        ObjectNode out = NODES.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = Payloads.decode(field.getValue());
            for (String name : TRACE_HEADERS) {
                JsonNode found = field.getKey().equalsIgnoreCase(name) ? value : value.get(name);
                if (found != null && found.isTextual() && !out.has(name)) {
                    out.put(name, found.asText());
                }
            }
        }
        return out.has(TRACE_HEADERS.get(0)) ? out : null;
    }

    /** {message, type, cause, retryState, timeoutType} from the attributes, or null when none is there. */
    private static JsonNode failure(JsonNode a) {
        ObjectNode f = NODES.objectNode();
        JsonNode failure = a.path("failure");
        putText(f, "message", Run.text(failure.get("message")));
        putText(f, "type", failureType(failure));
        putText(f, "cause", Run.text(a.get("cause")));
        putText(f, "retryState", Run.text(a.get("retryState")));
        putText(f, "timeoutType", Run.text(a.get("timeoutType")));
        return f.isEmpty() ? null : f;
    }

    /** applicationFailureInfo.type, else the kind of failure info ({@code timeoutFailureInfo} → {@code timeout}). */
    private static String failureType(JsonNode failure) {
        String application = Run.text(failure.path("applicationFailureInfo").get("type"));
        if (application != null) {
            return application;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = failure.fields(); it.hasNext(); ) {
            String key = it.next().getKey();
            if (key.endsWith("FailureInfo") && key.length() > "FailureInfo".length()) {
                return key.substring(0, key.length() - "FailureInfo".length());
            }
        }
        return null;
    }

    private static void putText(ObjectNode m, String field, String value) {
        if (value != null) {
            m.put(field, value);
        }
    }
}
