package eventlens.app.time;

import eventlens.model.time.Histogram;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a histogram's buckets go across the width: one column a bucket, or, with idle gaps compressed, each
 * run of at least {@value #GAP_BUCKETS} empty buckets as one narrow gap column, so that a log with long
 * silences shows its busy stretches wide. Maps columns to times and back.
 */
final class HistogramColumns {
    /** Empty buckets in a row from which a run is compressed into one gap. */
    static final int GAP_BUCKETS = 4;

    private final Histogram histogram;
    /** First bucket of each column. */
    private final int[] first;
    /** One past the last bucket of each column. */
    private final int[] end;

    HistogramColumns(Histogram histogram, boolean compressGaps) {
        this.histogram = histogram;
        List<int[]> columns = new ArrayList<>();
        int n = histogram.buckets();
        for (int b = 0; b < n; ) {
            int run = b;
            while (compressGaps && run < n && histogram.total(run) == 0) {
                run++;
            }
            if (run - b >= GAP_BUCKETS) {
                columns.add(new int[] {b, run});
                b = run;
            } else {
                columns.add(new int[] {b, b + 1});
                b++;
            }
        }
        first = columns.stream().mapToInt(c -> c[0]).toArray();
        end = columns.stream().mapToInt(c -> c[1]).toArray();
    }

    int size() {
        return first.length;
    }

    /** True when the column stands for a compressed run of empty buckets. */
    boolean isGap(int column) {
        return end[column] - first[column] > 1;
    }

    /** The bucket a column shows (its first one for a gap). */
    int bucket(int column) {
        return first[column];
    }

    /** Start of the column's time, microseconds. */
    long startMicros(int column) {
        return histogram.startOf(first[column]);
    }

    /** End of the column's time (exclusive), microseconds. */
    long endMicros(int column) {
        return histogram.startOf(end[column]);
    }

    /** The column at {@code x} on a width of {@code width} pixels, clamped to the columns. */
    int columnAt(double x, double width) {
        if (size() == 0 || width <= 0) {
            return 0;
        }
        return (int) Math.max(0, Math.min(size() - 1, Math.floor(x / width * size())));
    }

    /** The time at {@code x}: proportional within a bucket's column, the gap's start within a gap. */
    long timeAt(double x, double width) {
        int c = columnAt(x, width);
        if (isGap(c)) {
            return startMicros(c);
        }
        double within = Math.max(0, Math.min(1, x / width * size() - c));
        return startMicros(c) + Math.round(within * histogram.bucketMicros());
    }

    /** The x of a time, or NaN when it is outside the columns; inside a gap, the gap's left edge. */
    double xOf(long micros, double width) {
        if (size() == 0 || micros < startMicros(0) || micros >= endMicros(size() - 1)) {
            return Double.NaN;
        }
        int lo = 0;
        int hi = size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (startMicros(mid) <= micros) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        double step = width / size();
        if (isGap(lo)) {
            return lo * step;
        }
        return (lo + (double) (micros - startMicros(lo)) / histogram.bucketMicros()) * step;
    }
}
