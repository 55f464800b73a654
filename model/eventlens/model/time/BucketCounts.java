package eventlens.model.time;

import eventlens.model.flow.FailureTypes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Events counted in equal buckets over a time range, by type and by source at once (so that switching a
 * histogram's stacking needs no second pass), with bounded memory: after {@value #MAX_KEYS} distinct
 * types (or sources) the rest are counted as {@link Histogram#OTHER}. Fill it with {@link #add}, then read
 * {@link #histogram} as often as needed; not thread-safe while filling.
 */
public final class BucketCounts {
    /** Distinct types (and sources) counted apart; a log with more has its rarest ones in "(other)". */
    static final int MAX_KEYS = 256;

    private final long fromMicros;
    private final long bucketMicros;
    private final int buckets;
    private final Map<String, long[]> byType = new HashMap<>();
    private final Map<String, long[]> bySource = new HashMap<>();
    private final Map<String, Boolean> failureTypes = new HashMap<>();
    private final long[] failures;
    private long counted;

    /** Buckets of {@code bucketMicros} from {@code fromMicros}; events outside them are not counted. */
    public BucketCounts(long fromMicros, long bucketMicros, int buckets) {
        if (bucketMicros < 1 || buckets < 1) {
            throw new IllegalArgumentException("a histogram needs buckets of at least 1 µs, and at least one");
        }
        this.fromMicros = fromMicros;
        this.bucketMicros = bucketMicros;
        this.buckets = buckets;
        this.failures = new long[buckets];
    }

    /** Round bucket widths above a second: 1, 2, 5, 10, 15, 30 s; 1, 2, 5, 10, 15, 30 min; 1, 2, 3, 6, 12 h; days. */
    private static final long[] CLOCK_WIDTHS = {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1_800, 3_600, 7_200,
        10_800, 21_600, 43_200, 86_400};

    /**
     * At most about {@code buckets} buckets of a round width (1-2-5 steps below a second, clock steps above)
     * covering {@code [fromMicros, toMicros]}, starting at a multiple of the width so that bars line up
     * with the clock and a wider round width is a whole number of narrower ones.
     */
    public static BucketCounts covering(long fromMicros, long toMicros, int buckets) {
        long span = Math.max(1, toMicros - fromMicros + 1);
        long width = roundWidth(Math.max(1, (span + buckets - 1) / buckets));
        long start = Math.floorDiv(fromMicros, width) * width;
        int n = (int) Math.max(1, (toMicros - start) / width + 1);
        return new BucketCounts(start, width, n);
    }

    /** The smallest round width of at least {@code micros}. */
    static long roundWidth(long micros) {
        if (micros < 1_000_000) {
            for (long decade = 1; ; decade *= 10) {
                for (long step : new long[] {1, 2, 5}) {
                    if (step * decade >= micros) {
                        return step * decade;
                    }
                }
            }
        }
        for (long seconds : CLOCK_WIDTHS) {
            if (seconds * 1_000_000 >= micros) {
                return seconds * 1_000_000;
            }
        }
        long day = 86_400_000_000L;
        return (micros + day - 1) / day * day;
    }

    /** Counts one event (ignored when its time is outside the buckets). */
    public void add(long timeMicros, String type, String source) {
        long offset = timeMicros - fromMicros;
        if (offset < 0) {
            return;
        }
        long b = offset / bucketMicros;
        if (b >= buckets) {
            return;
        }
        int bucket = (int) b;
        row(byType, type)[bucket]++;
        row(bySource, source)[bucket]++;
        if (type != null && failureTypes.computeIfAbsent(type, FailureTypes::isFailure)) {
            failures[bucket]++;
        }
        counted++;
    }

    /** Events counted so far. */
    public long counted() {
        return counted;
    }

    public long fromMicros() {
        return fromMicros;
    }

    public long bucketMicros() {
        return bucketMicros;
    }

    public int buckets() {
        return buckets;
    }

    /** The counts as a histogram whose bars are split into at most {@code maxSeries} series (the last one "(other)"). */
    public Histogram histogram(StackBy by, int maxSeries) {
        Map<String, long[]> rows = by == StackBy.TYPE ? byType : bySource;
        List<Map.Entry<String, long[]>> ranked = new ArrayList<>(rows.entrySet());
        ranked.sort(Comparator.comparingLong((Map.Entry<String, long[]> e) -> -sum(e.getValue()))
                .thenComparing(Map.Entry::getKey));
        Map<String, long[]> kept = new LinkedHashMap<>();
        long[] other = null;
        for (Map.Entry<String, long[]> e : ranked) {
            boolean room = kept.size() < maxSeries - 1 || kept.size() == maxSeries - 1 && ranked.size() == maxSeries;
            if (room && !e.getKey().equals(Histogram.OTHER)) {
                kept.put(e.getKey(), e.getValue());
            } else {
                other = plus(other, e.getValue());
            }
        }
        if (other != null) {
            kept.put(Histogram.OTHER, other);
        }
        return new Histogram(fromMicros, bucketMicros, List.copyOf(kept.keySet()),
                kept.values().toArray(new long[0][]), failures);
    }

    /**
     * These counts summed into {@code target}'s buckets, each of ours going whole to the bucket its middle
     * falls in (exact when the widths divide, else off by at most one bucket at the edges).
     */
    public BucketCounts rebinnedInto(BucketCounts target) {
        for (int b = 0; b < buckets; b++) {
            long middle = fromMicros + b * bucketMicros + bucketMicros / 2;
            long t = Math.floorDiv(middle - target.fromMicros, target.bucketMicros);
            if (t < 0 || t >= target.buckets) {
                continue;
            }
            int into = (int) t;
            rebin(byType, target.byType, b, into, target.buckets);
            rebin(bySource, target.bySource, b, into, target.buckets);
            target.failures[into] += failures[b];
        }
        for (int b = 0; b < target.buckets; b++) {
            target.counted += totalOf(target.byType, b);
        }
        return target;
    }

    private static void rebin(Map<String, long[]> from, Map<String, long[]> into, int b, int t, int size) {
        for (Map.Entry<String, long[]> e : from.entrySet()) {
            long n = e.getValue()[b];
            if (n != 0) {
                into.computeIfAbsent(e.getKey(), k -> new long[size])[t] += n;
            }
        }
    }

    private static long totalOf(Map<String, long[]> rows, int b) {
        long sum = 0;
        for (long[] row : rows.values()) {
            sum += row[b];
        }
        return sum;
    }

    private long[] row(Map<String, long[]> rows, String key) {
        String k = key == null || key.isEmpty() ? Histogram.OTHER : key;
        long[] row = rows.get(k);
        if (row == null) {
            k = rows.size() >= MAX_KEYS ? Histogram.OTHER : k;
            row = rows.computeIfAbsent(k, x -> new long[buckets]);
        }
        return row;
    }

    private static long sum(long[] row) {
        long s = 0;
        for (long v : row) {
            s += v;
        }
        return s;
    }

    private static long[] plus(long[] a, long[] b) {
        if (a == null) {
            return b.clone();
        }
        for (int i = 0; i < a.length; i++) {
            a[i] += b[i];
        }
        return a;
    }
}
