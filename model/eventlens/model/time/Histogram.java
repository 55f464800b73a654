package eventlens.model.time;

import java.util.List;

/**
 * Events counted in equal time buckets, each bar split into series (the most frequent types or sources,
 * the rest as {@value #OTHER}), with the failures among them.
 *
 * @param fromMicros start of the first bucket, microseconds since the epoch
 * @param bucketMicros width of a bucket (at least 1)
 * @param series the series' names, most frequent first
 * @param counts {@code counts[s][b]}: events of series {@code s} in bucket {@code b}
 * @param failures {@code failures[b]}: events in bucket {@code b} whose type names a failure
 */
public record Histogram(long fromMicros, long bucketMicros, List<String> series, long[][] counts, long[] failures) {
    /** The series that holds everything beyond the most frequent ones, and events without a type or source. */
    public static final String OTHER = "(other)";

    public Histogram {
        series = List.copyOf(series);
        counts = counts.clone();
        for (int s = 0; s < counts.length; s++) {
            counts[s] = counts[s].clone();
        }
        failures = failures.clone();
    }

    /** The same histogram, not an equal one: its counts are arrays (and a record's own equals made a class at first use). */
    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    public int buckets() {
        return failures.length;
    }

    /** End of the last bucket (exclusive). */
    public long toMicros() {
        return fromMicros + bucketMicros * buckets();
    }

    /** Start of bucket {@code b}. */
    public long startOf(int b) {
        return fromMicros + bucketMicros * b;
    }

    /** Events of series {@code s} in bucket {@code b}. */
    public long count(int s, int b) {
        return counts[s][b];
    }

    /** Events in bucket {@code b}, all series. */
    public long total(int b) {
        long sum = 0;
        for (long[] row : counts) {
            sum += row[b];
        }
        return sum;
    }

    /** Events in buckets {@code [from, to)}. */
    public long total(int from, int to) {
        long sum = 0;
        for (int b = Math.max(0, from); b < Math.min(to, buckets()); b++) {
            sum += total(b);
        }
        return sum;
    }

    public long failures(int b) {
        return failures[b];
    }

    /** The fullest bucket's count (0 when empty). */
    public long peak() {
        long max = 0;
        for (int b = 0; b < buckets(); b++) {
            max = Math.max(max, total(b));
        }
        return max;
    }
}
