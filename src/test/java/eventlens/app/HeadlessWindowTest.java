package eventlens.app;

import eventlens.app.imports.LogImporter;
import eventlens.app.work.SameThreadWork;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The main window driven headless (Monocle), for the views' TestFX tests. Background work runs on the
 * same thread, so every step has finished when {@code interact} returns: no robot timing.
 */
@ExtendWith(ApplicationExtension.class)
public abstract class HeadlessWindowTest {
    static {
        ThrownAt.install();
    }

    @TempDir
    protected Path dir;
    protected MainViewModel model;
    protected MainWindow window;
    protected Stage stage;

    /** Builds the window on the stage; each test class calls it from its own {@code @Start} method (TestFX does not look for inherited ones). */
    protected void open(Stage stage) {
        this.stage = stage;
        model = new MainViewModel(new SameThreadWork(), LogImporter.standard());
        window = new MainWindow(model, stage::close);
        stage.setScene(EventLensApp.scene(window));
        window.beforeShowing(); // as EventLensApp does
        stage.show();
    }

    /** Also fails the test with what the FX thread threw while the window closed, not the next test with it. */
    @AfterEach
    protected void closeWindow() throws Throwable {
        WaitForAsyncUtils.asyncFx(() -> {
            window.dispose();
            model.close();
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.checkException();
    }

    /** Writes the window as it looks now, to be looked at. */
    protected void writePng(FxRobot robot, Path file) throws Exception {
        writePng(WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null)).get(), file);
    }

    /** Writes a snapshot as PNG (no javafx-swing: the pixels are copied into an AWT image). */
    public static void writePng(WritableImage image, Path file) throws Exception {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        out.setRGB(0, 0, w, h, argb, 0, w);
        Files.createDirectories(file.toAbsolutePath().getParent());
        ImageIO.write(out, "png", file.toFile());
    }
}
