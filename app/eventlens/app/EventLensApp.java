package eventlens.app;

import eventlens.app.imports.LogImporter;
import eventlens.app.work.FxBackgroundWork;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The desktop application. Started without a project it opens a temporary project (deleted on exit)
 * holding the bundled sample logs, so that there is something to look at from the first second.
 */
public final class EventLensApp extends Application {
    private FxBackgroundWork work;
    private MainViewModel model;
    private MainWindow window;
    private volatile Path samplesDir;

    /** Starts the GUI and returns when its window closes; {@code projectOrNull} is opened (created) first. */
    public static void launchGui(Path projectOrNull, String viewOrNull) {
        String problem = DisplayCheck.problem(System.getenv(), System.getProperty("os.name", ""),
                System.getProperty("glass.platform"));
        if (problem != null) {
            throw new IllegalStateException(problem);
        }
        List<String> argList = new java.util.ArrayList<>();
        if (viewOrNull != null) {
            argList.add("--view=" + viewOrNull);
        }
        if (projectOrNull != null) {
            argList.add(projectOrNull.toString());
        }
        String[] args = argList.toArray(String[]::new);
        try {
            Application.launch(EventLensApp.class, args);
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            throw new IllegalStateException("cannot open a window (" + e.getMessage() + "); on Linux JavaFX needs "
                    + "GTK 3 (apt-get install libgtk-3-0) and a display", e);
        }
    }

    @Override
    public void start(Stage stage) {
        AppLog.install(UserFolders.logFile());
        work = new FxBackgroundWork();
        model = new MainViewModel(work, LogImporter.standard(),
                RecentProjects.storedIn(UserFolders.data().resolve("recent-projects.txt")));
        window = new MainWindow(model, stage::close);
        stage.setScene(scene(window));
        stage.titleProperty().bind(model.projectNameProperty().concat(" — EventLens"));
        Section first = Section.ofKey(getParameters().getNamed().getOrDefault("view", ""));
        if (first != null) {
            model.sectionProperty().set(first);
        }
        stage.show();
        placeOnScreen(stage);
        // GTK learns the window manager's decorations after mapping; size again once they are known.
        javafx.application.Platform.runLater(() -> placeOnScreen(stage));
        List<String> args = getParameters().getUnnamed();
        if (args.isEmpty()) {
            model.openTemporaryProject("Samples", () -> {
                samplesDir = Files.createTempDirectory("eventlens-samples-");
                samplesDir.toFile().deleteOnExit();
                List<Path> files = SampleLogs.extractTo(samplesDir);
                files.forEach(f -> f.toFile().deleteOnExit());
                return files;
            });
        } else {
            model.openProject(Path.of(args.get(0)));
        }
    }

    /**
     * A content area of about 80 % of the screen, at least 1024×700 where the screen allows, centred. Set
     * explicitly after showing (when the window manager's decorations are known): under a window manager
     * GTK otherwise maps the window at 200×200.
     */
    private static void placeOnScreen(Stage stage) {
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = stage.getScene();
        double decoW = Math.max(0, stage.getWidth() - scene.getWidth());
        double decoH = Math.max(0, stage.getHeight() - scene.getHeight());
        double w = Math.min(screen.getWidth(), Math.max(1024, screen.getWidth() * 0.8) + decoW);
        double h = Math.min(screen.getHeight(), Math.max(700, screen.getHeight() * 0.8) + decoH);
        stage.setMinWidth(Math.min(800, screen.getWidth()));
        stage.setMinHeight(Math.min(560, screen.getHeight()));
        stage.setWidth(w);
        stage.setHeight(h);
        stage.setX(screen.getMinX() + (screen.getWidth() - w) / 2);
        stage.setY(screen.getMinY() + (screen.getHeight() - h) / 2);
    }

    /** The scene of a main window with the application stylesheet, as tests build it too. */
    public static Scene scene(MainWindow window) {
        Scene scene = new Scene(window, 1280, 800);
        scene.getStylesheets().add(EventLensApp.class.getResource(Styles.STYLESHEET).toExternalForm());
        return scene;
    }

    @Override
    public void stop() throws IOException {
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
        if (samplesDir != null) {
            try (Stream<Path> files = Files.list(samplesDir)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(samplesDir);
        }
    }
}
