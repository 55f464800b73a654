package eventlens.app.replay;

import eventlens.app.work.BackgroundTask;
import eventlens.app.work.BackgroundWork;
import eventlens.model.store.ProjectStore;
import eventlens.replay.RunReducers;
import eventlens.replay.run.ReplayRuns;
import eventlens.replay.run.RunComparison;
import eventlens.replay.run.RunDifference;
import eventlens.replay.run.StoredReplay;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The runs stored in the project: saved when a run finishes, listed newest first, compared two at a time. */
public final class RunsViewModel {
    private final BackgroundWork work;
    private final ObservableList<StoredReplay> runs = FXCollections.observableArrayList();
    private final ObservableList<RunDifference> differences = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper comparison = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<FinishedRun> lastRun = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<StoredReplay> selected = new ReadOnlyObjectWrapper<>();
    private ProjectStore store;

    RunsViewModel(BackgroundWork work) {
        this.work = work;
    }

    void setStore(ProjectStore newStore) {
        store = newStore;
        replaceLastRun(null);
        selected.set(null);
        runs.clear();
        differences.clear();
        comparison.set("");
        reload();
    }

    /** Re-reads the list. */
    public void reload() {
        reload(0);
    }

    /** Re-reads the list, then selects run {@code number} (0: keeps the selection when the run is still listed). */
    private void reload(long number) {
        ProjectStore s = store;
        if (s == null) {
            return;
        }
        BackgroundTask.of(context -> new ReplayRuns(s).list())
                .onSuccess(list -> {
                    if (store == s) {
                        long keep = number != 0 ? number : selected.get() == null ? 0 : selected.get().id();
                        runs.setAll(list);
                        selectRun(list.stream().filter(r -> r.id() == keep).findFirst().orElse(null));
                    }
                })
                .executeWith(work);
    }

    /** The run picked in the list (the last one picked when two are, to compare). */
    public void selectRun(StoredReplay run) {
        selected.set(run);
    }

    /** Shows run {@code number} selected (a run link, Back): read again when the list does not have it yet. */
    public void reveal(long number) {
        runs.stream().filter(r -> r.id() == number).findFirst()
                .ifPresentOrElse(this::selectRun, () -> reload(number));
    }

    /** The selected run (null: none), which the Replay view's place keeps. */
    public ReadOnlyObjectProperty<StoredReplay> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** Stores a finished run; it then becomes {@link #lastRunProperty() the last run} the other views show. */
    void save(RunningSession r, SessionHolder holder) {
        ProjectStore s = store;
        if (s == null) {
            return;
        }
        if (s.isReadOnly()) {
            comparison.set("The project is read-only: this run is shown but not stored.");
            return;
        }
        BackgroundTask.of(context -> {
            var outputs = r.session().outputs();
            long id = new ReplayRuns(s).save(r.settings(), r.started(), r.session().summary(), outputs);
            // A second script context only when the run showed the script folds aggregates: compiling it took the
            // second core just as the finished run's rows were laid out (the longest frame at the end of a run).
            RunReducers reducers = r.session().rebuildsAggregates()
                    ? RunReducers.load(holder.engine(), r.settings().script(), r.settings().limits()) : null;
            return new FinishedRun(id, outputs.published(), reducers);
        }).onSuccess(run -> {
            replaceLastRun(store == s ? run : null);
            if (store != s) {
                run.close();
            }
            reload();
        }).onFailure(e -> comparison.set("Cannot store the run: " + e.getMessage())).executeWith(work);
    }

    private void replaceLastRun(FinishedRun next) {
        FinishedRun old = lastRun.get();
        lastRun.set(next);
        if (old != null) {
            old.close();
        }
    }

    /** Compares two stored runs (older on the left) and lists their differences. */
    public void compare(StoredReplay left, StoredReplay right) {
        ProjectStore s = store;
        if (s == null || left == null || right == null) {
            return;
        }
        BackgroundTask.of(context -> {
            ReplayRuns stored = new ReplayRuns(s);
            StoredReplay a = stored.load(left.id()).orElseThrow();
            StoredReplay b = stored.load(right.id()).orElseThrow();
            return RunComparison.of(a.outputs(), b.outputs());
        }).onSuccess(c -> {
            differences.setAll(c.differences());
            comparison.set(String.format("run %d vs run %d: %,d matched, %,d differences", left.id(), right.id(),
                    c.matched(), c.differences().size()));
        }).onFailure(e -> comparison.set("Cannot compare: " + e.getMessage())).executeWith(work);
    }

    /** Ends the last run's script context (the view closes). */
    void dispose() {
        replaceLastRun(null);
    }

    /** The last run that finished and was stored (null: none yet in this project). */
    public ReadOnlyObjectProperty<FinishedRun> lastRunProperty() {
        return lastRun.getReadOnlyProperty();
    }

    public ObservableList<StoredReplay> runs() {
        return runs;
    }

    public ObservableList<RunDifference> differences() {
        return differences;
    }

    public ReadOnlyStringProperty comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }

    static List<String> columns() {
        return List.of("kind", "cause", "type", "left", "right");
    }
}
