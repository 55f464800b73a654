package eventlens.model.time;

import eventlens.model.store.ProjectStore;
import eventlens.model.store.TimeScan;
import eventlens.model.store.TimeScan.Scope;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Counts of a project's events over time for its histograms. The whole log is counted once, in
 * {@value #OVERVIEW_BUCKETS} buckets, on first use and again after each import; a zoomed range is
 * re-binned from those counts while they are fine enough and counted from the events in the range (over
 * the time index) once they are not. No row of events ever reaches the caller.
 *
 * <p>A count may cover only some events (a {@link Scope}: a filter's matches, the listed flows' events),
 * on the same grid as the whole log's, so that a filtered histogram lines up with the unfiltered one; the
 * last few scopes' whole-span counts are kept. One instance may serve several views (its methods take
 * turns). Close it when done.
 */
public final class Histograms implements AutoCloseable {
    /** Buckets of the whole-log count: a screen's width of bars with room to zoom in ×4. */
    public static final int OVERVIEW_BUCKETS = 4096;
    /** A zoomed range holding more events than this is re-binned from the overview, however coarse. */
    static final long MAX_RECOUNTED = 2_000_000;
    /** Scopes whose whole-span counts are kept (the events view's filter, the flows view's, and the previous ones). */
    private static final int KEPT_SCOPES = 4;

    private final ProjectStore store;
    /**
     * Opened at first use, on the thread that counts (a worker), not where this is made (the FX thread): a
     * read-only project copies its derived tables into every new connection, 6 s on ten million events.
     */
    private TimeScan scan;
    private final Map<Scope, BucketCounts> overviews = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Scope, BucketCounts> eldest) {
            return size() > KEPT_SCOPES;
        }
    };
    private long[] span;
    private long overviewStamp = -1;

    public Histograms(ProjectStore store) {
        this.store = store;
    }

    /** The whole log's counts; empty when no event has a time. One pass over the events when stale. */
    public synchronized Optional<BucketCounts> overview() {
        return overview(Scope.ALL, () -> false);
    }

    /**
     * The counts of {@code scope}'s events over the whole log's span, on the whole log's grid; empty when
     * no event has a time. One pass over the scope's events when stale; throws {@link CancellationException}
     * when {@code cancelled} turned true meanwhile (nothing partial is kept).
     */
    public synchronized Optional<BucketCounts> overview(Scope scope, BooleanSupplier cancelled) {
        if (scan == null) {
            scan = new TimeScan(store);
        }
        long stamp = scan.lastPosition();
        if (stamp != overviewStamp) {
            overviews.clear();
            span = scan.span().orElse(null);
            overviewStamp = stamp;
        }
        if (span == null) {
            return Optional.empty();
        }
        BucketCounts counts = overviews.get(scope);
        if (counts == null) {
            counts = BucketCounts.covering(span[0], span[1], OVERVIEW_BUCKETS);
            scan.scan(null, null, scope, cancelled, counts::add);
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("counting events over time was cancelled");
            }
            overviews.put(scope, counts);
        }
        return Optional.of(counts);
    }

    /** As {@link #range(long, long, int, Scope, BooleanSupplier)} for every event. */
    public synchronized Optional<BucketCounts> range(long fromMicros, long toMicros, int buckets) {
        return range(fromMicros, toMicros, buckets, Scope.ALL, () -> false);
    }

    /**
     * Counts of {@code scope}'s events over {@code [fromMicros, toMicros)} in about {@code buckets} buckets:
     * from the overview when each new bucket spans at least one of its buckets, else from the events in the
     * range (when there are at most {@value #MAX_RECOUNTED}).
     */
    public synchronized Optional<BucketCounts> range(long fromMicros, long toMicros, int buckets, Scope scope,
            BooleanSupplier cancelled) {
        Optional<BucketCounts> whole = overview(scope, cancelled);
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
        scan.scan(fromMicros, toMicros, scope, cancelled, target::add);
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("counting events over time was cancelled");
        }
        return Optional.of(target);
    }

    @Override
    public synchronized void close() {
        if (scan != null) {
            scan.close();
        }
    }
}
