package eventlens.importers.temporal;

import eventlens.importers.ImportException;
import eventlens.importers.ImportOptions;
import eventlens.importers.ImportSink;
import eventlens.importers.ImportSource;
import eventlens.importers.Importer;
import eventlens.importers.json.JsonRecords;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads Temporal workflow histories as the Temporal UI, the CLI ({@code temporal workflow show
 * --output json}) and the SDKs' replay tests write them: {@code {"events":[…]}},
 * {@code {"history":{"events":[…]}}}, a bare array of history events, or one event per line.
 *
 * <p>One history is one workflow run: its events are correlated and aggregated
 * ({@code WorkflowExecution}) by the run's key (see {@link Run}), ids are {@code <run key>/<eventId>},
 * version is the eventId, and causation follows the ids Temporal records in each event's attributes
 * (see {@link Causes}). Types are stored in PascalCase whichever enum spelling the file uses
 * (see {@link EventTypes}); unknown types are kept as they are (newer servers mark events older
 * workers may skip with {@code workerMayIgnore}, kept in metadata). Failures need no marking: the
 * types of failed and timed-out events end in {@code Failed} / {@code TimedOut}, which the flow's
 * failure detection recognises; Canceled and Terminated are not failures there, as everywhere.
 */
public final class TemporalImporter implements Importer {
    private static final String FORMAT = "temporal";
    private static final Pattern ATTRIBUTES_KEY = Pattern.compile("\"[a-z][A-Za-z]*EventAttributes\"\\s*:\\s*\\{");

    @Override
    public String name() {
        return FORMAT;
    }

    @Override
    public String description() {
        return "Temporal workflow histories ({\"events\":[…]} from the UI, CLI or SDK tests; arrays or lines of events)";
    }

    @Override
    public List<FieldSource> fields() {
        return List.of(
                new FieldSource("id", "<run>/<eventId>; run = WorkflowExecutionStarted originalExecutionRunId, "
                        + "else firstExecutionRunId, else workflowId, else the file name"),
                new FieldSource("type", "eventType in PascalCase (EVENT_TYPE_TIMER_FIRED → TimerFired)"),
                new FieldSource("time", "eventTime (RFC 3339), else timestamp (epoch nanoseconds)"),
                new FieldSource("source", "attributes identity, else taskQueue (a sticky one by its normalName), "
                        + "else the cause's source, else the run's task queue, else temporal"),
                new FieldSource("correlationId", "the run"),
                new FieldSource("causationId", "workflowTaskCompletedEventId of a command, else startedEventId / "
                        + "initiatedEventId / scheduledEventId / acceptedEventId …"),
                new FieldSource("aggregate", "WorkflowExecution <run>, version = eventId"),
                new FieldSource("data", "the …EventAttributes object, payloads decoded"),
                new FieldSource("metadata", "workflowId, runId, workflowType, taskId, references, child/parent/external runs, failure"));
    }

    /**
     * 97 when the head holds history-event members: {@code "eventId"}, {@code "eventType"} and an
     * object member named {@code …EventAttributes}. That member is what tells a Temporal history from other
     * logs with eventId and eventType members (EventStoreDB batches, for one).
     */
    @Override
    public int sniff(byte[] head, String name) {
        String text = new String(head, StandardCharsets.ISO_8859_1);
        return text.contains("\"eventId\"") && text.contains("\"eventType\"") && ATTRIBUTES_KEY.matcher(text).find()
                ? 97 : 0;
    }

    @Override
    public void read(ImportSource source, ImportOptions options, ImportSink sink) throws ImportException {
        JsonRecords.read(source, FORMAT, new HistoryReader(source.name()), sink);
    }
}
