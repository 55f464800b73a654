package eventlens.app.time;

import eventlens.app.work.BackgroundTask;
import eventlens.app.work.BackgroundWork;
import eventlens.app.work.TaskHandle;
import eventlens.model.store.TimeScan.Scope;
import eventlens.model.time.BucketCounts;
import eventlens.model.time.Histogram;
import eventlens.model.time.Histograms;
import eventlens.model.time.Micros;
import eventlens.model.time.StackBy;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The state of a time histogram: the counts of the range shown (the whole log, or zoomed and panned
 * within it), how bars are split (type or source), whether idle gaps are compressed, the brushed range
 * that filters the view it sits under, and the application's time cursor. Counting happens off the FX
 * thread; the rows of events never reach it.
 */
public final class TimeHistogramViewModel {
    /** Bars asked for a shown range (rounded to a clock width, so at most this many). */
    static final int BARS = 240;
    /** Series a bar is split into at most, the last one "(other)". */
    static final int SERIES = 8;
    /** The title over a count of every event. */
    static final String EVERY_EVENT = "Events over time";
    /** What a project none of whose events has a time shows. */
    static final String NO_TIMES = "No event has a time.";
    /** What an empty project shows while an import fills it. */
    static final String IMPORTING = "Importing… the histogram shows when the import ends.";
    /** The narrowest range zooming goes to. */
    static final long MIN_RANGE_MICROS = 1_000;

    private final BackgroundWork work;
    private final ObjectProperty<Instant> cursor;
    private final ReadOnlyObjectWrapper<Histogram> histogram = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<StackBy> stackBy = new SimpleObjectProperty<>(StackBy.TYPE);
    private final BooleanProperty compressGaps = new SimpleBooleanProperty();
    private final ObjectProperty<TimeRange> brush = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<TimeRange> shown = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(EVERY_EVENT);
    private final BooleanProperty importing = new SimpleBooleanProperty();
    private Histograms histograms;
    /** Which events are counted, worked out on the worker (a query is compiled with the project's facts). */
    private Supplier<Scope> scope = () -> Scope.ALL;
    private boolean everyEvent = true;
    private BucketCounts counts;
    private TimeRange whole;
    private TaskHandle loading = TaskHandle.NONE;
    private long generation;

    /** @param cursor the application's time cursor, drawn on the histogram and moved by a click on it */
    public TimeHistogramViewModel(BackgroundWork work, ObjectProperty<Instant> cursor) {
        this.work = work;
        this.cursor = cursor;
        stackBy.addListener((obs, old, now) -> split());
        brush.addListener((obs, old, now) -> describe());
        importing.addListener((obs, old, now) -> {
            boolean saysNoTimes = status.get().equals(NO_TIMES) || status.get().equals(IMPORTING);
            if (histograms != null && whole == null && saysNoTimes) {
                status.set(noTimes());
            }
        });
    }

    /**
     * Whether an import into the project is running (set by the window's model while it runs): an empty project then
     * says its events come at the import's end rather than that none has a time.
     */
    public BooleanProperty importingProperty() {
        return importing;
    }

    private String noTimes() {
        return importing.get() ? IMPORTING : NO_TIMES;
    }

    /**
     * Counts another project's events (null: none) through {@code source}, which the caller owns and
     * closes; the brush and zoom start over, and every event is counted until {@link #setScope} says otherwise.
     */
    public void setSource(Histograms source) {
        histograms = source;
        scope = () -> Scope.ALL;
        everyEvent = true;
        title.set(EVERY_EVENT);
        whole = null;
        brush.set(null);
        reload();
    }

    /**
     * Counts only the events of {@code scope} (null: every event), called on the worker, under the title
     * {@code what}; the zoom and the brush stay, on the same grid.
     */
    public void setScope(Supplier<Scope> scope, String what) {
        if (scope == null && everyEvent) {
            return;
        }
        everyEvent = scope == null;
        this.scope = scope == null ? () -> Scope.ALL : scope;
        title.set(scope == null ? EVERY_EVENT : what);
        reload();
    }

    /** Counts again after the project changed (an import), keeping the zoom where it can. */
    public void reload() {
        long current = ++generation;
        loading.cancel();
        counts = null;
        histogram.set(null);
        if (histograms == null) {
            shown.set(null);
            status.set("");
            return;
        }
        Histograms from = histograms;
        Supplier<Scope> counted = scope;
        status.set("Counting events over time…");
        loading = BackgroundTask.of(context -> from.overview(counted.get(), context::cancelled))
                .onSuccess(overview -> {
                    if (current != generation) {
                        return;
                    }
                    whole = overview.map(o -> new TimeRange(o.fromMicros(), o.fromMicros() + o.bucketMicros() * o.buckets()))
                            .orElse(null);
                    if (whole == null) {
                        shown.set(null);
                        status.set(noTimes());
                        return;
                    }
                    TimeRange previous = shown.get();
                    show(previous != null && previous.fromMicros() >= whole.fromMicros()
                            && previous.toMicros() <= whole.toMicros() ? previous : whole);
                })
                .onFailure(error -> {
                    if (current == generation) {
                        status.set("Cannot count events over time: " + error.getMessage());
                    }
                })
                .executeAsideWith(work);
    }

    /** Shows {@code range}, clamped to the log's span. */
    public void show(TimeRange range) {
        if (whole == null || histograms == null) {
            return;
        }
        TimeRange r = clamp(range);
        long current = ++generation;
        loading.cancel();
        shown.set(r);
        Histograms from = histograms;
        Supplier<Scope> counted = scope;
        StackBy by = stackBy.get();
        TimeRange brushed = brush.get();
        // Split and described on the worker: a first split or text made classes on the FX thread (40 ms).
        loading = BackgroundTask.of(context -> from.range(r.fromMicros(), r.toMicros(), BARS, counted.get(),
                context::cancelled).map(c -> {
            Histogram h = c.histogram(by, SERIES);
            return new Counted(c, h, describe(h, brushed));
        }))
                .onSuccess(result -> {
                    if (current == generation) {
                        counts = result.map(Counted::counts).orElse(null);
                        if (result.isPresent() && by == stackBy.get()) {
                            histogram.set(result.get().histogram());
                            status.set(Objects.equals(brushed, brush.get()) ? result.get().text()
                                    : describe(result.get().histogram(), brush.get()));
                        } else {
                            split();
                        }
                    }
                })
                .onFailure(error -> {
                    if (current == generation) {
                        status.set("Cannot count events over time: " + error.getMessage());
                    }
                })
                .executeAsideWith(work);
    }

    /** Zooms by {@code factor} (below 1: in) keeping the time {@code aroundMicros} where it is. */
    public void zoom(double factor, long aroundMicros) {
        TimeRange r = shown.get();
        if (r == null) {
            return;
        }
        double f = Math.max(0.01, Math.min(100, factor));
        long from = aroundMicros - Math.round((aroundMicros - r.fromMicros()) * f);
        long length = Math.max(MIN_RANGE_MICROS, Math.round(r.length() * f));
        show(new TimeRange(from, from + length));
    }

    /** Moves the shown range by {@code deltaMicros} (negative: earlier), within the log's span. */
    public void pan(long deltaMicros) {
        TimeRange r = shown.get();
        if (r != null && deltaMicros != 0) {
            show(new TimeRange(r.fromMicros() + deltaMicros, r.toMicros() + deltaMicros));
        }
    }

    /** Shows the brushed range across the whole width. */
    public void zoomToBrush() {
        if (brush.get() != null) {
            show(brush.get());
        }
    }

    /** Shows the log's whole span again. */
    public void showWhole() {
        if (whole != null) {
            show(whole);
        }
    }

    /** Moves the application's time cursor (a click on the histogram). */
    public void moveCursor(long micros) {
        cursor.set(Micros.instant(micros));
    }

    private TimeRange clamp(TimeRange r) {
        long length = Math.min(whole.length(), Math.max(MIN_RANGE_MICROS, r.length()));
        long from = Math.max(whole.fromMicros(), Math.min(r.fromMicros(), whole.toMicros() - length));
        return new TimeRange(from, from + length);
    }

    private void split() {
        histogram.set(counts == null ? null : counts.histogram(stackBy.get(), SERIES));
        describe();
    }

    private record Counted(BucketCounts counts, Histogram histogram, String text) {
    }

    private void describe() {
        Histogram h = histogram.get();
        if (h != null) {
            status.set(describe(h, brush.get()));
        }
    }

    private static String describe(Histogram h, TimeRange b) {
        String text = TimeRange.FORMAT.format(Micros.instant(h.fromMicros())) + " – " + TimeRange.FORMAT.format(Micros.instant(h.toMicros()))
                + " · " + String.format("%,d", h.total(0, h.buckets())) + (h.total(0, h.buckets()) == 1 ? " event" : " events")
                + " · bars of " + width(h.bucketMicros());
        if (b != null) {
            text += " · brushed " + TimeRange.FORMAT.format(b.from()) + " – " + TimeRange.FORMAT.format(b.to());
        }
        return text;
    }

    /** A bar width for people: 250 µs, 20 ms, 5 s, 2 min, 6 h, 2 d. */
    static String width(long micros) {
        if (micros < 1_000) {
            return micros + " µs";
        }
        if (micros < 1_000_000) {
            return micros / 1_000 + " ms";
        }
        long seconds = micros / 1_000_000;
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3_600) {
            return seconds / 60 + " min";
        }
        if (seconds < 86_400) {
            return seconds / 3_600 + " h";
        }
        return seconds / 86_400 + " d";
    }

    public ReadOnlyObjectProperty<Histogram> histogramProperty() {
        return histogram.getReadOnlyProperty();
    }

    public ObjectProperty<StackBy> stackByProperty() {
        return stackBy;
    }

    public BooleanProperty compressGapsProperty() {
        return compressGaps;
    }

    /** The brushed range (null: none); the view under the histogram shows only its events. */
    public ObjectProperty<TimeRange> brushProperty() {
        return brush;
    }

    /** The range shown (null until counted). */
    public ReadOnlyObjectProperty<TimeRange> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    public ObjectProperty<Instant> cursorProperty() {
        return cursor;
    }

    /** What the bars count: every event, a filter's matches, the listed flows' events. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
