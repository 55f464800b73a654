package eventlens.model.deadletter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eventlens.model.Event;
import eventlens.model.Json;
import eventlens.model.Origin;
import eventlens.model.store.ImportWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Stores the messages that only a dead-letter queue holds as events of their own, so that flows and
 * state can show them.
 *
 * <p>For every event id that dead letters name but the log does not hold, the first such dead
 * letter's embedded message becomes an event whose metadata carries
 * {@code "eventlens.seenOnlyInDeadLetterQueue": true}; they are written by the import that read the dead letters,
 * before it commits, as its last file, the pseudo-file {@value #FILE} (format {@value #FORMAT}), each origin line
 * being the dead letter's. A log imported in the same import, or earlier, links instead. A log imported later that
 * holds the same id records it as a further delivery of the flagged event.
 */
public final class DlqOnlyEvents {
    /** The metadata member that flags an event seen only in a dead-letter queue. */
    public static final String FLAG = EmbeddedEvent.SEEN_ONLY_IN_DLQ;
    /** The import's file name. */
    public static final String FILE = "(messages seen only in dead-letter queues)";
    /** The import's format. */
    public static final String FORMAT = "dlq-embedded";

    private DlqOnlyEvents() {
    }

    /** Whether an event is one of these. */
    public static boolean isSeenOnlyInDlq(Event e) {
        return e.metadata() != null && Json.parseOrMissing(e.metadata()).path(FLAG).asBoolean(false);
    }

    /**
     * Adds to {@code writer}'s import, as a file of its own, the events of the messages its dead letters embed whose
     * ids the project does not hold; returns how many (0 adds no file). Call it once every file is read, before the
     * commit.
     */
    public static long addMissing(ImportWriter writer) {
        List<Event> missing = new ArrayList<>();
        for (ImportWriter.Unlogged d : writer.unloggedDeadLetters()) {
            flagged(d.eventId(), d.event(), new Origin(d.file(), d.line(), FORMAT)).ifPresent(missing::add);
        }
        if (missing.isEmpty()) {
            return 0;
        }
        writer.startFile(FILE, FORMAT, null);
        missing.forEach(writer::add);
        writer.finishFile();
        return missing.size();
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
