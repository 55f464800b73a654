package eventlens.model.deadletter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eventlens.model.Event;
import eventlens.model.Json;
import eventlens.model.Origin;
import eventlens.model.store.DeadLetterQueries;
import eventlens.model.schema.SchemaCatalog;
import eventlens.model.store.ImportWriter;
import eventlens.model.store.ProjectStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Stores the messages that only a dead-letter queue holds as events of their own, so that flows and
 * state can show them.
 *
 * <p>For every event id that dead letters name but the log does not hold, the first such dead
 * letter's embedded message becomes an event whose metadata carries
 * {@code "eventlens.seenOnlyInDeadLetterQueue": true}; it is written as one import of the pseudo-file
 * {@value #FILE} (format {@value #FORMAT}), its origin line being the dead letter's. Run it after an
 * import commits: a log imported in the same import, or earlier, links instead. A log imported later
 * that holds the same id records it as a further delivery of the flagged event.
 */
public final class DlqOnlyEvents {
    /** The metadata member that flags an event seen only in a dead-letter queue. */
    public static final String FLAG = EmbeddedEvent.SEEN_ONLY_IN_DLQ;
    /** The import's file name. */
    public static final String FILE = "(messages seen only in dead-letter queues)";
    /** The import's format. */
    public static final String FORMAT = "dlq-embedded";
    private static final int PAGE = 1000;

    private final ProjectStore store;

    /** For an open project. */
    public DlqOnlyEvents(ProjectStore store) {
        this.store = store;
    }

    /** Whether an event is one of these. */
    public static boolean isSeenOnlyInDlq(Event e) {
        return e.metadata() != null && Json.parseOrMissing(e.metadata()).path(FLAG).asBoolean(false);
    }

    /** Stores the missing events; returns how many were stored (0 writes nothing). */
    public long storeMissing() {
        List<Event> missing = missing();
        if (missing.isEmpty()) {
            return 0;
        }
        try (ImportWriter writer = store.beginImport()) {
            writer.tap(SchemaCatalog.importTap());
            writer.startFile(FILE, FORMAT, null);
            missing.forEach(writer::add);
            writer.commit();
        }
        return missing.size();
    }

    private List<Event> missing() {
        List<Event> out = new ArrayList<>();
        try (DeadLetterQueries queries = new DeadLetterQueries(store)) {
            long after = 0;
            while (true) {
                List<DeadLetterQueries.Unlogged> page = queries.unlogged(after, PAGE);
                for (DeadLetterQueries.Unlogged d : page) {
                    after = d.key();
                    flagged(d.eventId(), d.event(), new Origin(d.file(), d.line(), FORMAT)).ifPresent(out::add);
                }
                if (page.size() < PAGE) {
                    return out;
                }
            }
        }
    }

    private static Optional<Event> flagged(String eventId, String text, Origin origin) {
        return EmbeddedEvent.read(text, eventId, origin).map(e -> {
            JsonNode meta = e.metadata() == null ? null : Json.parseOrMissing(e.metadata());
            ObjectNode flaggedMeta = meta instanceof ObjectNode o ? o : Json.mapper().createObjectNode();
            flaggedMeta.put(FLAG, true);
            return new Event(0, eventId, e.type(), e.source(), e.time(), e.aggregateType(), e.aggregateId(),
                    e.version(), e.correlationId(), e.causationId(), e.data(), Json.write(flaggedMeta), e.raw(), origin);
        });
    }
}
