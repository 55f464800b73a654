package eventlens.app.replay;

import eventlens.app.work.BackgroundTask;
import eventlens.app.work.BackgroundWork;
import eventlens.model.store.ProjectStore;
import eventlens.replay.run.ReplayRuns;
import eventlens.replay.run.RunComparison;
import eventlens.replay.run.RunDifference;
import eventlens.replay.run.StoredReplay;
import java.util.List;
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
    private ProjectStore store;

    RunsViewModel(BackgroundWork work) {
        this.work = work;
    }

    void setStore(ProjectStore newStore) {
        store = newStore;
        runs.clear();
        differences.clear();
        comparison.set("");
        reload();
    }

    /** Re-reads the list. */
    public void reload() {
        ProjectStore s = store;
        if (s == null) {
            return;
        }
        BackgroundTask.of(context -> new ReplayRuns(s).list())
                .onSuccess(list -> {
                    if (store == s) {
                        runs.setAll(list);
                    }
                })
                .executeWith(work);
    }

    void save(RunningSession r) {
        ProjectStore s = store;
        if (s == null) {
            return;
        }
        BackgroundTask.of(context -> new ReplayRuns(s).save(r.settings(), r.started(), r.session().summary(),
                r.session().outputs())).onSuccess(id -> reload()).executeWith(work);
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
