package eventlens.importers.temporal;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The workflow run a history belongs to, and the key that names it in a project.
 *
 * <p>The key is known from the first event, WorkflowExecutionStarted: its
 * {@code originalExecutionRunId} (the run id the run was created with), else its
 * {@code firstExecutionRunId}, else its {@code workflowId}, else the file's name without its
 * extension. A run id and not the workflow id comes first because one workflow id is reused by
 * successive runs (continue-as-new, retries, cron, a new start after completion) whose event ids
 * would collide. A history that does not start with WorkflowExecutionStarted is keyed by the file name.
 *
 * @param key what event ids are prefixed with and what correlates and aggregates the run's events
 * @param workflowId the workflow id, null when the history does not say
 * @param runId the run id, null when the history does not say
 * @param workflowType the workflow type's name, null when unknown
 * @param taskQueue the workflow's task queue, null when unknown
 */
record Run(String key, String workflowId, String runId, String workflowType, String taskQueue) {

    /** The run a WorkflowExecutionStarted event opens. */
    static Run started(JsonNode attributes, String fileKey) {
        String runId = text(attributes.get("originalExecutionRunId"));
        runId = runId != null ? runId : text(attributes.get("firstExecutionRunId"));
        String workflowId = text(attributes.get("workflowId"));
        String key = runId != null ? runId : workflowId != null ? workflowId : fileKey;
        return new Run(key, workflowId, runId, text(attributes.path("workflowType").get("name")),
                text(attributes.path("taskQueue").get("name")));
    }

    /** A run known only by the file it was read from. */
    static Run ofFile(String fileKey) {
        return new Run(fileKey, null, null, null, null);
    }

    /** The file part of a source name without folders and extensions ({@code a/b/hist.json.gz} → {@code hist}). */
    static String fileKey(String sourceName) {
        String name = sourceName == null ? "" : sourceName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        int dot = name.indexOf('.');
        name = dot > 0 ? name.substring(0, dot) : name;
        return name.isBlank() || name.equals("-") ? "temporal" : name;
    }

    /** A non-blank text value, else null. */
    static String text(JsonNode node) {
        return node != null && node.isValueNode() && !node.isNull() && !node.asText().isBlank()
                ? node.asText().strip() : null;
    }
}
