package eventlens.app.probe;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eventlens.model.Json;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.robot.Robot;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * The app looking at itself in a real window, for the real-window check (docs/decisions/0017): enabled by
 * {@code -Deventlens.probe=REPORT.json}. Once the project is open and the view has settled it records the
 * window's size, counts pulses, layout passes and rendered frames over {@link #IDLE_MILLIS} of doing
 * nothing, with the process's CPU time, then resizes the window's content to each of
 * {@code -Deventlens.probe.sizes} (default 1024x700,1920x1080) and lists the nodes that stick out of it;
 * a screenshot of the screen is written next to the report at each step. Then the app quits.
 * The probe's own thread sleeps between looks: an FX animation would itself cause the pulses it counts.
 */
public final class WindowProbe {
    public static final String PROPERTY = "eventlens.probe";
    static final long IDLE_MILLIS = 2_000;
    static final int IDLE_TRIES = 3;
    /** A view has settled when this long passes without a layout pass or a rendered frame. */
    static final long QUIET_MILLIS = 1_000;
    static final long SETTLE_LIMIT_MILLIS = 5_000;
    /** After a resize the view has already settled once; a view that never does is reported anyway. */
    static final long RESIZE_SETTLE_LIMIT_MILLIS = 3_000;
    static final long READY_LIMIT_MILLIS = 60_000;

    private final Stage stage;
    private final BooleanSupplier ready;
    private final String view;
    private final Path report;
    private final List<String> sizes;
    private SceneActivity activity;

    private WindowProbe(Stage stage, BooleanSupplier ready, String view, Path report, List<String> sizes) {
        this.stage = stage;
        this.ready = ready;
        this.view = view;
        this.report = report;
        this.sizes = sizes;
    }

    /** Starts the probe when the system property asks for it; {@code ready} is read on the FX thread. */
    public static void startIfAsked(Stage stage, BooleanSupplier ready, String view) {
        String file = System.getProperty(PROPERTY);
        if (file == null || file.isBlank()) {
            return;
        }
        List<String> sizes = List.of(System.getProperty(PROPERTY + ".sizes", "1024x700,1920x1080").split(","));
        WindowProbe probe = new WindowProbe(stage, ready, view, Path.of(file), sizes);
        probe.activity = new SceneActivity(stage.getScene());
        Thread thread = new Thread(probe::run, "window-probe");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        ObjectNode out = Json.mapper().createObjectNode();
        out.put("view", view);
        try {
            long start = System.nanoTime();
            while (!fx(ready::getAsBoolean)) {
                if (millisSince(start) > READY_LIMIT_MILLIS) {
                    throw new IllegalStateException("the project did not open within " + READY_LIMIT_MILLIS + " ms");
                }
                Thread.sleep(100);
            }
            out.put("readyMillis", millisSince(start));
            out.put("settledMillis", settle(SETTLE_LIMIT_MILLIS));
            fx(() -> {
                Rectangle2D screen = Screen.getPrimary().getBounds();
                out.put("title", stage.getTitle());
                out.putObject("screen").put("width", screen.getWidth()).put("height", screen.getHeight());
                out.putObject("window").put("x", stage.getX()).put("y", stage.getY())
                        .put("width", stage.getWidth()).put("height", stage.getHeight());
                out.putObject("scene").put("width", stage.getScene().getWidth())
                        .put("height", stage.getScene().getHeight());
                return null;
            });
            out.set("idle", idle());
            ArrayNode steps = out.putArray("steps");
            steps.add(look("open"));
            for (String size : sizes) {
                String[] wh = size.trim().split("x");
                double w = Double.parseDouble(wh[0]);
                double h = Double.parseDouble(wh[1]);
                if (fx(() -> stage.getScene().getWidth() == w && stage.getScene().getHeight() == h)) {
                    steps.add(((ObjectNode) steps.get(0).deepCopy()).put("name", size.trim()));
                    continue;
                }
                fx(() -> {
                    Scene scene = stage.getScene();
                    double decoW = stage.getWidth() - scene.getWidth();
                    double decoH = stage.getHeight() - scene.getHeight();
                    stage.setX(0);
                    stage.setY(0);
                    stage.setWidth(w + decoW);
                    stage.setHeight(h + decoH);
                    return null;
                });
                settle(RESIZE_SETTLE_LIMIT_MILLIS);
                steps.add(look(size.trim()));
            }
        } catch (Exception | AssertionError e) {
            out.put("error", e.toString());
        }
        try {
            Files.createDirectories(report.toAbsolutePath().getParent());
            Files.writeString(report, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(out));
        } catch (IOException e) {
            System.err.println("eventlens: the window probe cannot write " + report + ": " + e.getMessage());
        }
        System.err.println("probe: report written " + java.time.Instant.now());
        Platform.exit();
    }

    /** Waits until nothing is laid out or rendered for {@link #QUIET_MILLIS}; returns how long that took. */
    private long settle(long limit) throws InterruptedException {
        long start = System.nanoTime();
        activity.take();
        long quietSince = System.nanoTime();
        while (millisSince(quietSince) < QUIET_MILLIS && millisSince(start) < limit) {
            Thread.sleep(100);
            if (!activity.take().quiet()) {
                quietSince = System.nanoTime();
            }
        }
        return millisSince(start);
    }

    /**
     * What the window does in {@link #IDLE_MILLIS} of nobody touching it. A late page arriving on a loaded
     * machine may still lay out once after {@link #settle}, and the JIT may still be compiling, so up to
     * {@link #IDLE_TRIES} windows are measured and the first quiet one (no layout, no frame, CPU under
     * {@code -Deventlens.probe.cpu}, default 10 %) is reported; a view that keeps working is never quiet.
     */
    private ObjectNode idle() throws Exception {
        double cpuLimit = Double.parseDouble(System.getProperty(PROPERTY + ".cpu", "10"));
        ObjectNode idle = null;
        for (int attempt = 1; attempt <= IDLE_TRIES; attempt++) {
            idle = idleOnce();
            idle.put("attempt", attempt);
            boolean quiet = idle.get("layoutPasses").asInt() == 0 && idle.get("frames").asInt() == 0
                    && idle.get("cpuPercent").asDouble() < cpuLimit;
            // A straggler lays out once or twice; a loop does it every frame and is not worth waiting for.
            boolean looping = idle.get("layoutPasses").asInt() > 2 || idle.get("frames").asInt() > 4;
            if (quiet || looping) {
                break;
            }
        }
        ArrayNode animations = idle.putArray("animations");
        fx(RunningAnimations::now).forEach(animations::add);
        return idle;
    }

    private ObjectNode idleOnce() throws InterruptedException {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        activity.take();
        long cpu = os.getProcessCpuTime();
        long start = System.nanoTime();
        Thread.sleep(IDLE_MILLIS);
        long wall = System.nanoTime() - start;
        long used = os.getProcessCpuTime() - cpu;
        SceneActivity.Counts counts = activity.take();
        ObjectNode idle = Json.mapper().createObjectNode();
        idle.put("millis", wall / 1_000_000);
        idle.put("pulses", counts.pulses());
        idle.put("layoutPasses", counts.layouts());
        idle.put("frames", counts.frames());
        idle.put("cpuPercent", Math.round(1000.0 * used / wall) / 10.0);
        return idle;
    }

    /** The content's size, what sticks out of it, and a screenshot, as the window is now. */
    private ObjectNode look(String name) throws Exception {
        ObjectNode step = Json.mapper().createObjectNode();
        step.put("name", name);
        int[][] pixels = new int[1][];
        int[] size = new int[2];
        fx(() -> {
            Scene scene = stage.getScene();
            step.put("sceneWidth", scene.getWidth()).put("sceneHeight", scene.getHeight());
            ArrayNode offenders = step.putArray("offenders");
            SceneOverflow.of(scene, 20).forEach(o -> offenders.add(o.toString()));
            if (!offenders.isEmpty()) {
                ArrayNode why = step.putArray("widestMinimum");
                SceneOverflow.widestMinimum(scene).forEach(why::add);
            }
            Rectangle2D screen = Screen.getPrimary().getBounds();
            // The screen as users see it, decorations and all; a window larger than the screen is
            // shown whole from its scene instead.
            boolean fits = screen.contains(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
            WritableImage shot = fits ? new Robot().getScreenCapture(null, screen) : scene.snapshot(null);
            size[0] = (int) shot.getWidth();
            size[1] = (int) shot.getHeight();
            pixels[0] = new int[size[0] * size[1]];
            shot.getPixelReader().getPixels(0, 0, size[0], size[1], PixelFormat.getIntArgbInstance(), pixels[0], 0,
                    size[0]);
            return null;
        });
        // Named after the report (flows.json → flows-open.png), so that two runs of one view keep both.
        String base = report.getFileName().toString().replaceFirst("\\.json$", "");
        Path png = report.toAbsolutePath().resolveSibling(base + "-" + name + ".png");
        BufferedImage image = new BufferedImage(size[0], size[1], BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, size[0], size[1], pixels[0], 0, size[0]);
        ImageIO.write(image, "png", png.toFile());
        step.put("screenshot", png.toString());
        return step;
    }

    private static <T> T fx(Callable<T> action) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(action.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(10, TimeUnit.SECONDS);
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
