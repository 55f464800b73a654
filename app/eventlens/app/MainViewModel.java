package eventlens.app;

import eventlens.app.aggregates.AggregatesViewModel;
import eventlens.app.deadletters.DeadLettersViewModel;
import eventlens.app.events.EventDetailViewModel;
import eventlens.app.events.EventSource;
import eventlens.app.events.EventsViewModel;
import eventlens.app.flows.FlowsViewModel;
import eventlens.app.imports.ImportsViewModel;
import eventlens.app.imports.LogImporter;
import eventlens.app.replay.ReplayViewModel;
import eventlens.app.work.BackgroundTask;
import eventlens.app.work.BackgroundWork;
import eventlens.app.work.Progress;
import eventlens.app.work.TaskHandle;
import eventlens.importers.ImportCancelledException;
import eventlens.importers.ImportListener;
import eventlens.importers.ImportSummary;
import eventlens.model.store.ProjectStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The main window's state: the open project, its counts for the status bar, the running import with
 * its progress and cancel, the last message for the user, and the navigator's section.
 */
public final class MainViewModel {
    static final String CANCELLED = "Import cancelled — the project is unchanged";

    private final BackgroundWork work;
    private final LogImporter importer;
    private final EventsViewModel events;
    private final ImportsViewModel imports;
    private final DeadLettersViewModel deadLetters;
    private final FlowsViewModel flows;
    private final AggregatesViewModel aggregates;
    private final ReplayViewModel replay;
    private final ObjectProperty<Instant> timeCursor = new SimpleObjectProperty<>();
    private final ObjectProperty<Section> section = new SimpleObjectProperty<>(Section.EVENTS);
    private final BooleanProperty darkTheme = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper projectName = new ReadOnlyStringWrapper("No project");
    private final ReadOnlyLongWrapper eventCount = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper deadLetterCount = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper importErrorCount = new ReadOnlyLongWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper hasProject = new ReadOnlyBooleanWrapper();
    private ProjectSession session;
    private TaskHandle running = TaskHandle.NONE;
    /** Tells a finished task whether a newer one has taken over the status bar since. */
    private long busyGeneration;

    public MainViewModel(BackgroundWork work, LogImporter importer) {
        this.work = work;
        this.importer = importer;
        EventDetailViewModel detail = new EventDetailViewModel(work);
        this.events = new EventsViewModel(work, detail);
        this.imports = new ImportsViewModel(work);
        this.deadLetters = new DeadLettersViewModel(work);
        this.flows = new FlowsViewModel(work, new EventDetailViewModel(work));
        this.aggregates = new AggregatesViewModel(work, timeCursor);
        events.setShowFlow(this::showFlow);
        events.setTimeCursor(timeCursor::set);
        flows.setShowInEvents(this::showInEvents);
        // Selecting an event of a flow moves the time cursor to it: the aggregates follow.
        flows.selectedNodeProperty().addListener((obs, old, now) -> flows.selected()
                .map(node -> node.event().time()).ifPresent(timeCursor::set));
        aggregates.setNavigation(this::showInEvents, this::showFlow);
        deadLetters.setShowFlow(this::showFlow);
        this.replay = new ReplayViewModel(work, Clock.systemUTC(), MainViewModel::sleep, timeCursor,
                new EventDetailViewModel(work));
        replay.setShowFlow(this::showFlow);
        // A finished run's published events show as a branch of their flows.
        // A finished run: its published events show as a branch of their flows, its reducers can rebuild
        // the aggregates.
        replay.runs().lastRunProperty().subscribe(run -> {
            flows.setReplayRun(run == null ? 0 : run.id(), run == null ? List.of() : run.published());
            aggregates.setReplayRun(run == null ? 0 : run.id(),
                    run == null || !run.hasReducers() ? null : run.reducers().reducers());
        });
    }

    /** Switches to the flows view showing the flow of this event, with the event selected. */
    public void showFlow(String eventId) {
        section.set(Section.FLOWS);
        flows.showFlowOf(eventId);
    }

    /** Switches to the events view with this filter applied (e.g. {@code corr:txn-1}). */
    public void showInEvents(String filter) {
        events.filterTextProperty().set(filter);
        events.applyFilter();
        section.set(Section.EVENTS);
    }

    /** Opens (or creates) the project file. */
    public void openProject(Path file) {
        runBusy("Opening " + file.getFileName() + "…", BackgroundTask.of(context -> ProjectStore.open(file))
                .onSuccess(store -> show(new ProjectSession(store, nameOf(file), false)))
                .onFailure(error -> message.set("Cannot open " + file.getFileName() + ": " + error.getMessage())));
    }

    /**
     * Creates a temporary project (deleted on close) from {@code files}: the bundled samples, or
     * files dropped before any project was open.
     */
    public void openTemporaryProject(String name, List<Path> files) {
        openTemporaryProject(name, () -> files);
    }

    /** As above, with files that are prepared on the worker (the samples are copied out of the jar). */
    public void openTemporaryProject(String name, Callable<List<Path>> files) {
        runBusy("Preparing " + name + "…", BackgroundTask.of(context -> {
            List<Path> toImport = files.call();
            Path file = Files.createTempFile("eventlens-", ".eventlens");
            Files.delete(file);
            // Also on a kill (SIGTERM), not only on a normal close.
            ProjectStore.files(file).forEach(f -> f.toFile().deleteOnExit());
            return new Prepared(ProjectStore.open(file), toImport);
        }).onSuccess(prepared -> {
            show(new ProjectSession(prepared.store(), name, true));
            if (!prepared.files().isEmpty()) {
                startImport(prepared.files());
            }
        }).onFailure(error -> message.set("Cannot create a project: " + error.getMessage())));
    }

    /** Imports files into the open project (into a new temporary one when none is open). */
    public void importFiles(List<Path> files) {
        if (files.isEmpty() || busy.get()) {
            return;
        }
        if (session == null) {
            openTemporaryProject("Untitled project", files);
            return;
        }
        startImport(files);
    }

    private void startImport(List<Path> files) {
        ProjectStore store = session.store();
        String what = files.size() == 1 ? files.get(0).getFileName().toString() : files.size() + " files";
        runBusy("Importing " + what + "…", BackgroundTask.of(context -> importer.importFiles(store, files,
                new ImportListener() {
                    @Override
                    public void progress(long bytesDone, long bytesTotal, long records) {
                        context.progress(Progress.of(bytesDone, bytesTotal, "Importing " + what + " — "
                                + records + " records"));
                    }

                    @Override
                    public boolean cancelled() {
                        return context.cancelled();
                    }
                }))
                .onSuccess(summary -> {
                    message.set(describe(summary));
                    refresh();
                })
                .onCancelled(() -> message.set(CANCELLED))
                .onFailure(error -> message.set(error instanceof ImportCancelledException ? CANCELLED
                        : "Import failed: " + error.getMessage())));
    }

    /** Cancels the running import or opening; an import is rolled back. */
    public void cancel() {
        running.cancel();
    }

    static String describe(ImportSummary s) {
        StringBuilder b = new StringBuilder("Imported ").append(s.imported()).append(s.imported() == 1 ? " event" : " events");
        b.append(" · ").append(s.duplicates()).append(s.duplicates() == 1 ? " duplicate · " : " duplicates · ").append(s.skipped()).append(" skipped · ")
                .append(s.failed()).append(" failed");
        if (s.deadLetters() > 0) {
            b.append(" · ").append(s.deadLetters()).append(" dead letters");
        }
        if (s.failed() > 0) {
            b.append(" — see Imports for the errors");
        }
        return b.toString();
    }

    /** Re-reads the counts and the views' data from the store. */
    public void refresh() {
        if (session == null) {
            return;
        }
        events.reload();
        imports.reload();
        deadLetters.reload();
        flows.reload();
        aggregates.refresh();
        refreshCounts();
    }

    private void refreshCounts() {
        ProjectStore store = session.store();
        BackgroundTask.of(context -> new long[] {store.eventCount(), store.deadLetterCount(), store.importErrorCount()})
                .onSuccess(counts -> {
                    if (session != null && session.store() == store) {
                        eventCount.set(counts[0]);
                        deadLetterCount.set(counts[1]);
                        importErrorCount.set(counts[2]);
                    }
                })
                .executeWith(work);
    }

    /** Closes the project (deleting it when temporary). */
    public void close() {
        running.cancel();
        replay.dispose();
        closeSession();
    }

    private void closeSession() {
        if (session != null) {
            flows.setStore(null);
            aggregates.setStore(null);
            deadLetters.setStore(null);
            replay.setStore(null);
            timeCursor.set(null);
            try {
                session.close();
            } catch (IOException | RuntimeException e) {
                message.set("Cannot close the project: " + e.getMessage());
            }
            session = null;
        }
    }

    private void show(ProjectSession next) {
        closeSession();
        session = next;
        hasProject.set(true);
        projectName.set(next.name());
        events.detail().setDeliveries(next.store()::deliveryCount);
        events.detail().setCopies(next.store()::deliveries);
        events.setSource(EventSource.of(next.store()));
        imports.setStore(next.store());
        deadLetters.setStore(next.store());
        flows.detail().setDeliveries(next.store()::deliveryCount);
        flows.detail().setCopies(next.store()::deliveries);
        flows.setStore(next.store());
        aggregates.setStore(next.store());
        replay.selection().detail().setDeliveries(next.store()::deliveryCount);
        replay.selection().detail().setCopies(next.store()::deliveries);
        replay.setStore(next.store());
        refreshCounts();
    }

    /** The replay's pacer at a recorded pace: a real wait, on the replay's worker. */
    private static void sleep(Duration wait) throws InterruptedException {
        Thread.sleep(wait);
    }

    private <T> void runBusy(String text, BackgroundTask<T> task) {
        long current = ++busyGeneration;
        busy.set(true);
        progress.set(-1);
        progressText.set(text);
        task.onProgress(p -> {
            progress.set(p.fraction());
            progressText.set(p.message());
        }).onFinished(() -> {
            if (current == busyGeneration) {
                busy.set(false);
                progressText.set("");
                running = TaskHandle.NONE;
            }
        });
        TaskHandle handle = task.executeWith(work);
        if (current == busyGeneration && busy.get()) {
            running = handle;
        }
    }

    private static String nameOf(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private record Prepared(ProjectStore store, List<Path> files) {
    }

    public EventsViewModel events() {
        return events;
    }

    public DeadLettersViewModel deadLetters() {
        return deadLetters;
    }

    public FlowsViewModel flows() {
        return flows;
    }

    public AggregatesViewModel aggregates() {
        return aggregates;
    }

    public ReplayViewModel replay() {
        return replay;
    }

    /**
     * The time chosen anywhere in the application (null: none): the aggregates view's slider and
     * stepper set it, "Set time cursor here" on an event sets it, selecting an event of a flow sets
     * it; the aggregates view shows the state at it.
     */
    public ObjectProperty<Instant> timeCursorProperty() {
        return timeCursor;
    }

    public ImportsViewModel imports() {
        return imports;
    }

    public BooleanProperty darkThemeProperty() {
        return darkTheme;
    }

    public ObjectProperty<Section> sectionProperty() {
        return section;
    }

    public ReadOnlyStringProperty projectNameProperty() {
        return projectName.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty eventCountProperty() {
        return eventCount.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty deadLetterCountProperty() {
        return deadLetterCount.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty importErrorCountProperty() {
        return importErrorCount.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** The last thing the user should know: an import's summary, a cancellation, an error. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasProjectProperty() {
        return hasProject.getReadOnlyProperty();
    }

    /** Shows a short message in the status bar (e.g. what {@code gui --select} could not find). */
    public void tell(String text) {
        message.set(text);
    }
}
