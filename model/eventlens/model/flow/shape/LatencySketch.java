package eventlens.model.flow.shape;

import java.util.Arrays;

/**
 * Percentiles of one edge's latencies in bounded memory: the first {@link #EXACT} samples are kept and
 * answered exactly (nearest rank); after that every sample goes into a logarithmic histogram of fixed
 * size whose buckets are 1 % wide, so a percentile is then within about 0.5 % of the true value.
 * Negative latencies (clock skew) are kept exactly while exact and count as 0 in the histogram.
 * Deterministic: the same samples in the same order give the same answers.
 */
public final class LatencySketch {
    /** How many samples are answered exactly before the histogram takes over. */
    public static final int EXACT = 1024;
    private static final double LN_BASE = Math.log(1.01);
    /** Covers up to about 30 years in microseconds; larger values fall in the last bucket. */
    private static final int BUCKETS = 3500;

    private long[] exact = new long[16];
    private int[] buckets;
    private long count;

    /** Adds one latency in microseconds. */
    public void add(long micros) {
        if (buckets == null && count < EXACT) {
            if (count == exact.length) {
                exact = Arrays.copyOf(exact, exact.length * 2);
            }
            exact[(int) count++] = micros;
            return;
        }
        if (buckets == null) {
            buckets = new int[BUCKETS];
            for (long v : exact) {
                buckets[bucket(v)]++;
            }
            exact = null;
        }
        buckets[bucket(micros)]++;
        count++;
    }

    /** Number of samples added. */
    public long count() {
        return count;
    }

    /**
     * The nearest-rank percentile ({@code p} in (0, 1]): the smallest sample with at least {@code p} of
     * the samples at or below it; null when there are none.
     */
    public Long percentile(double p) {
        if (count == 0) {
            return null;
        }
        long rank = Math.max(1, (long) Math.ceil(p * count));
        if (buckets == null) {
            long[] sorted = Arrays.copyOf(exact, (int) count);
            Arrays.sort(sorted);
            return sorted[(int) rank - 1];
        }
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += buckets[i];
            if (seen >= rank) {
                return value(i);
            }
        }
        return value(BUCKETS - 1);
    }

    private static int bucket(long micros) {
        if (micros <= 0) {
            return 0;
        }
        return Math.min(BUCKETS - 1, 1 + (int) (Math.log(micros) / LN_BASE));
    }

    /** The geometric middle of a bucket. */
    private static long value(int bucket) {
        return bucket == 0 ? 0 : Math.round(Math.exp((bucket - 0.5) * LN_BASE));
    }
}
