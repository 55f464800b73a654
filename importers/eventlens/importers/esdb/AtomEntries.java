package eventlens.importers.esdb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import eventlens.importers.ImportSink;
import eventlens.importers.Timestamps;
import eventlens.model.Event;
import eventlens.model.ImportError;
import eventlens.model.Json;
import eventlens.model.Origin;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps the entries of an EventStoreDB Atom feed page, and single entries, to events.
 *
 * <p>A feed lists its entries newest first; they are delivered oldest first (the document read
 * backwards), so that import positions follow the stream as its versions do. A feed read without
 * {@code ?embed=body} carries no eventId, eventType or eventNumber: the type is then the
 * {@code summary}, stream and number come from the title {@code N@stream}, and the id from the
 * persistent subscription's {@code ack} link, else the entry's id URI. Records with no stream at all
 * (an append batch, whose stream is only in the file name) take the file name as the stream and their
 * index in the file as the number. Not thread-safe: one instance per source.
 */
final class AtomEntries {
    private static final Pattern TITLE = Pattern.compile("^(\\d+)@(.+)$");
    private static final Pattern STREAM_URI = Pattern.compile("/streams/([^/?#]+)/(\\d+)(?:[/?#].*)?$");

    private final String file;
    private long recordsWithoutStream;

    AtomEntries(String file) {
        this.file = file;
    }

    /** Delivers every entry of a feed page, oldest first; a bad entry becomes an error row and the rest go on. */
    void readFeed(JsonNode feed, String raw, Origin origin, ImportSink sink) {
        JsonNode entries = feed.get("entries");
        if (!entries.isArray()) {
            throw new IllegalArgumentException("entries is not an array");
        }
        for (int i = entries.size() - 1; i >= 0; i--) {
            JsonNode entry = entries.get(i);
            String text = Json.write(entry);
            Origin at = lineOf(raw, origin, entry);
            try {
                sink.accept(entry(entry, text, at));
            } catch (IllegalArgumentException e) {
                sink.reject(new ImportError(origin.file(), at.line(), 0, "entry " + (i + 1) + " of the feed: "
                        + e.getMessage(), text));
            }
        }
    }

    /**
     * One entry (or one event of an append batch) as an event.
     *
     * @throws IllegalArgumentException when it has no type, no id, or a number that is not a whole number
     */
    Event entry(JsonNode entry, String raw, Origin origin) {
        if (!entry.isObject()) {
            throw new IllegalArgumentException("an entry must be a JSON object");
        }
        String type = text(entry, "eventType", "summary");
        if (type == null) {
            throw new IllegalArgumentException("no eventType (nor summary)");
        }
        Matcher title = TITLE.matcher(entry.path("title").asText(""));
        boolean titled = title.matches();
        Matcher uri = STREAM_URI.matcher(entry.path("id").asText(""));
        boolean addressed = uri.find();
        String stream = text(entry, "streamId");
        Long version = number(entry, "eventNumber");
        if (stream == null) {
            stream = titled ? title.group(2) : addressed ? uri.group(1) : null;
        }
        if (version == null) {
            version = titled ? Long.valueOf(title.group(1)) : addressed ? Long.valueOf(uri.group(2)) : null;
        }
        if (stream == null) {
            stream = FolderExport.stem(file);
            version = version != null ? version : recordsWithoutStream;
            recordsWithoutStream++;
        }
        String id = text(entry, "eventId");
        if (id == null) {
            id = ackId(entry);
        }
        if (id == null) {
            id = text(entry, "id");
        }
        if (id == null) {
            throw new IllegalArgumentException("no eventId (nor an ack link or id URI)");
        }
        JsonNode data = Payload.decode(entry, "data", "isJson");
        JsonNode metadata = Payload.decode(entry, entry.has("metaData") ? "metaData" : "metadata", "isMetaData");
        JsonNode time = entry.has("updated") ? entry.get("updated") : entry.get("created");
        if (time == null && metadata != null) {
            time = metadata.has("TimeStamp") ? metadata.get("TimeStamp") : metadata.get("timestamp");
        }
        return new Event(0, id, type, null, Timestamps.parse(time), category(stream), stream, version,
                metaText(metadata, "$correlationId", "correlationId"), metaText(metadata, "$causationId", "causationId"),
                data == null ? null : Json.write(data), metadata == null ? null : Json.write(metadata), raw,
                new Origin(origin.file(), origin.line(), EsdbImporter.FORMAT));
    }

    /** The stream's category as EventStoreDB's {@code $by_category} sees it: the part before the first '-'. */
    static String category(String stream) {
        int dash = stream.indexOf('-');
        return dash > 0 ? stream.substring(0, dash) : stream;
    }

    /** The event id a persistent subscription puts at the end of an entry's ack link. */
    private static String ackId(JsonNode entry) {
        for (JsonNode link : entry.path("links")) {
            if ("ack".equals(link.path("relation").asText())) {
                String uri = link.path("uri").asText("");
                String last = uri.substring(uri.lastIndexOf('/') + 1);
                return last.isBlank() ? null : last;
            }
        }
        return null;
    }

    private static String text(JsonNode node, String... names) {
        for (String n : names) {
            JsonNode v = node.get(n);
            if (v != null && v.isValueNode() && !v.isNull() && !v.asText().isBlank()) {
                return v.asText();
            }
        }
        return null;
    }

    private static String metaText(JsonNode metadata, String... names) {
        return metadata == null || !metadata.isObject() ? null : text(metadata, names);
    }

    /** A whole number (JSON number or numeric string); null when absent; an error when it is something else. */
    private static Long number(JsonNode node, String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.canConvertToExactIntegral() && v.canConvertToLong()) {
            return v.longValue();
        }
        if (v.isTextual() && v.textValue().matches("-?\\d{1,18}")) {
            return Long.valueOf(v.textValue());
        }
        throw new IllegalArgumentException(name + " is not a whole number: " + Json.write(v));
    }

    /** The line of the feed where this entry starts: the feed's line plus the line breaks before its id. */
    private static Origin lineOf(String raw, Origin feed, JsonNode entry) {
        String needle = entry.path("eventId").asText(entry.path("id").asText(""));
        int at = needle.isEmpty() ? -1 : raw.indexOf(Json.write(TextNode.valueOf(needle)));
        if (at < 0) {
            return feed;
        }
        long breaks = raw.substring(0, at).chars().filter(c -> c == '\n').count();
        return new Origin(feed.file(), feed.line() + breaks, feed.format());
    }
}
