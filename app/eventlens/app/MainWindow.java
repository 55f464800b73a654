package eventlens.app;

import eventlens.app.base.AfterFrames;
import eventlens.app.base.SkinsAhead;
import eventlens.app.base.StyledInPieces;
import eventlens.app.base.WarmsUp;
import eventlens.app.base.Styles;
import eventlens.app.aggregates.AggregatesView;
import eventlens.app.bookmarks.BookmarksMenu;
import eventlens.app.deadletters.DeadLettersView;
import eventlens.app.events.EventsView;
import eventlens.app.imports.ImportDialog;
import eventlens.app.imports.ImportDialogModel;
import eventlens.importers.ImporterRegistry;
import eventlens.app.flows.FlowsView;
import eventlens.app.imports.ImportsView;
import eventlens.app.replay.ReplayKeys;
import eventlens.app.replay.ReplayView;
import eventlens.app.schemas.SchemasView;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.Subscription;

/** The main window: menu, navigator, the active view, and the status bar with progress and cancel. */
public final class MainWindow extends BorderPane {
    /** How long one task of the warm-up's skin making may hold the FX thread. */
    private static final int SKIN_SLICE_MILLIS = 20;
    /** The most nodes the warm-up styles in one task, where a view can be taken apart ({@link StyledInPieces}). */
    private static final int STYLE_PIECE_NODES = 60;
    private final MainViewModel model;
    private final Runnable quit;
    private final ViewShelf shelf = new ViewShelf();
    private final Map<Section, Node> views = new EnumMap<>(Section.class);
    private boolean warming;
    /** The view the warm-up is styling a piece at a time, until it is whole again; else null. */
    private StyledInPieces pieces;
    /** Set by {@link #dispose()}: a warm-up still under way stops. */
    private boolean disposed;
    private final EventsView eventsView;
    private final FlowsView flowsView;
    private final AggregatesView aggregatesView;
    private final DeadLettersView deadLettersView;
    private final ReplayView replayView;
    private final SchemasView schemasView;
    private Runnable openSamples = () -> { };
    private BookmarksMenu bookmarksMenu;
    /** What this window observes on its view model, which may outlive it; ended by {@link #dispose()}. */
    private Subscription subscriptions = Subscription.EMPTY;

    public MainWindow(MainViewModel model, Runnable quit) {
        this.model = model;
        this.quit = quit;
        getStyleClass().add(Styles.ROOT);
        eventsView = new EventsView(model.events());
        eventsView.setTimeHistogram(new eventlens.app.time.TimeHistogramView(model.histogram(), "time-histogram"));
        eventsView.showWhenNoProject(new StartPane(model.recentProjects().paths(), () -> chooseProject(true),
                () -> chooseProject(false), () -> openSamples.run(), model::openRecent), model.hasProjectProperty());
        views.put(Section.EVENTS, eventsView);
        flowsView = new FlowsView(model.flowList(), model.openFlow(), model.flowShape());
        flowsView.setTimeHistogram(new eventlens.app.time.TimeHistogramView(model.flowHistogram(), "flow-histogram"),
                () -> model.flowHistogram().brushProperty().set(null));
        views.put(Section.FLOWS, flowsView);
        aggregatesView = new AggregatesView(model.aggregates());
        views.put(Section.AGGREGATES, aggregatesView);
        replayView = new ReplayView(model.replay());
        views.put(Section.REPLAY, replayView);
        views.put(Section.IMPORTS, new ImportsView(model.imports()));
        deadLettersView = new DeadLettersView(model.deadLetters());
        views.put(Section.DEAD_LETTERS, deadLettersView);
        schemasView = new SchemasView(model.schemas());
        views.put(Section.SCHEMAS, schemasView);
        setTop(menuBar());
        setLeft(navigator());
        setCenter(shelf.area());
        followMouseButtons();
        setBottom(statusBar());
        observe(model.sectionProperty().subscribe(this::show));
        observe(model.darkThemeProperty().subscribe(on -> {
            getStyleClass().remove(Styles.DARK);
            if (on) {
                getStyleClass().add(Styles.DARK);
            }
        }));
        acceptDroppedFiles();
    }

    private MenuBar menuBar() {
        MenuItem newProject = item("New project…", "Shortcut+N", () -> chooseProject(true));
        MenuItem open = item("Open project…", "Shortcut+O", () -> chooseProject(false));
        Menu recent = new Menu("Recent projects");
        recent.setId("menu-recent");
        fillRecent(recent);
        model.recentProjects().paths().addListener((javafx.collections.ListChangeListener<Path>) c -> fillRecent(recent));
        MenuItem saveAs = item("Save project as…", "Shortcut+Shift+S", this::chooseSaveAs);
        saveAs.setId("menu-save-as");
        saveAs.disableProperty().bind(model.hasProjectProperty().not().or(model.busyProperty()));
        MenuItem close = item("Close project", "Shortcut+W", model::closeProject);
        close.setId("menu-close-project");
        close.disableProperty().bind(model.hasProjectProperty().not().or(model.busyProperty()));
        MenuItem importLog = item("Import log…", "Shortcut+I", this::chooseLogs);
        importLog.disableProperty().bind(model.busyProperty());
        MenuItem exit = item("Quit", "Shortcut+Q", quit);
        Menu file = new Menu("File", null, newProject, open, recent, saveAs, close, new SeparatorMenuItem(), importLog,
                new SeparatorMenuItem(), exit);
        MenuItem filter = item("Filter events", "Shortcut+F", () -> {
            model.sectionProperty().set(Section.EVENTS);
            eventsView.focusFilter();
        });
        MenuItem showFlow = item("Show flow of the selected event", "Shortcut+Shift+F",
                () -> model.events().showFlowOfSelected());
        CheckMenuItem dark = new CheckMenuItem("Dark theme");
        dark.selectedProperty().bindBidirectional(model.darkThemeProperty());
        MenuItem back = item("Back", "Alt+Left", model::goBack);
        back.setId("menu-back");
        back.disableProperty().bind(model.canGoBackProperty().not());
        MenuItem forward = item("Forward", "Alt+Right", model::goForward);
        forward.setId("menu-forward");
        forward.disableProperty().bind(model.canGoForwardProperty().not());
        MenuItem copyLink = item("Copy link", "Shortcut+Shift+L", this::copyLink);
        copyLink.setId("menu-copy-link");
        copyLink.disableProperty().bind(model.hasProjectProperty().not());
        Menu view = new Menu("View", null, filter, showFlow, dark, new SeparatorMenuItem(), back, forward, copyLink,
                new SeparatorMenuItem());
        // Ctrl+1 … Ctrl+7 in navigator order.
        Section[] sections = Section.values();
        for (int i = 0; i < sections.length; i++) {
            Section s = sections[i];
            view.getItems().add(item(s.title(), i < 9 ? "Shortcut+" + (i + 1) : null, () -> model.sectionProperty().set(s)));
        }
        Menu replay = replayMenu();
        MenuItem keys = item("Keyboard shortcuts", "F1", () -> HelpDialogs.showShortcuts(window(), shortcutMenus()));
        keys.setId("menu-shortcuts");
        MenuItem language = item("Filter language", null, () -> HelpDialogs.showFilterLanguage(window()));
        language.setId("menu-filter-language");
        MenuItem about = item("About EventLens", null, () -> HelpDialogs.showAbout(window(), model.projectFileProperty().get()));
        about.setId("menu-about");
        Menu help = new Menu("Help", null, keys, language, about);
        bookmarksMenu = new BookmarksMenu(model.bookmarks(), this::placeInWords, model::addBookmark, this::window);
        return new MenuBar(file, view, bookmarksMenu, replay, help);
    }

    /**
     * The debugger's keys, also as menu commands: each switches to the Replay view and acts there. While
     * the Replay view has the focus it handles the keys itself (and consumes them), so each acts once.
     */
    private Menu replayMenu() {
        var r = model.replay();
        MenuItem playPause = replayItem("Play / Pause", ReplayKeys.PLAY_PAUSE, r::togglePlay);
        MenuItem step = replayItem("Step", ReplayKeys.STEP, r::step);
        MenuItem stepBack = replayItem("Step back", ReplayKeys.STEP_BACK, r::stepBack);
        MenuItem toCursor = replayItem("Run to time cursor", ReplayKeys.RUN_TO_CURSOR, r::runToCursor);
        for (MenuItem i : List.of(playPause, step, stepBack, toCursor)) {
            i.disableProperty().bind(r.loadedProperty().not());
        }
        MenuItem load = item("Load script", null, () -> {
            model.sectionProperty().set(Section.REPLAY);
            r.load();
        });
        return new Menu("Replay", null, load, new SeparatorMenuItem(), playPause, step, stepBack, toCursor);
    }

    private MenuItem replayItem(String text, KeyCombination key, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setAccelerator(key);
        item.setOnAction(e -> {
            model.sectionProperty().set(Section.REPLAY);
            action.run();
        });
        return item;
    }

    /** The menus whose accelerators the shortcuts dialog lists. */
    private List<Menu> shortcutMenus() {
        return getTop() instanceof MenuBar bar ? bar.getMenus() : List.of();
    }

    private void fillRecent(Menu recent) {
        recent.getItems().clear();
        for (Path p : model.recentProjects().paths()) {
            MenuItem item = new MenuItem(p.getFileName() + "  —  " + (p.getParent() == null ? "" : p.getParent()));
            item.setMnemonicParsing(false);
            item.setOnAction(e -> model.openRecent(p));
            recent.getItems().add(item);
        }
        recent.setDisable(recent.getItems().isEmpty());
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    /** Puts an {@code eventlens://} link to the current view and selection on the clipboard ({@code eventlens gui LINK} reopens it). */
    private void copyLink() {
        Link link = model.currentLink();
        if (link == null) {
            model.tell("This project has no file to link to.");
            return;
        }
        javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
        content.putString(link.toString());
        javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
        model.tell("Copied " + link);
    }

    /** Where the user is, for the bookmark dialog's header: "Flows, evt-1". */
    private String placeInWords() {
        Navigation.Place here = model.here();
        return here.section().title() + (here.id() == null ? "" : ", " + here.id());
    }

    /** The mouse's back and forward buttons (4 and 5) go back and forward, as in a browser. */
    private void followMouseButtons() {
        addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getButton() == javafx.scene.input.MouseButton.BACK) {
                model.goBack();
                e.consume();
            } else if (e.getButton() == javafx.scene.input.MouseButton.FORWARD) {
                model.goForward();
                e.consume();
            }
        });
    }

    private ListView<Section> navigator() {
        ListView<Section> list = new ListView<>();
        list.getItems().setAll(Section.values());
        list.getStyleClass().add(Styles.NAVIGATOR);
        list.setId("navigator");
        list.setPrefWidth(170);
        list.getSelectionModel().select(model.sectionProperty().get());
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.sectionProperty().set(now);
            }
        });
        observe(model.sectionProperty().subscribe(now -> list.getSelectionModel().select(now)));
        return list;
    }

    private HBox statusBar() {
        Label project = status(model.projectNameProperty());
        project.setId("status-project");
        Label events = status(counted(model.eventCountProperty(), "event"));
        events.setId("status-events");
        Label dead = status(counted(model.deadLetterCountProperty(), "dead letter"));
        Label errors = status(counted(model.importErrorCountProperty(), "import error"));
        errors.setId("status-import-errors");
        errors.setOnMouseClicked(e -> model.sectionProperty().set(Section.IMPORTS));
        observe(model.importErrorCountProperty().subscribe(now -> {
            errors.getStyleClass().remove(Styles.STATUS_WARNING);
            if (now.longValue() > 0) {
                errors.getStyleClass().add(Styles.STATUS_WARNING);
            }
        }));
        Label cursor = status(Bindings.createStringBinding(() -> model.timeCursorProperty().get() == null ? ""
                : "◎ cursor " + model.timeCursorProperty().get(), model.timeCursorProperty()));
        cursor.setId("status-time-cursor");
        cursor.setTooltip(new javafx.scene.control.Tooltip("The time cursor: the Aggregates view shows states at it"));
        Label message = new Label();
        message.setId("status-message");
        message.textProperty().bind(model.messageProperty());
        message.setMinWidth(0);
        javafx.scene.control.Tooltip fullMessage = new javafx.scene.control.Tooltip();
        fullMessage.textProperty().bind(model.messageProperty());
        message.setTooltip(fullMessage);
        javafx.scene.control.Hyperlink copy = new javafx.scene.control.Hyperlink("Copy details");
        copy.setId("status-copy-details");
        copy.setMinWidth(Region.USE_PREF_SIZE);
        copy.visibleProperty().bind(model.status().detailsProperty().isNotEmpty());
        copy.managedProperty().bind(copy.visibleProperty());
        copy.setOnAction(e -> {
            javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
            content.putString(model.status().textProperty().get() + System.lineSeparator()
                    + model.status().detailsProperty().get());
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        Label progressText = new Label();
        progressText.textProperty().bind(model.progressTextProperty());
        ProgressBar bar = new ProgressBar();
        bar.setPrefWidth(160);
        bar.progressProperty().bind(model.progressProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("cancel-import");
        cancel.setOnAction(e -> model.cancel());
        HBox progress = new HBox(8, progressText, bar, cancel);
        progress.visibleProperty().bind(model.busyProperty());
        progress.managedProperty().bind(progress.visibleProperty());

        Label indexing = status(model.indexingProperty());
        indexing.setId("status-indexing");
        indexing.visibleProperty().bind(model.indexingProperty().isNotEmpty());
        indexing.managedProperty().bind(indexing.visibleProperty());
        HBox statusBar = new HBox(14, project, events, dead, errors, cursor, message, copy, spacer, indexing, progress);
        for (Label fixed : new Label[] {project, events, dead, errors, cursor}) {
            fixed.setMinWidth(Region.USE_PREF_SIZE);
        }
        statusBar.getStyleClass().add(Styles.STATUS_BAR);
        return statusBar;
    }

    private static javafx.beans.binding.StringBinding counted(javafx.beans.value.ObservableLongValue count,
                                                            String noun) {
        return Bindings.createStringBinding(() -> String.format("%,d %s%s", count.get(), noun,
                count.get() == 1 ? "" : "s"), count);
    }

    private static Label status(javafx.beans.value.ObservableStringValue text) {
        Label label = new Label();
        label.getStyleClass().add(Styles.STATUS_ITEM);
        label.textProperty().bind(text);
        return label;
    }

    /** What "Open the samples" does (the application knows where it extracts them and cleans up). */
    public void setOpenSamples(Runnable action) {
        openSamples = action;
    }

    /** The Flows view's "Over time" toggle (remembered between runs with the window's settings). */
    public javafx.beans.property.BooleanProperty flowsOverTimeProperty() {
        return flowsView.overTimeProperty();
    }

    /**
     * Prepares in the scene, before the window first shows, what its first frames would otherwise make in one go:
     * the Events table's rows ({@link EventsView#makeRowsAhead()}, decision 0080). Called between setting the scene
     * and showing the stage; it delays the first frame by about 0.2 s.
     */
    public void beforeShowing() {
        eventsView.makeRowsAhead();
    }

    /**
     * Prepares every view not shown yet, one after the other, so that its first showing costs a layout pass
     * only: each is put behind the shown one, transparent, styled and laid out, and kept there for two
     * frames, so that the scene graph's render peers are made too (making them took most of the Flows
     * view's first showing); then it stays in the scene, hidden ({@link ViewShelf}). Nothing of it is ever seen. Called once the
     * window is up (the first showing of the Replay view took 330 ms of CSS, of Flows 60–140 ms).
     */
    public void warmUp() {
        warming = true;
        // From the second frame: the window's first paint does not wait for the hidden views' styling.
        AfterFrames.run(2, () -> warmUp(new java.util.ArrayDeque<>(views.keySet())));
    }

    /** True while {@link #warmUp()} is still preparing views (read on the FX thread). */
    public boolean warmingUp() {
        return warming;
    }

    private void warmUp(java.util.Deque<Section> left) {
        Section section = left.poll();
        if (section == null || disposed) {
            warming = false;
            return;
        }
        // Tasks of their own, so that input and frames come between them: the skins of its controls, a slice at a time
        // (SkinsAhead), styling a piece at a time (StyledInPieces), the layout at the screen's size, the view's own
        // warm-up steps. In one task each, styling a view took up to 260 ms of the FX thread in the window's first
        // seconds, and the Flows view's own warm-up up to 0.5 s (2026-12-03).
        Node view = views.get(section);
        if (view.getScene() != null || getScene() == null) {
            warmUp(left);
            return;
        }
        SkinsAhead.make(view, SKIN_SLICE_MILLIS, () -> {
            if (disposed) {
                return;
            }
            if (view.getScene() != null || getScene() == null) {
                warmUp(left);
                return;
            }
            pieces = StyledInPieces.takeApart(view, STYLE_PIECE_NODES);
            shelf.warm(view);
            // Unmanaged, at the size it is laid out at next, until then: the pulses between its pieces lay it out at
            // that size, not at the area's (a split pane keeps the dividers of its first layout as the window grows).
            view.setManaged(false);
            javafx.geometry.Dimension2D size = warmSize();
            view.resize(size.getWidth(), size.getHeight());
            styleWarming(view, left);
        });
    }

    /** Styles the warming view a piece at a time, a task each ({@link StyledInPieces}), then lays it out. */
    private void styleWarming(Node view, java.util.Deque<Section> left) {
        if (disposed || pieces == null) {
            return;
        }
        boolean more = pieces.styleNext();
        if (more) {
            Platform.runLater(() -> styleWarming(view, left));
        } else {
            pieces = null;
            Platform.runLater(() -> layOutWarming(view, left));
        }
    }

    private void layOutWarming(Node view, java.util.Deque<Section> left) {
        if (disposed) {
            return;
        }
        if (view instanceof javafx.scene.Parent parent && shelf.shown() != view) {
            javafx.geometry.Dimension2D size = warmSize();
            parent.resize(size.getWidth(), size.getHeight());
            parent.layout();
            view.setManaged(true);
        }
        Platform.runLater(() -> endWarming(view, left));
    }

    private void endWarming(Node view, java.util.Deque<Section> left) {
        List<Runnable> steps = view instanceof WarmsUp warming ? warming.warmUp() : List.of();
        warmUpSteps(view, new java.util.ArrayDeque<>(steps), left);
    }

    /** Runs the view's own warm-up steps, a task each, then ends its warm-up two frames after the last. */
    private void warmUpSteps(Node view, java.util.Deque<Runnable> steps, java.util.Deque<Section> left) {
        if (disposed) {
            return;
        }
        Runnable step = steps.poll();
        if (step != null) {
            step.run();
            Platform.runLater(() -> warmUpSteps(view, steps, left));
            return;
        }
        AfterFrames.run(2, () -> {
            if (view instanceof WarmsUp warming && !disposed) {
                warming.endWarmUp();
            }
            if (view instanceof WarmsUp warming && warming.leavesWithItsWarmUp()) {
                shelf.endWarm(view);
                warmUp(left);
                return;
            }
            // Two frames more: what the view got back from its warm-up is laid out before it is hidden.
            AfterFrames.run(2, () -> {
                shelf.endWarm(view);
                warmUp(left);
            });
        });
    }

    /**
     * The size a view is laid out at in the warm-up: at least the size of the screen, as the window may still be at its
     * first, small size (647×407 in the 10M benchmark), and a view laid out that small makes too few table rows for
     * the window sized after it; tables keep the rows made here for any smaller size.
     */
    private javafx.geometry.Dimension2D warmSize() {
        javafx.geometry.Rectangle2D screen = screenBounds();
        return new javafx.geometry.Dimension2D(Math.max(shelf.area().getWidth(), screen.getWidth()),
                Math.max(shelf.area().getHeight(), screen.getHeight()));
    }

    /** The visual bounds of the screen the window is on (the primary screen when unknown). */
    private javafx.geometry.Rectangle2D screenBounds() {
        javafx.stage.Window w = getScene().getWindow();
        var screens = w == null ? java.util.List.<javafx.stage.Screen>of()
                : javafx.stage.Screen.getScreensForRectangle(w.getX(), w.getY(), w.getWidth(), w.getHeight());
        return (screens.isEmpty() ? javafx.stage.Screen.getPrimary() : screens.get(0)).getVisualBounds();
    }

    /** Shows one view; the others stay in the scene, hidden, while nothing in them changes ({@link ViewShelf}). */
    private void show(Section section) {
        Node view = views.computeIfAbsent(section, PlaceholderView::new);
        if (pieces != null && pieces.view() == view) {
            // Shown while the warm-up styles it a piece at a time: it is shown whole, its pieces styled by the pulse.
            pieces.finish();
        }
        shelf.show(view);
    }

    private void acceptDroppedFiles() {
        setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() && !model.busyProperty().get()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles();
            if (ok) {
                model.importFiles(e.getDragboard().getFiles().stream().map(File::toPath).toList());
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    private void chooseProject(boolean create) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(create ? "New project" : "Open project");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("EventLens projects",
                        "*" + MainViewModel.PROJECT_EXTENSION, "*.db"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File file = create ? chooser.showSaveDialog(window()) : chooser.showOpenDialog(window());
        if (file != null) {
            model.openProject(create ? withExtension(file.toPath()) : file.toPath());
        }
    }

    /** A project file named without an extension gets the projects' one. */
    private static Path withExtension(Path path) {
        return path.getFileName().toString().contains(".") ? path
                : path.resolveSibling(path.getFileName() + MainViewModel.PROJECT_EXTENSION);
    }

    private void chooseSaveAs() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save project as");
        Path folder = model.saveFolder();
        if (folder != null && Files.isDirectory(folder)) {
            chooser.setInitialDirectory(folder.toFile());
        }
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("EventLens projects",
                "*" + MainViewModel.PROJECT_EXTENSION));
        chooser.setInitialFileName(model.saveName());
        File file = chooser.showSaveDialog(window());
        if (file != null) {
            model.saveProjectAs(withExtension(file.toPath()));
        }
    }

    private void chooseLogs() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import log");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("All files", "*"),
                new FileChooser.ExtensionFilter("JSON lines, JSON, CSV", "*.jsonl", "*.ndjson", "*.json", "*.csv", "*.gz"));
        List<File> files = chooser.showOpenMultipleDialog(window());
        if (files != null && !files.isEmpty()) {
            showImportDialog(files.stream().map(File::toPath).toList());
        }
    }

    /** The import dialog on these files: a preview, a reader and a mapping to choose, then the import. */
    public void showImportDialog(List<Path> files) {
        ImportDialogModel preview = new ImportDialogModel(model.work(), ImporterRegistry.standard(), files);
        ImportDialog dialog = new ImportDialog(preview, window());
        dialog.getDialogPane().getStylesheets().addAll(getScene() == null ? List.of() : getScene().getStylesheets());
        dialog.showAndWait().ifPresent(model::importFiles);
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    /** Removes the listeners this window put on its view model, which outlives it in tests. */
    public void dispose() {
        disposed = true;
        if (pieces != null) {
            pieces.finish();
            pieces = null;
        }
        subscriptions.unsubscribe();
        bookmarksMenu.dispose();
        replayView.dispose();
        eventsView.dispose();
        flowsView.dispose();
        aggregatesView.dispose();
        deadLettersView.dispose();
        schemasView.dispose();
    }

    private void observe(Subscription subscription) {
        subscriptions = subscriptions.and(subscription);
    }
}
