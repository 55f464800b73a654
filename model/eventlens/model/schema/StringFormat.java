package eventlens.model.schema;

import java.util.regex.Pattern;

/**
 * Formats recognised in string values: an RFC 3339 / ISO-8601 timestamp, a UUID, or a number written as a
 * string. A field has a format when every sampled string value of it has that format.
 */
public enum StringFormat {
    /** {@code 2024-01-15T10:30:00.123Z}, with an offset or a space instead of {@code T}. */
    TIMESTAMP("date-time", Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|z|[+-]\\d{2}:?\\d{2})?")),
    /** {@code 123e4567-e89b-12d3-a456-426614174000}, either case. */
    UUID("uuid", Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")),
    /** {@code "42"}, {@code "-3.50"}, {@code "1e6"}: a JSON number in a string. */
    NUMBER_AS_STRING("number-as-string", Pattern.compile("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?"));

    private final String label;
    private final Pattern pattern;

    StringFormat(String label, Pattern pattern) {
        this.label = label;
        this.pattern = pattern;
    }

    /** The name shown and exported ({@code date-time} and {@code uuid} are JSON Schema formats). */
    public String label() {
        return label;
    }

    /** The format of a string value, or null when it has none of these. */
    public static StringFormat of(String value) {
        int n = value.length();
        if (n == 0 || n > 40) {
            return null;
        }
        char c = value.charAt(0);
        if (n >= 16 && Character.isDigit(c) && TIMESTAMP.pattern.matcher(value).matches()) {
            return TIMESTAMP;
        }
        if (n == 36 && UUID.pattern.matcher(value).matches()) {
            return UUID;
        }
        if ((c == '-' || Character.isDigit(c)) && NUMBER_AS_STRING.pattern.matcher(value).matches()) {
            return NUMBER_AS_STRING;
        }
        return null;
    }

    /** The format of a label, or null. */
    public static StringFormat ofLabel(String label) {
        for (StringFormat f : values()) {
            if (f.label.equals(label)) {
                return f;
            }
        }
        return null;
    }
}
