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

    ReplayOutput(int cap) {
        this.cap = cap;
        delivered = new RollingList<>(cap);
        published = new RollingList<>(cap);
        console = new RollingList<>(cap);
        deadLetters = new RollingList<>(cap);
        divergences = new RollingList<>(cap);
    }

    /** Moves what the feed collected into the lists; stops and ends go to {@code onStop} / {@code onEnded} afterwards. */
    void drain(ReplayFeed feed, Consumer<ReplayFeed.Stop> onStop, Consumer<RunSummary> onEnded) {
        ReplayFeed.Taken t = feed.take();
        if (t.isEmpty()) {
            return;
        }
        drains++;
        if (t.reset != null) {
            applyReset(t.reset);
        }
        deliveredCount.set(deliveredCount.get() + t.delivered.added());
        publishedCount.set(publishedCount.get() + t.published.added());
        raiseLastRecorded(t.lastRecordedPosition);
        delivered.append(t.delivered.items());
        published.append(t.published.items());
        console.append(t.console.items());
        deadLetters.append(t.deadLetters.items());
        divergences.append(t.divergences.items());
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
