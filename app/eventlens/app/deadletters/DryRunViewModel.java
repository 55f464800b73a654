package eventlens.app.deadletters;

import eventlens.app.work.BackgroundTask;
import eventlens.app.work.BackgroundWork;
import eventlens.app.work.Progress;
import eventlens.app.work.TaskHandle;
import eventlens.model.DeadLetter;
import eventlens.model.deadletter.DeadLetterContexts;
import eventlens.model.deadletter.DeadLetterExport;
import eventlens.model.deadletter.DeadLetterFilter;
import eventlens.model.deadletter.DeadLetterGroups;
import eventlens.model.state.StateAt;
import eventlens.model.store.ProjectStore;
import eventlens.replay.deadletter.DryRetry;
import eventlens.replay.deadletter.DryRunEntry;
import eventlens.replay.deadletter.DryRunReport;
import eventlens.replay.script.ReplayScript;
import eventlens.replay.script.ScriptEngine;
import eventlens.replay.script.ScriptException;
import eventlens.replay.script.ScriptLimits;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Dry-run retries from the Dead letters view: the chosen script, a run over one entry or a group (on a
 * worker, cancellable), the summary line and the outcome of every entry, and the export of those that
 * would now succeed. Uses seed 0, like {@code eventlens dlq --retry}, so both give the same outcomes.
 */
public final class DryRunViewModel {
    static final long SEED = 0;

    private final BackgroundWork work;
    private final Supplier<ScriptEngine> engine;
    private final Clock clock;
    private final ObjectProperty<ReplayScript> script = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<DryRunReport> report = new ReadOnlyObjectWrapper<>();
    private final ObservableList<DryRunEntry> outcomes = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canExport = new ReadOnlyBooleanWrapper();
    private ProjectStore store;
    private DeadLetterGroups source;
    private TaskHandle handle = TaskHandle.NONE;
    private long generation;

    DryRunViewModel(BackgroundWork work, Supplier<ScriptEngine> engine) {
        this(work, engine, Clock.systemUTC());
    }

    DryRunViewModel(BackgroundWork work, Supplier<ScriptEngine> engine, Clock clock) {
        this.work = work;
        this.engine = engine;
        this.clock = clock;
        BundledScripts.load(BundledScripts.NAMES.get(0)).ifPresent(script::set);
    }

    void setStore(ProjectStore newStore, DeadLetterGroups newSource) {
        store = newStore;
        source = newSource;
        clear();
    }

    void clear() {
        handle.cancel();
        generation++;
        report.set(null);
        outcomes.clear();
        summary.set("");
        running.set(false);
        canExport.set(false);
    }

    /** Retries {@code only} (when not null) or every entry matching {@code filter}. */
    void run(DeadLetterFilter filter, DeadLetter only) {
        ReplayScript s = script.get();
        if (s == null || store == null) {
            summary.set("Choose a script first.");
            return;
        }
        clear();
        long gen = generation;
        running.set(true);
        summary.set("Retrying through " + s.name() + "…");
        ProjectStore from = store;
        DeadLetterGroups dead = source;
        handle = BackgroundTask.of(ctx -> {
            List<DeadLetter> todo = only != null ? List.of(only) : DryRetry.entries(dead, filter);
            // The window's engine, shared and closed at exit: only the retry is closed here.
            try (DryRetry retry = new DryRetry(new DeadLetterContexts(from), new StateAt(from), engine.get(), s,
                    ScriptLimits.DEFAULT, SEED)) {
                List<DryRunEntry> done = new ArrayList<>(todo.size());
                for (DeadLetter d : todo) {
                    if (ctx.cancelled()) {
                        throw new CancellationException();
                    }
                    done.add(retry.retry(d));
                    ctx.progress(Progress.of(done.size(), todo.size(), "Dry-run retry"));
                }
                return retry.report(done);
            }
        }).onSuccess(r -> {
            if (gen == generation) {
                report.set(r);
                outcomes.setAll(r.entries());
                summary.set(r.summary() + " (" + r.script() + ")");
                canExport.set(!r.succeeded().isEmpty());
            }
        }).onFailure(e -> {
            if (gen == generation) {
                summary.set(e instanceof ScriptException se ? "The script does not load: " + se.error().describe()
                        : "Dry run failed: " + e.getMessage());
            }
        }).onCancelled(() -> {
            if (gen == generation) {
                summary.set("Dry run cancelled.");
            }
        }).onFinished(() -> {
            if (gen == generation) {
                running.set(false);
            }
        }).executeWith(work);
    }

    public void cancel() {
        handle.cancel();
    }

    /**
     * Writes the entries of the last dry run that would now succeed as JSON lines for re-delivery;
     * returns how many. Nothing is sent anywhere.
     */
    public int exportSucceeded(Path file) throws IOException {
        DryRunReport r = report.get();
        if (r == null) {
            return 0;
        }
        DeadLetterExport export = new DeadLetterExport(clock);
        List<DeadLetter> chosen = r.succeeded();
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (DeadLetter d : chosen) {
                w.write(export.line(d));
                w.write('\n');
            }
        }
        summary.set(r.summary() + " · exported " + chosen.size() + " to " + file.getFileName());
        return chosen.size();
    }

    /** Shows a failure of the view's own (e.g. an export that could not be written) on the summary line. */
    void reportFailure(String text) {
        summary.set(text);
    }

    /** Reads a script file as the chosen script. */
    public void loadScript(Path file) throws IOException {
        script.set(new ReplayScript(file.getFileName().toString(), Files.readString(file)));
    }

    public ObjectProperty<ReplayScript> scriptProperty() {
        return script;
    }

    public ReadOnlyObjectProperty<DryRunReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public ObservableList<DryRunEntry> outcomes() {
        return FXCollections.unmodifiableObservableList(outcomes);
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canExportProperty() {
        return canExport.getReadOnlyProperty();
    }
}
