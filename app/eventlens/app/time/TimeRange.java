package eventlens.app.time;

import java.time.Instant;

/** A time range {@code [fromMicros, toMicros)} in microseconds since the epoch. */
public record TimeRange(long fromMicros, long toMicros) {
    public TimeRange {
        if (toMicros < fromMicros) {
            throw new IllegalArgumentException("a time range ends after it starts");
        }
    }

    public Instant from() {
        return instant(fromMicros);
    }

    public Instant to() {
        return instant(toMicros);
    }

    public long length() {
        return toMicros - fromMicros;
    }

    static Instant instant(long micros) {
        return eventlens.model.time.Micros.instant(micros);
    }

    static long micros(Instant t) {
        return eventlens.model.time.Micros.of(t);
    }
}
