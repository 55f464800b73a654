package eventlens.model.sample;

/**
 * Builds the text of one flat JSON object field by field. The generator's keys are constants and
 * most values are known to be plain ASCII, so only free text goes through {@link #text}'s escaping.
 */
final class JsonObjectText {
    private final StringBuilder sb = new StringBuilder(160).append('{');

    JsonObjectText text(String key, String value) {
        key(key);
        appendQuoted(sb, value);
        return this;
    }

    JsonObjectText number(String key, long value) {
        key(key);
        sb.append(value);
        return this;
    }

    /** A decimal amount given in hundredths, written with two fraction digits (e.g. {@code 39.98}). */
    JsonObjectText cents(String key, long cents) {
        key(key);
        appendCents(sb, cents);
        return this;
    }

    /** A value that is already JSON text (an array or an object). */
    JsonObjectText raw(String key, String json) {
        key(key);
        sb.append(json);
        return this;
    }

    String end() {
        return sb.append('}').toString();
    }

    private void key(String key) {
        if (sb.length() > 1) {
            sb.append(',');
        }
        sb.append('"').append(key).append("\":");
    }

    static void appendCents(StringBuilder out, long cents) {
        out.append(cents / 100).append('.');
        long fraction = cents % 100;
        if (fraction < 10) {
            out.append('0');
        }
        out.append(fraction);
    }

    /** Appends {@code value} as a JSON string, escaping quotes, backslashes and control characters. */
    static void appendQuoted(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
