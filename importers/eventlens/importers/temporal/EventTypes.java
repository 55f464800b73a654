package eventlens.importers.temporal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * The one spelling of a Temporal event type that EventLens stores, and the attributes object of an
 * event.
 *
 * <p>Temporal writes {@code eventType} two ways: the protobuf enum name
 * ({@code EVENT_TYPE_ACTIVITY_TASK_SCHEDULED}, newer CLI and SDK output) and the short PascalCase
 * name ({@code ActivityTaskScheduled}, older tctl, the Go and Java SDK test histories). Both become
 * the PascalCase name: it is shorter in a lane, it is the name Temporal's documentation uses, and its
 * last word ({@code Failed}, {@code TimedOut}) is what the flow's failure detection reads. When
 * {@code eventType} is absent or a number (enum numbers), the name comes from the attributes key
 * ({@code activityTaskScheduledEventAttributes} → {@code ActivityTaskScheduled}).
 */
final class EventTypes {
    private static final String ENUM_PREFIX = "EVENT_TYPE_";
    private static final String ATTRIBUTES_SUFFIX = "EventAttributes";

    private EventTypes() {
    }

    /** The PascalCase type of an event, or null when neither its eventType nor its attributes name one. */
    static String of(JsonNode event) {
        JsonNode type = event.get("eventType");
        if (type != null && type.isTextual() && !type.textValue().isBlank()) {
            return normalise(type.textValue().strip());
        }
        String key = attributesKey(event);
        if (key == null) {
            return null;
        }
        String stem = key.substring(0, key.length() - ATTRIBUTES_SUFFIX.length());
        return stem.isEmpty() ? null : Character.toUpperCase(stem.charAt(0)) + stem.substring(1);
    }

    /**
     * {@code EVENT_TYPE_WORKFLOW_TASK_TIMED_OUT} → {@code WorkflowTaskTimedOut}; a name without the
     * enum prefix and without underscores is returned as it is.
     */
    static String normalise(String type) {
        boolean screaming = type.startsWith(ENUM_PREFIX)
                || type.indexOf('_') >= 0 && type.equals(type.toUpperCase(Locale.ROOT));
        if (!screaming) {
            return type;
        }
        String body = type.startsWith(ENUM_PREFIX) ? type.substring(ENUM_PREFIX.length()) : type;
        StringBuilder out = new StringBuilder(body.length());
        for (String word : body.split("_")) {
            if (!word.isEmpty()) {
                out.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
            }
        }
        return out.isEmpty() ? type : out.toString();
    }

    /** The attributes object of an event ({@code …EventAttributes}), or a missing node. */
    static JsonNode attributes(JsonNode event) {
        String key = attributesKey(event);
        return key == null ? event.path(ATTRIBUTES_SUFFIX) : event.get(key);
    }

    private static String attributesKey(JsonNode event) {
        for (Iterator<Map.Entry<String, JsonNode>> it = event.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().endsWith(ATTRIBUTES_SUFFIX) && field.getValue().isObject()) {
                return field.getKey();
            }
        }
        return null;
    }
}
