package eventlens.importers;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The members of one JSON object, looked up by <em>normalised</em> name: lower case, letters and
 * digits only, so {@code eventId}, {@code event_id}, {@code EventID} and {@code $eventId} are all
 * {@code eventid}. The first member with a given normalised name wins.
 */
final class FieldIndex {
    private final JsonNode object;
    private final Map<String, String> names;

    private FieldIndex(JsonNode object, Map<String, String> names) {
        this.object = object;
        this.names = names;
    }

    /** An index over {@code object}; an empty index for anything that is not an object. */
    static FieldIndex of(JsonNode object, NameNormaliser normaliser) {
        if (object == null || !object.isObject()) {
            return new FieldIndex(null, Map.of());
        }
        Map<String, String> names = new HashMap<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            names.putIfAbsent(normaliser.normalise(name), name);
        }
        return new FieldIndex(object, names);
    }

    /** The first present member among the normalised candidate names, or null. */
    JsonNode first(String... candidates) {
        for (String candidate : candidates) {
            String name = names.get(candidate);
            if (name != null) {
                JsonNode value = object.get(name);
                if (value != null && !value.isNull()) {
                    return value;
                }
            }
        }
        return null;
    }

    /** The first member among the candidates that is a string, number or boolean, as text; or null. */
    String firstScalar(String... candidates) {
        for (String candidate : candidates) {
            JsonNode value = first(candidate);
            if (value != null && value.isValueNode()) {
                return value.asText();
            }
        }
        return null;
    }

    /** Whether the object has a member with this normalised name. */
    boolean has(String candidate) {
        return names.containsKey(candidate);
    }

    /**
     * Turns member names into their normalised form, remembering the answers: Jackson interns field
     * names, so a file's few distinct names are normalised once each.
     */
    static final class NameNormaliser {
        private static final int MAX_REMEMBERED = 4096;
        private final Map<String, String> remembered = new HashMap<>();

        String normalise(String name) {
            String known = remembered.get(name);
            if (known != null) {
                return known;
            }
            StringBuilder out = new StringBuilder(name.length());
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                if (Character.isLetterOrDigit(c)) {
                    out.append(Character.toLowerCase(c));
                }
            }
            String normalised = out.toString();
            if (remembered.size() < MAX_REMEMBERED) {
                remembered.put(name, normalised);
            }
            return normalised;
        }
    }
}
