package eventlens.app;

import eventlens.app.base.UserFolders;
import eventlens.app.base.Styles;
import eventlens.app.imports.LogImporter;
import eventlens.app.probe.WindowProbe;
import eventlens.app.window.WindowMemory;
import eventlens.app.window.WindowSettings;
import eventlens.app.work.FxBackgroundWork;
import eventlens.app.work.SharedScriptEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * The desktop application. Started without a project it opens a temporary project (deleted on exit)
 * holding the bundled sample logs, so that there is something to look at from the first second; started
 * on a log, a temporary project of that log (decision 0076). The
 * window opens where it was last closed ({@link WindowMemory}).
 */
public final class EventLensApp extends Application {
    private FxBackgroundWork work;
    private MainViewModel model;
    private MainWindow window;
    private final List<Path> samplesDirs = new java.util.concurrent.CopyOnWriteArrayList<>();
    private Stage stage;
    private WindowMemory memory;

    /** Starts the GUI and returns when its window closes; {@code projectOrNull} is opened (created) first. */
    public static void launchGui(Path projectOrNull, String viewOrNull) {
        launchGui(projectOrNull, viewOrNull, null);
    }

    /** As above, with {@code selectOrNull} (a flow, event or aggregate id) selected once the project is open. */
    public static void launchGui(Path projectOrNull, String viewOrNull, String selectOrNull) {
        launchGui(projectOrNull, viewOrNull, selectOrNull, List.of());
    }

    /** As above, and the import dialog opened on {@code toImport} once the project is open (when not empty). */
    public static void launchGui(Path projectOrNull, String viewOrNull, String selectOrNull, List<Path> toImport) {
        launchGui(projectOrNull, viewOrNull, selectOrNull, toImport, List.of());
    }

    /**
     * As above; without a project and with {@code logs}, the window opens a temporary project named after the first
     * log with them imported (decision 0076), instead of the bundled samples.
     */
    public static void launchGui(Path projectOrNull, String viewOrNull, String selectOrNull, List<Path> toImport,
            List<Path> logs) {
        DisplayCheck.requireWindow();
        String[] args = arguments(projectOrNull, viewOrNull, selectOrNull, toImport, logs).toArray(String[]::new);
        try {
            Application.launch(EventLensApp.class, args);
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            throw new IllegalStateException("cannot open a window (" + e.getMessage() + "); on Linux JavaFX needs "
                    + "GTK 3 (apt-get install libgtk-3-0) and a display", e);
        }
    }

    /** The application's parameters for {@link #launchGui}: named ones for the options, the project unnamed. */
    static List<String> arguments(Path projectOrNull, String viewOrNull, String selectOrNull, List<Path> toImport,
            List<Path> logs) {
        List<String> argList = new java.util.ArrayList<>();
        if (!logs.isEmpty()) {
            argList.add("--logs=" + joined(logs));
        }
        if (!toImport.isEmpty()) {
            argList.add("--import=" + joined(toImport));
        }
        if (viewOrNull != null) {
            argList.add("--view=" + viewOrNull);
        }
        if (selectOrNull != null) {
            argList.add("--select=" + selectOrNull);
        }
        if (projectOrNull != null) {
            argList.add(projectOrNull.toString());
        }
        return argList;
    }

    /** Paths as one parameter's value, separated as the platform separates paths. */
    private static String joined(List<Path> paths) {
        return String.join(java.io.File.pathSeparator, paths.stream().map(Path::toString).toList());
    }

    /** The paths of a parameter {@link #joined} made. */
    private static List<Path> split(String joined) {
        return java.util.Arrays.stream(joined.split(java.io.File.pathSeparator)).map(Path::of).toList();
    }

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        ClassWarmUp.start();
        AppLog.install(UserFolders.logFile());
        work = new FxBackgroundWork();
        // The composition root: the window's services are chosen here, once.
        model = new MainViewModel(work, LogImporter.standard(),
                // Beside the window's settings, so that -Deventlens.settings keeps tests off the user's list.
                RecentProjects.storedIn(WindowSettings.location().resolveSibling("recent-projects.txt")),
                java.time.Clock.systemUTC(), new eventlens.app.work.RealTimePacer(),
                // One script engine for every replay and dry run, built on first use; model.close() ends it.
                new SharedScriptEngine());
        window = new MainWindow(model, stage::close);
        Scene scene = scene(window);
        stage.setScene(scene);
        stage.titleProperty().bind(model.projectNameProperty().concat(" — EventLens"));
        Map<String, String> named = getParameters().getNamed();
        Section first = Section.ofKey(named.getOrDefault("view", ""));
        if (first != null) {
            model.sectionProperty().set(first);
        }
        memory = new WindowMemory(WindowSettings.load(WindowSettings.location()));
        memory.remember("theme.dark", model.darkThemeProperty());
        memory.remember("flows.overTime", window.flowsOverTimeProperty());
        model.sectionProperty().subscribe(s -> memory.dividers().viewShown(scene, s.key()));
        stage.addEventHandler(WindowEvent.WINDOW_HIDING, e -> memory.save(stage));
        window.beforeShowing();
        stage.show();
        memory.place(stage);
        window.warmUp();
        List<String> args = getParameters().getUnnamed();
        Path project = args.isEmpty() ? null : Path.of(args.get(0));
        if (named.get("select") != null) {
            StartSelection.whenReady(model, work, project, named.get("select"), first, model::tell);
        }
        if (named.get("import") != null) {
            List<Path> files = split(named.get("import"));
            whenProjectReady(() -> window.showImportDialog(files));
        }
        WindowProbe.startIfAsked(stage, () -> model.hasProjectProperty().get() && !model.busyProperty().get()
                        && !window.warmingUp(),
                first == null ? Section.EVENTS.key() : first.key());
        window.setOpenSamples(this::openSamples);
        if (project == null && named.get("logs") != null) {
            List<Path> logs = split(named.get("logs"));
            Path log = logs.getFirst();
            model.openTemporaryProject(log.getFileName() == null ? log.toString() : log.getFileName().toString(), logs);
        } else if (project == null) {
            openSamples();
        } else {
            model.openProject(project);
        }
    }

    /** Runs {@code action} once, as soon as a project is open and nothing is running. */
    private void whenProjectReady(Runnable action) {
        javafx.beans.InvalidationListener[] check = new javafx.beans.InvalidationListener[1];
        check[0] = obs -> {
            if (model.hasProjectProperty().get() && !model.busyProperty().get()) {
                model.busyProperty().removeListener(check[0]);
                javafx.application.Platform.runLater(action);
            }
        };
        model.busyProperty().addListener(check[0]);
    }

    /** Opens a temporary project of the bundled samples, extracted to a folder deleted at exit. */
    private void openSamples() {
        model.openTemporaryProject("Samples", () -> {
            Path dir = Files.createTempDirectory("eventlens-samples-");
            dir.toFile().deleteOnExit();
            samplesDirs.add(dir);
            List<Path> files = SampleLogs.extractTo(dir);
            files.forEach(f -> f.toFile().deleteOnExit());
            return files;
        });
    }

    /** The scene of a main window with the application stylesheet, as tests build it too. */
    public static Scene scene(MainWindow window) {
        Scene scene = new Scene(window, 1280, 800);
        scene.getStylesheets().add(EventLensApp.class.getResource(Styles.STYLESHEET).toExternalForm());
        return scene;
    }

    @Override
    public void stop() throws IOException {
        // Platform.exit() (the probe) closes without hiding the window first.
        memory.save(stage);
        window.dispose();
        try {
            // The window is gone; the project file is closed on a worker, and exit waits for it a little.
            model.close().get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            System.getLogger("eventlens").log(System.Logger.Level.WARNING, "closing the project at exit", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        work.close();
        for (Path dir : samplesDirs) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(dir);
        }
    }
}
