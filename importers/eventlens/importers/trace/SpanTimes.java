package eventlens.importers.trace;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Span times in the units their formats state (Jaeger and Zipkin microseconds, OTLP nanoseconds),
 * as JSON numbers or numeric strings. The unit is never guessed from the magnitude, as
 * {@link eventlens.importers.Timestamps} must do for unknown fields: a small hand-written value
 * still means what the format says.
 */
final class SpanTimes {
    private SpanTimes() {
    }

    private static final BigDecimal BEYOND_LONG = new BigDecimal("1e19");

    /** A whole number from a JSON number or numeric text (fractions cut); null otherwise. */
    static Long whole(JsonNode node) {
        if (node == null || !(node.isNumber() || node.isTextual())) {
            return null;
        }
        try {
            BigDecimal value = node.isNumber() ? node.decimalValue() : new BigDecimal(node.textValue().strip());
            BigDecimal magnitude = value.abs();
            // Checked first: toBigInteger() of 1e99999999 builds a hundred-million-digit number.
            if (magnitude.compareTo(BEYOND_LONG) >= 0) {
                return null;
            }
            return magnitude.compareTo(BigDecimal.ONE) < 0 ? 0L : value.toBigInteger().longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    /** The instant {@code micros} microseconds after the epoch; null for null. */
    static Instant fromMicros(Long micros) {
        return micros == null ? null : Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    /** The instant {@code nanos} nanoseconds after the epoch; null for null. */
    static Instant fromNanos(Long nanos) {
        return nanos == null ? null : Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L),
                Math.floorMod(nanos, 1_000_000_000L));
    }
}
