package eventlens.model.time;

import eventlens.model.store.ProjectStore;
import eventlens.model.store.TimeScan;
import java.util.Optional;

/**
 * Counts of a project's events over time for its histograms. The whole log is counted once, in
 * {@value #OVERVIEW_BUCKETS} buckets, on first use and again after each import; a zoomed range is
 * re-binned from those counts while they are fine enough and counted from the events in the range (over
 * the time index) once they are not. No row of events ever reaches the caller. Close it when done.
 */
public final class Histograms implements AutoCloseable {
    /** Buckets of the whole-log count: a screen's width of bars with room to zoom in ×4. */
    public static final int OVERVIEW_BUCKETS = 4096;
    /** A zoomed range holding more events than this is re-binned from the overview, however coarse. */
    static final long MAX_RECOUNTED = 2_000_000;

    private final TimeScan scan;
    private BucketCounts overview;
    private long overviewStamp = -1;

    public Histograms(ProjectStore store) {
        this.scan = new TimeScan(store);
    }

    /** The whole log's counts; empty when no event has a time. One pass over the events when stale. */
    public synchronized Optional<BucketCounts> overview() {
        long stamp = scan.lastPosition();
        if (stamp != overviewStamp) {
            overview = scan.span().map(span -> {
                BucketCounts counts = BucketCounts.covering(span[0], span[1], OVERVIEW_BUCKETS);
                scan.scan(null, null, counts::add);
                return counts;
            }).orElse(null);
            overviewStamp = stamp;
        }
        return Optional.ofNullable(overview);
    }

    /**
     * Counts over {@code [fromMicros, toMicros)} in about {@code buckets} buckets: from the overview when each
     * new bucket spans at least one of its buckets, else from the events in the range (when there are at
     * most {@value #MAX_RECOUNTED}).
     */
    public synchronized Optional<BucketCounts> range(long fromMicros, long toMicros, int buckets) {
        Optional<BucketCounts> whole = overview();
        if (whole.isEmpty() || toMicros <= fromMicros) {
            return Optional.empty();
        }
        BucketCounts target = BucketCounts.covering(fromMicros, toMicros - 1, buckets);
        BucketCounts base = whole.get();
        boolean fineEnough = target.bucketMicros() >= base.bucketMicros();
        if (fineEnough || scan.count(fromMicros, toMicros) > MAX_RECOUNTED) {
            // Whole overview buckets per bar, on the overview's grid, so that no bar gets one more than its neighbour.
            long perBar = Math.max(1, (target.bucketMicros() + base.bucketMicros() - 1) / base.bucketMicros());
            long width = perBar * base.bucketMicros();
            long from = base.fromMicros() + Math.floorDiv(fromMicros - base.fromMicros(), base.bucketMicros())
                    * base.bucketMicros();
            int bars = (int) Math.max(1, (toMicros - from + width - 1) / width);
            return Optional.of(base.rebinnedInto(new BucketCounts(from, width, bars)));
        }
        scan.scan(fromMicros, toMicros, target::add);
        return Optional.of(target);
    }

    @Override
    public synchronized void close() {
        scan.close();
    }
}
