package eventlens.importers;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The members of one JSON object, looked up by <em>normalised</em> name: lower case, letters and
 * digits only, so {@code eventId}, {@code event_id}, {@code EventID} and {@code $eventId} are all
 * {@code eventid}. The first member with a given normalised name wins. Records have few members,
 * so the index is two small arrays searched in order rather than a hash map built per record.
 */
final class FieldIndex {
    private static final FieldIndex EMPTY = new FieldIndex(null, new String[0], new String[0], 0);

    private final JsonNode object;
    private final String[] normalised;
    private final String[] names;
    private final int size;

    private FieldIndex(JsonNode object, String[] normalised, String[] names, int size) {
        this.object = object;
        this.normalised = normalised;
        this.names = names;
        this.size = size;
    }

    /** An index over {@code object}; an empty index for anything that is not an object. */
    static FieldIndex of(JsonNode object, NameNormaliser normaliser) {
        if (object == null || !object.isObject()) {
            return EMPTY;
        }
        int capacity = object.size();
        String[] normalised = new String[capacity];
        String[] names = new String[capacity];
        int size = 0;
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            names[size] = name;
            normalised[size++] = normaliser.normalise(name);
        }
        return new FieldIndex(object, normalised, names, size);
    }

    /** The first present, non-null member among the normalised candidate names, or null. */
    JsonNode first(String... candidates) {
        for (String candidate : candidates) {
            JsonNode value = member(candidate);
            if (value != null && !value.isNull()) {
                return value;
            }
        }
        return null;
    }

    /** The first member among the candidates that is a string, number or boolean, as text; or null. */
    String firstScalar(String... candidates) {
        for (String candidate : candidates) {
            JsonNode value = member(candidate);
            if (value != null && value.isValueNode() && !value.isNull()) {
                return value.asText();
            }
        }
        return null;
    }

    /** Whether the object has a member with this normalised name. */
    boolean has(String candidate) {
        return indexOf(candidate) >= 0;
    }

    private JsonNode member(String candidate) {
        int i = indexOf(candidate);
        return i < 0 ? null : object.get(names[i]);
    }

    private int indexOf(String candidate) {
        for (int i = 0; i < size; i++) {
            if (normalised[i].equals(candidate)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return "FieldIndex" + Arrays.toString(Arrays.copyOf(names, size));
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
            String normalised = out.toString().intern();
            if (remembered.size() < MAX_REMEMBERED) {
                remembered.put(name, normalised);
            }
            return normalised;
        }
    }
}
