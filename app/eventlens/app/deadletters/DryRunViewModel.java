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
import eventlens.model.deadletter.DeadLetterPages;
import eventlens.model.state.StateAt;
import eventlens.model.store.ProjectStore;
import eventlens.replay.deadletter.DryRetry;
import eventlens.replay.deadletter.DryRunEntry;
import eventlens.replay.deadletter.DryRunTally;
import eventlens.replay.deadletter.RetryOutcome;
import eventlens.replay.script.ReplayScript;
import eventlens.replay.script.ScriptEngine;
import eventlens.replay.script.ScriptException;
import eventlens.replay.script.ScriptLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
    /** Outcomes listed in the view; the rest are counted. */
    static final int SHOWN = 1000;

    private final BackgroundWork work;
    private final Supplier<ScriptEngine> engine;
    private final Clock clock;
    private final ObjectProperty<ReplayScript> script = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<DryRunTally> report = new ReadOnlyObjectWrapper<>();
    private final ObservableList<DryRunEntry> outcomes = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canExport = new ReadOnlyBooleanWrapper();
    private ProjectStore store;
    private DeadLetterGroups source;
    private TaskHandle handle = TaskHandle.NONE;
    private long generation;
    private Path spool;

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
        drop(spool);
        spool = null;
    }

    /**
     * Retries {@code only} (when not null) or every entry matching {@code filter}, a page at a time: the
     * first {@value #SHOWN} outcomes are listed, all are counted, and the export lines of those that would
     * now succeed wait in a temporary file, so memory stays flat for a group of any size.
     */
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
        DeadLetterPages pages = only != null ? (f, after, limit) -> after < only.key() ? List.of(only) : List.of() : dead;
        handle = BackgroundTask.of(ctx -> {
            long total = only != null ? 1 : dead.entryCount(filter);
            Path file = Files.createTempFile("eventlens-dry-run", ".jsonl");
            DeadLetterExport export = new DeadLetterExport(clock);
            List<DryRunEntry> shown = new ArrayList<>();
            long[] done = {0};
            // The window's engine, shared and closed at exit: only the retry is closed here.
            try (DryRetry retry = new DryRetry(new DeadLetterContexts(from), new StateAt(from), engine.get(), s,
                    ScriptLimits.DEFAULT, SEED);
                 Writer redeliver = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                DryRunTally tally = retry.retryEach(pages, filter, e -> {
                    if (ctx.cancelled()) {
                        throw new CancellationException();
                    }
                    if (shown.size() < SHOWN) {
                        shown.add(e);
                    }
                    if (e.succeeded()) {
                        write(redeliver, export.line(e.deadLetter()));
                    }
                    ctx.progress(Progress.of(++done[0], Math.max(total, done[0]), "Dry-run retry"));
                });
                return new Finished(tally, List.copyOf(shown), file);
            } catch (Exception | Error e) {
                drop(file);
                throw e;
            }
        }).onSuccess(r -> {
            if (gen != generation) {
                drop(r.spool());
                return;
            }
            spool = r.spool();
            report.set(r.tally());
            outcomes.setAll(r.shown());
            long more = r.tally().total() - r.shown().size();
            summary.set(r.tally().summary() + " (" + r.tally().script() + ")"
                    + (more > 0 ? " · listing the first " + r.shown().size() : ""));
            canExport.set(r.tally().count(RetryOutcome.SUCCEEDED) > 0);
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

    /** A finished run: its counts, the outcomes listed, and the export lines of those that would now succeed. */
    private record Finished(DryRunTally tally, List<DryRunEntry> shown, Path spool) {
    }

    public void cancel() {
        handle.cancel();
    }

    /**
     * Writes the entries of the last dry run that would now succeed as JSON lines for re-delivery (stamped
     * when the run wrote them); returns how many. Nothing is sent anywhere.
     */
    public long exportSucceeded(Path file) throws IOException {
        DryRunTally r = report.get();
        if (r == null || spool == null) {
            return 0;
        }
        Files.copy(spool, file, StandardCopyOption.REPLACE_EXISTING);
        long chosen = r.count(RetryOutcome.SUCCEEDED);
        summary.set(r.summary() + " · exported " + chosen + " to " + file.getFileName());
        return chosen;
    }

    private static void write(Writer out, String line) {
        try {
            out.write(line);
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void drop(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover temporary file is all that is lost
            }
        }
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

    public ReadOnlyObjectProperty<DryRunTally> reportProperty() {
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
