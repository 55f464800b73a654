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
    public static void launchGui(Path projectOrNull) {
        String problem = DisplayCheck.problem(System.getenv(), System.getProperty("os.name", ""),
                System.getProperty("glass.platform"));
        if (problem != null) {
            throw new IllegalStateException(problem);
        }
        String[] args = projectOrNull == null ? new String[0] : new String[] {projectOrNull.toString()};
        try {
            Application.launch(EventLensApp.class, args);
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            throw new IllegalStateException("cannot open a window (" + e.getMessage() + "); on Linux JavaFX needs "
                    + "GTK 3 (apt-get install libgtk-3-0) and a display", e);
        }
    }

    @Override
    public void start(Stage stage) {
        work = new FxBackgroundWork();
        model = new MainViewModel(work, LogImporter.standard());
        window = new MainWindow(model, stage::close);
        stage.setScene(scene(window));
        stage.titleProperty().bind(model.projectNameProperty().concat(" — EventLens"));
        stage.show();
        List<String> args = getParameters().getRaw();
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

    /** The scene of a main window with the application stylesheet, as tests build it too. */
    public static Scene scene(MainWindow window) {
        Scene scene = new Scene(window, 1280, 800);
        scene.getStylesheets().add(EventLensApp.class.getResource(Styles.STYLESHEET).toExternalForm());
        return scene;
    }

    @Override
    public void stop() throws IOException {
        window.dispose();
        model.close();
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
