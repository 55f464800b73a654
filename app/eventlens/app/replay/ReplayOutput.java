package eventlens.app.replay;

import eventlens.model.Event;
import eventlens.replay.Delivery;
import eventlens.replay.Divergence;
import eventlens.replay.ReplayDeadLetter;
import eventlens.replay.RunSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;

/**
 * What the run produced, as the view shows it: lists that keep the last {@code cap} rows each plus
 * total counts. Filled only by {@link #drain}, on the FX thread, one change per list per call, so a run
 * at full speed costs a handful of list changes per drain, not one per event.
 */
public final class ReplayOutput {
    private final int cap;
    private final RollingList<Delivery> delivered;
    private final RollingList<Event> published;
    private final RollingList<ConsoleLine> console;
    private final RollingList<ReplayDeadLetter> deadLetters;
    private final RollingList<Divergence> divergences;
    private final ReadOnlyLongWrapper deliveredCount = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper publishedCount = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper lastRecordedPosition = new ReadOnlyLongWrapper(-1);
    private final ReadOnlyObjectWrapper<RunSummary> summary = new ReadOnlyObjectWrapper<>();
    private long drains;
    /** While the engine works, rows are shown at most this often. */
    static final long ROWS_EVERY_NANOS = 300_000_000L;
    private final LongSupplier nanos;
    private long lastRows;
    /** Rows taken from the feed and not shown yet (null: none). */
    private ReplayFeed.Taken held;

    ReplayOutput(int cap) {
        this(cap, System::nanoTime);
    }

    ReplayOutput(int cap, LongSupplier nanos) {
        this.cap = cap;
        this.nanos = nanos;
        this.lastRows = nanos.getAsLong();
        delivered = new RollingList<>(cap);
        published = new RollingList<>(cap);
        console = new RollingList<>(cap);
        deadLetters = new RollingList<>(cap);
        divergences = new RollingList<>(cap);
    }

    /**
     * Moves what the feed collected into the counts at once, and into the lists at once unless the engine is
     * still {@code working} (playing, running to the end or to a time): then the rows wait for a stop, an
     * end or {@link #ROWS_EVERY_NANOS} (each append lays out every visible cell of three tables, which at
     * ten drains a second took most of the FX thread while a full-speed run scrolled by). Stops and ends go
     * to {@code onStop} / {@code onEnded} afterwards.
     */
    void drain(ReplayFeed feed, boolean working, Consumer<ReplayFeed.Stop> onStop, Consumer<RunSummary> onEnded) {
        ReplayFeed.Taken t = feed.take();
        if (t.isEmpty() && held == null) {
            return;
        }
        if (!t.isEmpty()) {
            drains++;
            if (t.reset != null) {
                held = null;
                applyReset(t.reset);
            }
            deliveredCount.set(deliveredCount.get() + t.delivered.added());
            publishedCount.set(publishedCount.get() + t.published.added());
            raiseLastRecorded(t.lastRecordedPosition);
            hold(t);
        }
        long now = nanos.getAsLong();
        if (!working || !t.after.isEmpty() || now - lastRows >= ROWS_EVERY_NANOS) {
            lastRows = now;
            ReplayFeed.Taken rows = held;
            held = null;
            delivered.append(rows.delivered.items());
            published.append(rows.published.items());
            console.append(rows.console.items());
            deadLetters.append(rows.deadLetters.items());
            divergences.append(rows.divergences.items());
        }
        for (Record o : t.after) {
            if (o instanceof ReplayFeed.Stop s) {
                summary.set(s.summary());
                onStop.accept(s);
            } else if (o instanceof ReplayFeed.Ended e) {
                summary.set(e.summary());
                onEnded.accept(e.summary());
            }
        }
    }

    /** Keeps the rows of {@code t} (the last {@link #cap} of each kind) until they are shown. */
    private void hold(ReplayFeed.Taken t) {
        if (held == null) {
            held = t;
            return;
        }
        held.delivered.addAll(t.delivered.items());
        held.published.addAll(t.published.items());
        held.console.addAll(t.console.items());
        held.deadLetters.addAll(t.deadLetters.items());
        held.divergences.addAll(t.divergences.items());
    }

    private void applyReset(ReplayFeed.Reset r) {
        clear();
        deliveredCount.set(r.summary().delivered());
        publishedCount.set(r.summary().published());
        r.deliveries().stream().filter(d -> !d.published()).mapToLong(d -> d.event().position()).max()
                .ifPresent(this::raiseLastRecorded);
        delivered.append(r.deliveries());
        published.append(r.outputs().published());
        // Logs and failures interleaved by step, as they were printed (a stable sort keeps logs first).
        List<Map.Entry<Long, ConsoleLine>> lines = new ArrayList<>();
        r.outputs().logs().forEach(l -> lines.add(Map.entry(l.delivery(), ConsoleLine.of(l))));
        r.outputs().failures().forEach(f -> lines.add(Map.entry(f.delivery(), ConsoleLine.of(f))));
        lines.sort(Map.Entry.comparingByKey());
        console.append(lines.stream().map(Map.Entry::getValue).toList());
        deadLetters.append(r.outputs().deadLetters());
        divergences.append(r.outputs().divergences());
        summary.set(r.summary());
    }

    private void raiseLastRecorded(long position) {
        if (position > lastRecordedPosition.get()) {
            lastRecordedPosition.set(position);
        }
    }

    /** Empties everything (a new session). */
    void clear() {
        held = null;
        delivered.clear();
        published.clear();
        console.clear();
        deadLetters.clear();
        divergences.clear();
        deliveredCount.set(0);
        lastRecordedPosition.set(-1);
        publishedCount.set(0);
        summary.set(null);
    }

    void log(ConsoleLine line) {
        console.append(List.of(line));
    }

    void setSummary(RunSummary s) {
        summary.set(s);
    }

    /** Number of drains that found something (for tests and the status). */
    long drains() {
        return drains;
    }

    public int cap() {
        return cap;
    }

    public ObservableList<Delivery> delivered() {
        return delivered;
    }

    public ObservableList<Event> published() {
        return published;
    }

    public ObservableList<ConsoleLine> console() {
        return console;
    }

    public ObservableList<ReplayDeadLetter> deadLetters() {
        return deadLetters;
    }

    public ObservableList<Divergence> divergences() {
        return divergences;
    }

    /** Steps delivered in total (the list keeps the last {@link #cap()}). */
    public ReadOnlyLongProperty deliveredCountProperty() {
        return deliveredCount.getReadOnlyProperty();
    }

    /** Log position of the last recorded event delivered (-1: none), for the progress over the slice. */
    public ReadOnlyLongProperty lastRecordedPositionProperty() {
        return lastRecordedPosition.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty publishedCountProperty() {
        return publishedCount.getReadOnlyProperty();
    }

    /** The counts as of the last stop, end or reset; null before. */
    public ReadOnlyObjectProperty<RunSummary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
