package eventlens.app.flows;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.app.EventLensApp;
import eventlens.app.MainViewModel;
import eventlens.app.MainWindow;
import eventlens.app.SampleLogs;
import eventlens.app.Section;
import eventlens.app.imports.LogImporter;
import eventlens.app.work.SameThreadWork;
import eventlens.model.flow.FlowNode;
import eventlens.replay.ReplayMode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The flows view headless after a replay run: the published events drawn as a distinct branch. */
@ExtendWith(ApplicationExtension.class)
class ReplayBranchViewTest {
    @TempDir
    Path dir;
    private MainViewModel model;
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        model = new MainViewModel(new SameThreadWork(), LogImporter.standard());
        window = new MainWindow(model, stage::close);
        stage.setScene(EventLensApp.scene(window));
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            window.dispose();
            model.close();
        }).get();
    }

    @Test
    void publishedEventsAreDrawnDashedAndMarkedInTheGraph(FxRobot robot) throws Exception {
        robot.interact(() -> model.openTemporaryProject("Samples",
                () -> SampleLogs.extractTo(Files.createDirectory(dir.resolve("samples")))));
        robot.interact(() -> {
            model.replay().script().openExample("order-pipeline.js");
            model.replay().modeProperty().set(ReplayMode.ROOTS);
            model.replay().load();
            model.replay().runToEnd();
        });
        robot.interact(() -> {
            model.sectionProperty().set(Section.FLOWS);
            model.flows().open(ReplayBranchTest.FLOW);
        });
        WaitForAsyncUtils.waitForFxEvents();
        FlowsView view = robot.lookup(n -> n instanceof FlowsView).queryAs(FlowsView.class);
        LoadedFlow flow = model.flows().flowProperty().get();
        FlowNode published = flow.graph().nodes().stream().filter(n -> flow.isReplay(n.index())).findFirst().orElseThrow();
        assertThat(view.graph().classOf(view.graph().drawnIdOf(published.index()))).isEqualTo("replay");
        ToggleButton toggle = robot.lookup("#flows-show-replay").queryAs(ToggleButton.class);
        assertThat(toggle.isVisible()).isTrue();
        assertThat(toggle.getText()).startsWith("Show replay run #");
        assertThat(toggle.isSelected()).isTrue();

        robot.interact(() -> model.flows().select(published.index()));
        robot.interact(() -> view.graph().drawNow());
        writePng(WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null)).get(),
                Path.of("target/screenshots/flows-replay.png"));
        writePng(WaitForAsyncUtils.asyncFx(() -> view.graph().drawing().snapshot(null, null)).get(),
                Path.of("target/screenshots/flows-replay-graph.png"));
        writePng(WaitForAsyncUtils.asyncFx(() -> view.timeline().snapshot(null, null)).get(),
                Path.of("target/screenshots/flows-replay-timeline.png"));

        robot.interact(() -> toggle.fire());
        assertThat(model.flows().flowProperty().get().replayed()).isEmpty();
    }

    private static void writePng(WritableImage image, Path file) throws Exception {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        out.setRGB(0, 0, w, h, argb, 0, w);
        Files.createDirectories(file.getParent());
        ImageIO.write(out, "png", file.toFile());
    }
}
