package eventlens.replay.bus;

import java.util.Objects;

/**
 * A subscription's topic pattern over dot-separated event types: a literal segment matches itself,
 * {@code *} matches exactly one segment and {@code #} matches zero or more segments. So
 * {@code order.*} matches {@code order.created} but not {@code order.payment.failed};
 * {@code order.#} matches both and {@code order} itself; {@code #} matches every type (also a null type).
 *
 * @param text the pattern as written
 */
public record TopicPattern(String text) {
    public TopicPattern {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new IllegalArgumentException("empty topic pattern");
        }
    }

    /** The pattern of {@code text}. */
    public static TopicPattern of(String text) {
        return new TopicPattern(text);
    }

    /** True when the pattern has no wildcard: it matches one type only. */
    public boolean isExact() {
        return !text.contains("*") && !text.contains("#");
    }

    /** Whether {@code type} matches this pattern. */
    public boolean matches(String type) {
        if (type == null) {
            return text.equals("#");
        }
        if (isExact()) {
            return text.equals(type);
        }
        return match(text.split("\\.", -1), 0, type.split("\\.", -1), 0);
    }

    private static boolean match(String[] p, int i, String[] t, int j) {
        if (i == p.length) {
            return j == t.length;
        }
        if (p[i].equals("#")) {
            for (int k = j; k <= t.length; k++) {
                if (match(p, i + 1, t, k)) {
                    return true;
                }
            }
            return false;
        }
        if (j == t.length) {
            return false;
        }
        return (p[i].equals("*") || p[i].equals(t[j])) && match(p, i + 1, t, j + 1);
    }

    @Override
    public String toString() {
        return text;
    }
}
