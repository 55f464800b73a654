package eventlens.app.replay;

import eventlens.model.Event;
import eventlens.replay.Delivery;
import eventlens.replay.Divergence;
import eventlens.replay.ReplayDeadLetter;
import eventlens.replay.RunSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;

/**
 * What the run produced, as the view shows it: lists that keep the last {@code cap} rows each plus
 * total counts. Filled only by {@link #drain}, on the FX thread, one {@code addAll} per list per call,
 * so a run at full speed costs a handful of list changes per frame, not one per event.
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
        List<ReplayFeed.Item> items = feed.take();
        if (items.isEmpty()) {
            return;
        }
        drains++;
        Batch b = new Batch();
        List<ReplayFeed.Item> after = new ArrayList<>();
        for (ReplayFeed.Item o : items) {
            switch (o) {
                case ReplayFeed.Reset r -> {
                    b = new Batch();
                    after.clear();
                    applyReset(r);
                }
                case ReplayFeed.Delivered d -> b.delivered.add(d.delivery());
                case ReplayFeed.Published p -> b.published.add(p.event());
                case ReplayFeed.Logged l -> b.console.add(ConsoleLine.of(l.line()));
                case ReplayFeed.Failed f -> b.console.add(ConsoleLine.of(f.failure()));
                case ReplayFeed.DeadLettered d -> b.deadLetters.add(d.deadLetter());
                case ReplayFeed.Diverged d -> b.divergences.add(d.divergence());
                case ReplayFeed.Stop s -> after.add(s);
                case ReplayFeed.Ended e -> after.add(e);
            }
        }
        apply(b);
        for (ReplayFeed.Item o : after) {
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
        Batch b = new Batch();
        b.delivered.addAll(r.deliveries());
        b.published.addAll(r.outputs().published());
        // Logs and failures interleaved by step, as they were printed (a stable sort keeps logs first).
        List<ReplayFeed.Item> lines = new ArrayList<>();
        r.outputs().logs().forEach(l -> lines.add(new ReplayFeed.Logged(l)));
        r.outputs().failures().forEach(f -> lines.add(new ReplayFeed.Failed(f)));
        lines.sort(java.util.Comparator.comparingLong(o -> o instanceof ReplayFeed.Logged l ? l.line().delivery()
                : ((ReplayFeed.Failed) o).failure().delivery()));
        lines.forEach(o -> b.console.add(o instanceof ReplayFeed.Logged l ? ConsoleLine.of(l.line())
                : ConsoleLine.of(((ReplayFeed.Failed) o).failure())));
        b.deadLetters.addAll(r.outputs().deadLetters());
        b.divergences.addAll(r.outputs().divergences());
        apply(b);
        summary.set(r.summary());
    }

    private void apply(Batch b) {
        deliveredCount.set(deliveredCount.get() + b.delivered.size());
        b.delivered.stream().filter(d -> !d.published()).mapToLong(d -> d.event().position()).max()
                .ifPresent(p -> lastRecordedPosition.set(Math.max(p, lastRecordedPosition.get())));
        publishedCount.set(publishedCount.get() + b.published.size());
        append(delivered, b.delivered);
        append(published, b.published);
        append(console, b.console);
        append(deadLetters, b.deadLetters);
        append(divergences, b.divergences);
    }

    private static <T> void append(RollingList<T> list, List<T> rows) {
        list.append(rows);
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
        append(console, List.of(line));
    }

    void setSummary(RunSummary s) {
        summary.set(s);
    }

    private static final class Batch {
        final List<Delivery> delivered = new ArrayList<>();
        final List<Event> published = new ArrayList<>();
        final List<ConsoleLine> console = new ArrayList<>();
        final List<ReplayDeadLetter> deadLetters = new ArrayList<>();
        final List<Divergence> divergences = new ArrayList<>();
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
