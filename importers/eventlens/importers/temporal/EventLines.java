package eventlens.importers.temporal;

import com.fasterxml.jackson.databind.JsonNode;
import eventlens.model.Origin;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The line of each event inside a history document, so that an event (and an error row for a bad
 * one) points at its own place in the file rather than at the document's first line. Events are
 * looked up in order by their {@code "eventId"} member, scanning forward only, so a well-formed
 * history costs one pass over its text. An event whose id is not found (a bad id written oddly) costs
 * a scan to the end and gets the line of the last event found.
 */
final class EventLines {
    private static final Pattern EVENT_ID = Pattern.compile("\"eventId\"\\s*:\\s*\"?([^\",}\\s]*)");

    private final Matcher matcher;
    private final String raw;
    private final Origin document;
    private int position;
    private long line;

    EventLines(String raw, Origin document) {
        this.raw = raw;
        this.matcher = EVENT_ID.matcher(raw);
        this.document = document;
        this.line = document.line();
    }

    /** The origin of the next event of the document, {@code event} being that event. */
    Origin next(JsonNode event) {
        JsonNode id = event.isObject() ? event.get("eventId") : null;
        String wanted = id == null || !id.isValueNode() ? null : id.asText();
        if (wanted != null && matcher.find(position)) {
            int from = position;
            boolean found = false;
            do {
                if (matcher.group(1).equals(wanted)) {
                    found = true;
                    break;
                }
            } while (matcher.find());
            if (found) {
                line += count(from, matcher.start());
                position = matcher.end();
            }
        }
        return new Origin(document.file(), line, document.format());
    }

    private long count(int from, int to) {
        long breaks = 0;
        for (int i = from; i < to; i++) {
            if (raw.charAt(i) == '\n') {
                breaks++;
            }
        }
        return breaks;
    }
}
