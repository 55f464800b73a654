package eventlens.app;

import eventlens.app.aggregates.AggregatesViewModel;
import eventlens.app.bookmarks.BookmarksViewModel;
import eventlens.app.deadletters.DeadLettersViewModel;
import eventlens.app.schemas.SchemasViewModel;
import eventlens.app.links.EventFields;
import eventlens.app.links.IdLink;
import eventlens.app.events.EventDetailViewModel;
import eventlens.app.events.EventPages;
import eventlens.app.events.EventsViewModel;
import eventlens.app.flows.FlowListViewModel;
import eventlens.app.flows.OpenFlowViewModel;
import eventlens.app.flows.ShapeViewModel;
import eventlens.app.imports.ImportsViewModel;
import eventlens.app.imports.ImportRequest;
import eventlens.app.imports.LogImporter;
import eventlens.app.replay.ReplayViewModel;
import eventlens.app.work.BackgroundTask;
import eventlens.app.work.BackgroundWork;
import eventlens.app.work.SharedScriptEngine;
import eventlens.app.time.TimeHistogramViewModel;
import eventlens.model.store.Bookmarks.Bookmark;
import eventlens.model.store.ProjectStore;
import java.nio.file.Files;
import java.nio.file.Path;
import eventlens.replay.Pacer;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The main window's composition root and project lifecycle: it wires the child view models once, opens,
 * creates and closes the project they all follow, and holds the navigator's section and the status bar's
 * message. Imports run through {@link ProjectImport}, the status bar's counts are {@link ProjectCounts}.
 */
public final class MainViewModel {
    /** The extension of project files, in the window, the command line's examples and the README. */
    public static final String PROJECT_EXTENSION = ".eventlens";

    private final BackgroundWork work;
    private final SharedScriptEngine scripts;
    private final EventsViewModel events;
    private final ImportsViewModel imports;
    private final DeadLettersViewModel deadLetters;
    private final SchemasViewModel schemas;
    private final FlowListViewModel flowList;
    private final OpenFlowViewModel openFlow;
    private final ShapeViewModel flowShape;
    private final AggregatesViewModel aggregates;
    private final ReplayViewModel replay;
    private final BookmarksViewModel bookmarks;
    private final Places places;
    private final LinkTargets links;
    private final ViewHistograms histograms;
    private final ObjectProperty<Instant> timeCursor = new SimpleObjectProperty<>();
    private final ObjectProperty<Section> section = new SimpleObjectProperty<>(Section.EVENTS);
    private final BooleanProperty darkTheme = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper projectName = new ReadOnlyStringWrapper("No project");
    private final LongAction action;
    private final StatusMessage status = new StatusMessage();
    private final ProjectImport importing;
    private final ProjectIndexing indexing;
    private final ProjectCounts counts;
    private final RecentProjects recent;
    private final ReadOnlyObjectWrapper<Path> projectFile = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper hasProject = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<ProjectStore> project = new ReadOnlyObjectWrapper<>();
    private ProjectSession session;

    /** A view model whose recent projects are forgotten on exit (tests). */
    public MainViewModel(BackgroundWork work, LogImporter importer) {
        this(work, importer, RecentProjects.inMemory());
    }

    public MainViewModel(BackgroundWork work, LogImporter importer, RecentProjects recent) {
        this(work, importer, recent, Clock.systemUTC(), new eventlens.app.work.RealTimePacer(), new SharedScriptEngine());
    }

    /**
     * The window's view models, wired once: the services (background work, the importer, the recent
     * projects, the clock that stamps replay runs, the replay's pacer, the one script engine of replay and
     * dry-run retries) come from the caller, the start-up code being the one place that chooses them; every
     * child view model follows {@link #projectProperty()}, the one project context. {@link #close()} closes
     * the script engine.
     */
    public MainViewModel(BackgroundWork work, LogImporter importer, RecentProjects recent, Clock clock, Pacer pacer,
            SharedScriptEngine scripts) {
        this.work = work;
        this.scripts = scripts;
        this.recent = recent;
        this.action = new LongAction(work);
        this.importing = new ProjectImport(importer, action, status);
        this.indexing = new ProjectIndexing(work, status);
        this.counts = new ProjectCounts(work);
        // A task that fails without a handler of its own is shown here rather than lost.
        work.failures().setOnUnhandled(status::show);
        EventDetailViewModel detail = new EventDetailViewModel(work);
        this.events = new EventsViewModel(work, detail);
        events.importingProperty().bind(importing.runningProperty());
        this.imports = new ImportsViewModel(work);
        this.deadLetters = new DeadLettersViewModel(work, scripts);
        this.schemas = new SchemasViewModel(work);
        this.openFlow = new OpenFlowViewModel(work, new EventDetailViewModel(work));
        // The list opens its rows in the open flow and finds the row of whatever flow that shows.
        this.flowList = new FlowListViewModel(work, openFlow);
        this.flowShape = new ShapeViewModel(work, openFlow);
        this.aggregates = new AggregatesViewModel(work, timeCursor);
        // The histograms count what their views list; their brushes narrow those views to a time range.
        this.histograms = new ViewHistograms(work, timeCursor, events, flowList);
        histograms.events().importingProperty().bind(importing.runningProperty());
        histograms.flows().importingProperty().bind(importing.runningProperty());
        events.setShowFlow(this::showFlow);
        events.setTimeCursor(timeCursor::set);
        openFlow.setShowInEvents(this::showInEvents);
        // Selecting an event of a flow moves the time cursor to it: the aggregates follow.
        openFlow.selectedNodeProperty().addListener((obs, old, now) -> openFlow.selected()
                .map(node -> node.event().time()).ifPresent(timeCursor::set));
        aggregates.setNavigation(this::showInEvents, this::showFlow);
        deadLetters.setFollow(this::follow);
        schemas.setShowInEvents(this::showInEvents);
        section.subscribe(now -> schemas.setShown(now == Section.SCHEMAS));
        this.replay = new ReplayViewModel(work, scripts, clock, pacer, timeCursor, new EventDetailViewModel(work));
        replay.setShowFlow(this::showFlow);
        // The ids in every detail pane are links to their views.
        for (EventDetailViewModel pane : List.of(events.detail(), openFlow.detail(), replay.selection().detail())) {
            pane.setFollow(this::follow);
        }
        // A finished run: its published events show as a branch of their flows, its reducers can rebuild
        // the aggregates.
        replay.runs().lastRunProperty().subscribe(run -> {
            openFlow.setReplayRun(run == null ? 0 : run.id(), run == null ? List.of() : run.published());
            aggregates.setReplayRun(run == null ? 0 : run.id(),
                    run == null || !run.hasReducers() ? null : run.reducers().reducers());
        });
        this.bookmarks = new BookmarksViewModel(work);
        bookmarks.setOpen(this::openBookmark, status::info);
        Views views = new Views(section, events, openFlow, aggregates, deadLetters, replay.runs());
        this.places = new Places(views);
        this.links = new LinkTargets(places, views);
        project.addListener((obs, old, store) -> attach(store));
    }

    /** Where the user is: the view, its selection, the events filter. */
    Navigation.Place here() {
        return places.here();
    }

    /** Alt+Left: the place before this one. */
    public void goBack() {
        places.back();
    }

    /** Alt+Right: the place left by going back. */
    public void goForward() {
        places.forward();
    }

    public ReadOnlyBooleanProperty canGoBackProperty() {
        return places.canGoBackProperty();
    }

    public ReadOnlyBooleanProperty canGoForwardProperty() {
        return places.canGoForwardProperty();
    }

    /** A link to where the user is ({@code eventlens://open?…}); null without a project file. */
    public Link currentLink() {
        Path file = projectFile.get();
        if (file == null) {
            return null;
        }
        Navigation.Place place = here();
        return new Link(file, place.section(), place.id());
    }

    /** Bookmarks where the user is (the view and its selection, what a link names) with {@code note}. */
    public void addBookmark(String note) {
        Navigation.Place place = here();
        bookmarks.add(place.section().key(), place.id(), note);
    }

    /**
     * Goes to a bookmark as {@code gui --view V --select ID} would, as a new place: Back returns to where the
     * user was, even when the bookmark is in the same view.
     */
    private void openBookmark(Bookmark bookmark) {
        Section view = Section.ofKey(bookmark.view());
        if (view == null) {
            status.info("The bookmark names a view this EventLens does not have: " + bookmark.view());
            return;
        }
        ProjectStore from = project.get();
        if (bookmark.selection() == null || from == null) {
            section.set(view);
            return;
        }
        BackgroundTask.of(context -> StartSelection.classify(from, bookmark.selection()))
                .onSuccess(found -> {
                    if (project.get() != from) {
                        return;
                    }
                    if (found.kind() != StartSelection.Kind.UNKNOWN) {
                        places.leave();
                    }
                    found.showIn(this, view, status::info);
                })
                .named("Opening a bookmark")
                .executeWith(work);
    }

    /** The open project's bookmarks. */
    public BookmarksViewModel bookmarks() {
        return bookmarks;
    }

    /** Every view model follows the open project (null: none); the one place they are told. */
    private void attach(ProjectStore store) {
        for (EventDetailViewModel detail : List.of(events.detail(), openFlow.detail(), replay.selection().detail())) {
            detail.setDeliveries(store == null ? null : store::deliveryCount);
            detail.setCopies(store == null ? null : store::deliveries);
            detail.setDeadLetters(store == null ? null : id -> store.deadLettersOf(id, EventFields.DEAD_LETTERS_LISTED + 1));
        }
        events.setSource(store == null ? null : EventPages.of(store));
        imports.setStore(store);
        deadLetters.setStore(store);
        schemas.setStore(store);
        // The open flow first: the list then counts without locating the previous project's flow.
        openFlow.setStore(store);
        flowList.setStore(store);
        flowShape.setStore(store);
        aggregates.setStore(store);
        replay.setStore(store);
        histograms.setStore(store);
        bookmarks.setStore(store);
        indexing.follow(store);
        if (store == null) {
            timeCursor.set(null);
        }
        places.startOver();
    }

    /** The open project's store (null: none): the project context every view model follows. */
    public ReadOnlyObjectProperty<ProjectStore> projectProperty() {
        return project.getReadOnlyProperty();
    }

    /** Switches to the flows view showing the flow of this event, with the event selected. */
    public void showFlow(String eventId) {
        links.showFlow(eventId);
    }

    /** Follows an id link to its view ({@link LinkTargets}); a new place, so Alt+Left comes back. */
    public void follow(IdLink link) {
        links.follow(link);
    }

    /** Switches to the events view with this filter applied (e.g. {@code corr:txn-1}). */
    public void showInEvents(String filter) {
        links.showInEvents(filter);
    }

    /** File → Recent projects: opens it, or says it is gone and forgets it. */
    public void openRecent(Path file) {
        if (!Files.exists(file)) {
            recent.remove(file);
            status.info("The project " + file + " no longer exists; it was removed from the recent projects");
            return;
        }
        openProject(file);
    }

    /** Opens (or creates) the project file. */
    public void openProject(Path file) {
        openProject(file, () -> ProjectStore.open(file));
    }

    /**
     * Opens the project file read-only even where it could be written: nothing is written to it, not even a
     * checkpoint of its log, also when an older EventLens wrote it (what {@code benchmark ui --project P
     * --read-only} browses).
     */
    public void openProjectReadOnly(Path file) {
        openProject(file, () -> ProjectStore.openReadOnly(file, true));
    }

    private void openProject(Path file, Callable<ProjectStore> open) {
        runBusy("Opening " + file.getFileName() + "…", BackgroundTask.of(context -> open.call())
                .onSuccess(store -> {
                    show(ProjectSession.kept(store, nameOf(file)));
                    recent.add(file);
                    status.clear();
                })
                .onFailure(error -> status.failure("Cannot open " + file.getFileName(), error)));
    }

    /**
     * Creates a temporary project (deleted on close) from {@code files}: the bundled samples, or
     * files dropped before any project was open.
     */
    public void openTemporaryProject(String name, List<Path> files) {
        openTemporaryProject(name, () -> files, files.isEmpty() ? null : files.getFirst().toAbsolutePath().getParent());
    }

    /** As above, with files that are prepared on the worker (the samples are copied out of the jar). */
    public void openTemporaryProject(String name, Callable<List<Path>> files) {
        openTemporaryProject(name, files, null);
    }

    private void openTemporaryProject(String name, Callable<List<Path>> files, Path folder) {
        runBusy("Preparing " + name + "…", BackgroundTask.of(context -> {
            List<Path> toImport = files.call();
            Path file = Files.createTempFile("eventlens-", ".eventlens");
            Files.delete(file);
            // Also on a kill (SIGTERM), not only on a normal close.
            ProjectStore.files(file).forEach(f -> f.toFile().deleteOnExit());
            return new Prepared(ProjectStore.open(file), toImport);
        }).onSuccess(prepared -> {
            show(new ProjectSession(prepared.store(), name, true, folder));
            status.clear();
            if (!prepared.files().isEmpty()) {
                startImport(prepared.files());
            }
        }).onFailure(error -> status.failure("Cannot create a project", error)));
    }

    /**
     * Saves a copy of the open project as {@code target} and goes on in the copy (File → Save project as…): how a
     * temporary project — a log opened by {@code eventlens gui LOG}, files dropped on an empty window, the samples —
     * is kept (decision 0076). The project left is closed as any other (a temporary one is deleted).
     */
    public void saveProjectAs(Path target) {
        if (session == null || action.busyProperty().get()) {
            return;
        }
        ProjectStore from = session.store();
        runBusy("Saving the project as " + target.getFileName() + "…", BackgroundTask.of(context -> {
            from.copyTo(target);
            return ProjectStore.open(target);
        }).onSuccess(copy -> {
            show(ProjectSession.kept(copy, nameOf(target)));
            recent.add(target);
            status.info("Saved as " + target.toAbsolutePath());
        }).onFailure(error -> status.failure("Cannot save the project as " + target.getFileName(), error)));
    }

    /**
     * The file name File → Save project as… suggests: the project's name (a temporary project's without the extension of
     * the log it is named after), with characters no file name may hold replaced, and the projects' extension.
     */
    public String saveName() {
        String name = session == null ? "project" : session.temporary()
                ? session.name().replaceFirst("(.)\\.[^.]*$", "$1") : session.name();
        return name.replaceAll("[\\\\/:*?\"<>|]", "_") + PROJECT_EXTENSION;
    }

    /** The folder File → Save project as… starts in: the project's, or its logs' when it is temporary; null: none. */
    public Path saveFolder() {
        return session == null ? null : session.folder();
    }

    /** Imports files into the open project (into a new temporary one when none is open). */
    public void importFiles(List<Path> files) {
        importFiles(ImportRequest.automatic(files));
    }

    /** Imports as the import dialog decided: a chosen reader and field mapping. */
    public void importFiles(ImportRequest request) {
        if (request.files().isEmpty() || action.busyProperty().get()) {
            return;
        }
        if (session == null) {
            if (!request.isAutomatic()) {
                status.info("Open or create a project first, then import with a chosen format or mapping.");
                return;
            }
            openTemporaryProject("Untitled project", request.files());
            return;
        }
        startImport(request);
    }

    private void startImport(List<Path> files) {
        startImport(ImportRequest.automatic(files));
    }

    private void startImport(ImportRequest request) {
        importing.start(session.store(), request, this::refresh);
    }

    /** Cancels the running import or opening; an import is rolled back. */
    public void cancel() {
        action.cancel();
    }

    /** Re-reads the counts and the views' data from the store. */
    public void refresh() {
        if (session == null) {
            return;
        }
        events.reload();
        imports.reload();
        deadLetters.reload();
        schemas.reload();
        flowList.reload();
        aggregates.refresh();
        histograms.reload();
        refreshCounts();
        indexing.start();
    }

    /** What the project's indexes are at while the window builds them (decision 0067), for the status bar; else empty. */
    public ReadOnlyStringProperty indexingProperty() {
        return indexing.stateProperty();
    }

    private void refreshCounts() {
        counts.refresh(session.store(), store -> session != null && session.store() == store);
    }

    /**
     * Closes the project (deleting it when temporary) and the script engine for good, at exit: the returned
     * future completes when the file is closed, which happens on a worker after the running work was
     * cancelled; closing the engine first cancels a script still running there.
     */
    public CompletableFuture<Void> close() {
        action.cancel();
        replay.dispose();
        scripts.close();
        return closeSession();
    }

    /** File → Close project: the window stays, with no project. */
    public void closeProject() {
        action.cancel();
        closeSession();
        hasProject.set(false);
        projectFile.set(null);
        projectName.set("No project");
        counts.clear();
        status.clear();
    }

    /**
     * Detaches the views from the project, then closes its store on a worker: the FX thread never waits
     * for a query still running on it.
     */
    private CompletableFuture<Void> closeSession() {
        CompletableFuture<Void> closed = new CompletableFuture<>();
        ProjectSession closing = session;
        if (closing == null) {
            closed.complete(null);
            return closed;
        }
        session = null;
        project.set(null);
        BackgroundTask.of(context -> {
            try {
                closing.close();
                return null;
            } finally {
                closed.complete(null);
            }
        }).named("Closing " + closing.name())
                .onFailure(error -> status.failure("Cannot close the project", error))
                .executeWith(work);
        return closed;
    }

    private void show(ProjectSession next) {
        closeSession();
        session = next;
        hasProject.set(true);
        projectFile.set(next.temporary() ? null : next.store().file());
        projectName.set(next.name() + (next.store().isReadOnly() ? " (read-only)" : ""));
        project.set(next.store());
        refreshCounts();
    }

    private <T> void runBusy(String text, BackgroundTask<T> task) {
        action.run(text, task);
    }

    private static String nameOf(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private record Prepared(ProjectStore store, List<Path> files) {
    }

    /** The histogram of events over time under the events view. */
    public TimeHistogramViewModel histogram() {
        return histograms.events();
    }

    /** The histogram of the listed flows' events over time under the flows view. */
    public TimeHistogramViewModel flowHistogram() {
        return histograms.flows();
    }

    public EventsViewModel events() {
        return events;
    }

    public DeadLettersViewModel deadLetters() {
        return deadLetters;
    }

    public SchemasViewModel schemas() {
        return schemas;
    }

    /** The flows view's list of flows. */
    public FlowListViewModel flowList() {
        return flowList;
    }

    /** The flow the flows view shows, with its selected event. */
    public OpenFlowViewModel openFlow() {
        return openFlow;
    }

    /** The shape of a root type in the flows view. */
    public ShapeViewModel flowShape() {
        return flowShape;
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
        return counts.eventsProperty();
    }

    public ReadOnlyLongProperty deadLetterCountProperty() {
        return counts.deadLettersProperty();
    }

    public ReadOnlyLongProperty importErrorCountProperty() {
        return counts.importErrorsProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return action.busyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return action.progressProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return action.textProperty();
    }

    /** The last thing the user should know: an import's summary, a cancellation, an error. */
    public ReadOnlyStringProperty messageProperty() {
        return status.textProperty();
    }

    /** The message and, for a failure, its details to copy. */
    public StatusMessage status() {
        return status;
    }

    /** The open project's file (null: none, or a temporary project). */
    public ReadOnlyObjectProperty<Path> projectFileProperty() {
        return projectFile.getReadOnlyProperty();
    }

    /** The background work the views' own dialogs use (the import preview). */
    public BackgroundWork work() {
        return work;
    }

    public RecentProjects recentProjects() {
        return recent;
    }

    public ReadOnlyBooleanProperty hasProjectProperty() {
        return hasProject.getReadOnlyProperty();
    }

    /** Shows a short message in the status bar (e.g. what {@code gui --select} could not find). */
    public void tell(String text) {
        status.info(text);
    }
}
