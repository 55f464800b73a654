package eventlens.model.schema;

import com.fasterxml.jackson.core.JsonToken;
import java.util.Locale;

/** The JSON types a field can have, named as JSON Schema names them (an integer is a number without a fraction). */
public enum JsonKind {
    OBJECT, ARRAY, STRING, INTEGER, NUMBER, BOOLEAN, NULL;

    /** The JSON Schema name: {@code object}, {@code integer}, … */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind of a JSON Schema type name; null when it names none. */
    public static JsonKind ofName(String name) {
        for (JsonKind k : values()) {
            if (k.jsonName().equals(name)) {
                return k;
            }
        }
        return null;
    }

    /** The kind of the value a parser token starts. */
    static JsonKind of(JsonToken token) {
        return switch (token) {
            case START_OBJECT -> OBJECT;
            case START_ARRAY -> ARRAY;
            case VALUE_STRING, VALUE_EMBEDDED_OBJECT -> STRING;
            case VALUE_NUMBER_INT -> INTEGER;
            case VALUE_NUMBER_FLOAT -> NUMBER;
            case VALUE_TRUE, VALUE_FALSE -> BOOLEAN;
            default -> NULL;
        };
    }
}
