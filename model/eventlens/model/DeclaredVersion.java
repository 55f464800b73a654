package eventlens.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The schema version an event declares for its own shape, when it declares one — not the aggregate
 * version, which counts an aggregate's events.
 *
 * <p>Looked for, first found wins: a version field ({@code eventVersion}, {@code schemaVersion},
 * {@code event_version}, {@code schema_version}, {@code dataVersion}, case-insensitive) on the record's
 * top level, then in its metadata and the metadata's {@code headers}; then the CloudEvents
 * {@code dataschema} URI, whose last version-like part is taken ({@code …/order/v2},
 * {@code …/order-2.0.json}, {@code …?version=3}). Numbers are written as in the record ({@code 2},
 * {@code 2.0}); a leading {@code v} is dropped, so {@code v2} and {@code 2} are the same version.
 */
public final class DeclaredVersion {
    private static final List<String> FIELDS = List.of("eventversion", "schemaversion", "event_version",
            "schema_version", "dataversion");
    private static final Pattern URI_VERSION = Pattern.compile(
            "(?i)(?:[/\\-_.=@:]v|version=|[/\\-_@:])(\\d+(?:\\.\\d+){0,2})(?=$|[/.#?&]|\\.json)");

    private DeclaredVersion() {
    }

    /**
     * A cheap test, without parsing, of whether a record (or its metadata text, either may be null) could
     * declare a version: it mentions one of the version fields or {@code dataschema}. When false, {@link #of}
     * would return null; when true it may still.
     */
    public static boolean mayDeclare(String raw, String metadata) {
        return mentions(raw) || mentions(metadata);
    }

    private static boolean mentions(String text) {
        if (text == null) {
            return false;
        }
        if (text.contains("dataschema")) {
            return true;
        }
        for (String tail : new String[] {"rsion", "RSION"}) {
            for (int i = text.indexOf(tail); i >= 0; i = text.indexOf(tail, i + 1)) {
                if (!longerThanVersion(text, i)) {
                    continue; // a plain "version" (an aggregate's, often): none of the fields
                }
                int end = i + tail.length();
                for (String f : FIELDS) {
                    int start = end - f.length();
                    if (start >= 0 && text.regionMatches(true, start, f, 0, f.length())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Whether the "rsion" at {@code at} ends a word longer than "version": a letter or '_' before its "ve". */
    private static boolean longerThanVersion(String text, int at) {
        if (at < 3) {
            return false;
        }
        char before = text.charAt(at - 3);
        return Character.isLetter(before) || before == '_';
    }

    /** The version {@code event} declares, from its raw record and metadata; null when none. */
    public static String of(Event event) {
        JsonNode record = Json.parseOrMissing(event.raw());
        return of(record, event.metadataTree());
    }

    /**
     * The version declared by a record's top-level object and the event's metadata (either may be a
     * missing node); null when none.
     */
    public static String of(JsonNode record, JsonNode metadata) {
        String found = field(record);
        if (found == null) {
            found = field(metadata);
        }
        if (found == null && metadata != null) {
            found = field(metadata.path("headers"));
        }
        if (found == null && record != null && record.path("dataschema").isTextual()) {
            found = fromUri(record.path("dataschema").asText());
        }
        return found;
    }

    /** The version in a schema URI such as {@code https://example.com/schemas/order/v2}; null when none. */
    public static String fromUri(String uri) {
        Matcher m = URI_VERSION.matcher(uri);
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        return last;
    }

    /** A version as written, without a leading {@code v}; null for blank or non-scalar values. */
    public static String normal(JsonNode value) {
        if (value == null || !value.isValueNode() || value.isNull()) {
            return null;
        }
        String text = value.asText().strip();
        if (text.length() > 1 && (text.charAt(0) == 'v' || text.charAt(0) == 'V')
                && Character.isDigit(text.charAt(1))) {
            text = text.substring(1);
        }
        return text.isEmpty() ? null : text;
    }

    private static String field(JsonNode object) {
        if (object == null || !object.isObject()) {
            return null;
        }
        var names = object.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (FIELDS.contains(name.toLowerCase(Locale.ROOT))) {
                String v = normal(object.get(name));
                if (v != null) {
                    return v;
                }
            }
        }
        return null;
    }
}
