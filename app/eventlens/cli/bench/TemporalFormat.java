package eventlens.cli.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Temporal histories one event per line, as the SDKs' replay tests keep them: one run of
 * {@code OrderWorkflow} per order (started, a workflow task, the {@code ChargePayment} activity,
 * another workflow task, completed: 11 events), each run opened by its WorkflowExecutionStarted.
 */
final class TemporalFormat implements GeneratedFormat {
    private static final int EVENTS_PER_RUN = 11;
    private static final String JSON_PLAIN = base64("json/plain");

    @Override
    public String reader() {
        return "temporal";
    }

    @Override
    public String fileName() {
        return "temporal-history.jsonl";
    }

    @Override
    public void write(Writer out, long records) throws IOException {
        for (long i = 0; i < records; i++) {
            out.write(line(i / EVENTS_PER_RUN, (int) (i % EVENTS_PER_RUN) + 1));
            out.write('\n');
        }
    }

    private static String line(long run, int eventId) {
        long sagaStart = run * OrderSaga.STEPS;
        String runId = OrderSaga.hex16(run) + OrderSaga.hex16(~run);
        StringBuilder b = new StringBuilder(900).append("{\"eventId\":\"").append(eventId).append("\",\"eventTime\":\"")
                .append(OrderSaga.time(sagaStart).plusMillis(eventId * 40L)).append("\",\"eventType\":\"");
        String worker = "\"identity\":\"" + (eventId < 8 && eventId > 4 ? "worker-2@payments" : "worker-1@orders") + "\"";
        switch (eventId) {
            case 1 -> b.append("WorkflowExecutionStarted\",\"taskId\":\"").append(1048576 + run)
                    .append("\",\"workflowExecutionStartedEventAttributes\":{\"workflowType\":{\"name\":\"OrderWorkflow\"},")
                    .append("\"taskQueue\":{\"name\":\"orders\",\"kind\":\"Normal\"},\"input\":")
                    .append(payloads(OrderSaga.data(sagaStart))).append(",\"workflowExecutionTimeout\":\"0s\",")
                    .append("\"workflowRunTimeout\":\"0s\",\"workflowTaskTimeout\":\"10s\",\"originalExecutionRunId\":\"")
                    .append(runId).append("\",\"firstExecutionRunId\":\"").append(runId)
                    .append("\",\"identity\":\"client@api-1\",\"attempt\":1,\"workflowId\":\"order-")
                    .append(OrderSaga.order(sagaStart)).append("\"}");
            case 2, 8 -> b.append("WorkflowTaskScheduled\",\"workflowTaskScheduledEventAttributes\":")
                    .append("{\"taskQueue\":{\"name\":\"orders\",\"kind\":\"Normal\"},\"startToCloseTimeout\":\"10s\",\"attempt\":1}");
            case 3, 9 -> b.append("WorkflowTaskStarted\",\"workflowTaskStartedEventAttributes\":{\"scheduledEventId\":\"")
                    .append(eventId - 1).append("\",").append(worker).append(",\"requestId\":\"")
                    .append(OrderSaga.hex16(run * 16 + eventId)).append("\",\"historySizeBytes\":\"").append(eventId * 310)
                    .append("\"}");
            case 4, 10 -> b.append("WorkflowTaskCompleted\",\"workflowTaskCompletedEventAttributes\":{\"scheduledEventId\":\"")
                    .append(eventId - 2).append("\",\"startedEventId\":\"").append(eventId - 1).append("\",").append(worker)
                    .append(",\"workerVersion\":{\"buildId\":\"orders-1.4.2\"}}");
            case 5 -> b.append("ActivityTaskScheduled\",\"activityTaskScheduledEventAttributes\":{\"activityId\":\"1\",")
                    .append("\"activityType\":{\"name\":\"ChargePayment\"},\"taskQueue\":{\"name\":\"payments\",\"kind\":\"Normal\"},")
                    .append("\"input\":").append(payloads(OrderSaga.data(sagaStart + 1)))
                    .append(",\"scheduleToCloseTimeout\":\"0s\",\"startToCloseTimeout\":\"30s\",\"workflowTaskCompletedEventId\":\"4\",")
                    .append("\"retryPolicy\":{\"initialInterval\":\"1s\",\"backoffCoefficient\":2,\"maximumInterval\":\"100s\"}}");
            case 6 -> b.append("ActivityTaskStarted\",\"activityTaskStartedEventAttributes\":{\"scheduledEventId\":\"5\",")
                    .append(worker).append(",\"requestId\":\"").append(OrderSaga.hex16(run * 16 + eventId)).append("\",\"attempt\":1}");
            case 7 -> b.append("ActivityTaskCompleted\",\"activityTaskCompletedEventAttributes\":{\"result\":")
                    .append(payloads(OrderSaga.data(sagaStart + 2))).append(",\"scheduledEventId\":\"5\",\"startedEventId\":\"6\",")
                    .append(worker).append('}');
            default -> b.append("WorkflowExecutionCompleted\",\"workflowExecutionCompletedEventAttributes\":{\"result\":")
                    .append(payloads(OrderSaga.data(sagaStart + 5))).append(",\"workflowTaskCompletedEventId\":\"10\"}");
        }
        return b.append('}').toString();
    }

    private static String payloads(String json) {
        return "{\"payloads\":[{\"metadata\":{\"encoding\":\"" + JSON_PLAIN + "\"},\"data\":\"" + base64(json) + "\"}]}";
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
