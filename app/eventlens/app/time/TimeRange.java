package eventlens.app.time;

import eventlens.model.time.Micros;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** A time range {@code [fromMicros, toMicros)} in microseconds since the epoch. */
public record TimeRange(long fromMicros, long toMicros) {
    /** How the histogram writes times: UTC to the millisecond, as the event table does. */
    static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    public TimeRange {
        if (toMicros < fromMicros) {
            throw new IllegalArgumentException("a time range ends after it starts");
        }
    }

    public Instant from() {
        return Micros.instant(fromMicros);
    }

    public Instant to() {
        return Micros.instant(toMicros);
    }

    public long length() {
        return toMicros - fromMicros;
    }
}
