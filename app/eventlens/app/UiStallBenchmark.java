package eventlens.app;

import eventlens.app.imports.LogImporter;
import eventlens.app.work.FxBackgroundWork;
import eventlens.app.work.FxStallWatch;
import eventlens.app.work.GcPauseWatch;
import eventlens.model.sample.SampleLog;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * {@code eventlens benchmark ui}: the real window, driven through its view models while a
 * {@link FxStallWatch} measures the worst FX-thread stall of each step: importing a log, opening a very
 * large flow, replaying the log to its end. Needs a display; prints a markdown table.
 */
public final class UiStallBenchmark extends Application {
    private static final long TIMEOUT_MS = 600_000;
    private static final String SCRIPT = "on('order.*', (event, ctx) => { });\n";
    private MainViewModel model;
    private MainWindow window;
    private FxBackgroundWork work;
    /** Pauses stop the FX thread too; the ping watch sees them only by chance (see {@link GcPauseWatch}). */
    private final GcPauseWatch pauses = new GcPauseWatch();
    /** The table's head, for both kinds of run. */
    static final String HEADER = "| step | took | worst FX stall | worst GC pause | stalls or pauses > 100 ms | pings |\n"
            + "|---|---|---|---|---|---|";

    /** Runs the benchmark in a window and returns when it is done. */
    public static void launch(int events, int flowEvents) {
        DisplayCheck.requireWindow();
        Application.launch(UiStallBenchmark.class, "--events=" + events, "--flow-events=" + flowEvents);
    }

    /** Browses an existing (large) project in a window instead: see {@link ProjectBrowsing}. */
    public static void launch(Path project, boolean readOnly, boolean eventsOnly) {
        DisplayCheck.requireWindow();
        Application.launch(UiStallBenchmark.class, "--project=" + project.toAbsolutePath(), "--read-only=" + readOnly,
                "--events-only=" + eventsOnly);
    }

    @Override
    public void start(Stage stage) {
        ClassWarmUp.start(); // as EventLensApp does
        work = new FxBackgroundWork();
        model = new MainViewModel(work, LogImporter.standard());
        window = new MainWindow(model, stage::close);
        stage.setScene(EventLensApp.scene(window));
        stage.setTitle("EventLens — UI stall benchmark");
        long shown = System.nanoTime(); // the first frame's time includes what is made before showing
        window.beforeShowing(); // as EventLensApp does
        stage.show();
        window.warmUp();
        // The window's start is a step too: its first frame, then the views' warm-up, watched once that frame is on
        // the screen. The first frame is painted by the render thread while the FX thread goes on; the second pulse
        // waits for that painting to end (120-135 ms in Xvfb's software pipeline), so the first frame is on the screen
        // by the third pulse's start (decision 0081: watched from the second, the wait counted as a stall).
        java.util.concurrent.CompletableFuture<FxStallWatch> startWatch = new java.util.concurrent.CompletableFuture<>();
        long[] firstFrame = new long[1];
        eventlens.app.base.AfterFrames.run(3, () -> {
            firstFrame[0] = System.nanoTime() - shown;
            pauses.reset();
            startWatch.complete(new FxStallWatch(Platform::runLater));
        });
        int events = Integer.parseInt(getParameters().getNamed().getOrDefault("events", "200000"));
        int flowEvents = Integer.parseInt(getParameters().getNamed().getOrDefault("flow-events", "100000"));
        String project = getParameters().getNamed().get("project");
        Thread driver = new Thread(() -> {
            try {
                String start = startRow(startWatch.get(), shown, firstFrame);
                if (project != null) {
                    Map<String, String> named = getParameters().getNamed();
                    new ProjectBrowsing(model, window, this::step, Boolean.parseBoolean(named.get("read-only")),
                            Boolean.parseBoolean(named.get("events-only"))).run(Path.of(project), start, System.out);
                } else {
                    run(events, flowEvents, start, System.out);
                }
            } catch (Exception | AssertionError e) {
                System.err.println("benchmark ui: " + e);
                e.printStackTrace();
            } finally {
                Platform.runLater(stage::close);
            }
        }, "benchmark ui");
        driver.setDaemon(true);
        driver.start();
    }

    /**
     * Waits for the window's warm-up to end (decision 0074) and gives the row of that first step: how long the first
     * frame took from the showing until it was painted (the window's content appearing), then the worst stall from
     * then on, while the hidden views are styled and laid out; no project is open yet.
     */
    private String startRow(FxStallWatch watch, long shown, long[] firstFrame) throws Exception {
        try (watch) {
            await(() -> onFx(() -> !window.warmingUp()));
            Thread.sleep(1_000);
            if (Boolean.getBoolean("eventlens.bench.culprits")) {
                System.err.println("the window's start: FX thread busy in " + watch.topCulprits(6));
            }
            return String.format("| the window's start: its first frame in %.1f s, then its hidden views warmed up "
                    + "(decision 0074) | %.1f s | %.0f ms | %d ms | %d | %d |", firstFrame[0] / 1e9,
                    (System.nanoTime() - shown) / 1e9 - 1, watch.worstMillis(), pauses.worstMillis(),
                    watch.stallsOver100ms() + pauses.over100ms(), watch.pings());
        }
    }

    private void run(int events, int flowEvents, String startRow, PrintStream out) throws Exception {
        Path dir = Files.createTempDirectory("eventlens-ui-bench-");
        Path log = dir.resolve("orders.jsonl");
        try (Writer w = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            new SampleLog(1).write(w, events);
        }
        Path flow = writeBigFlow(dir.resolve("big-flow.jsonl"), flowEvents);
        out.printf("EventLens UI stall benchmark: %d cores, java %s, real toolkit (%s)%n%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                System.getProperty("glass.platform", "default Glass"));
        out.println(HEADER);
        out.println(startRow);
        try (FxStallWatch watch = new FxStallWatch(Platform::runLater)) {
            onFx(() -> {
                model.openProject(dir.resolve("bench.eventlens"));
                return null;
            });
            await(() -> onFx(() -> model.hasProjectProperty().get() && !model.busyProperty().get()));

            step(out, watch, "import " + String.format("%,d", events) + " lines (events view open)", () -> {
                model.importFiles(List.of(log));
            }, () -> !model.busyProperty().get() && model.eventCountProperty().get() > 0);

            step(out, watch, "import a " + String.format("%,d", flowEvents) + "-event flow", () -> {
                model.importFiles(List.of(flow));
            }, () -> !model.busyProperty().get());

            step(out, watch, "switch to the Flows view (its first showing: CSS, layout, the flow list)",
                    () -> model.sectionProperty().set(Section.FLOWS), () -> model.flowList().rowsProperty().get() != null
                            && !model.flowList().rowsProperty().get().isEmpty());

            step(out, watch, "open the " + String.format("%,d", flowEvents) + "-event flow in Flows", () -> {
                model.showFlow("big-0");
            }, () -> model.openFlow().flowProperty().get() != null
                    && model.openFlow().flowProperty().get().graph().size() >= flowEvents);

            step(out, watch, "switch to the Replay view (its first showing)",
                    () -> model.sectionProperty().set(Section.REPLAY), () -> true);
            onFx(() -> {
                model.replay().script().textProperty().set(SCRIPT);
                model.replay().load();
                return null;
            });
            await(() -> onFx(() -> model.replay().loadedProperty().get() && !model.replay().busyProperty().get()));
            step(out, watch, "replay the whole log to its end (Run to end)", () -> model.replay().runToEnd(),
                    () -> !model.replay().busyProperty().get() && !model.replay().playingProperty().get()
                            && model.replay().sliceProgressProperty().get() >= model.replay().sliceSizeProperty().get());
        } finally {
            onFx(() -> {
                window.dispose();
                model.close().get();
                work.close();
                return null;
            });
            deleteFolder(dir); // about 280 MB: the log, the flow and the project
        }
    }

    private static void deleteFolder(Path dir) throws java.io.IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    void step(PrintStream out, FxStallWatch watch, String what, Runnable action, BooleanSupplier done)
            throws Exception {
        long start = System.nanoTime();
        watch.reset();
        pauses.reset();
        onFx(() -> {
            action.run();
            return null;
        });
        await(() -> onFx(done::getAsBoolean));
        Thread.sleep(1_000); // what the step queued for the next frames (tables, layout) is part of it
        out.printf("| %s | %.1f s | %.0f ms | %d ms | %d | %d |%n", what, (System.nanoTime() - start) / 1e9 - 1,
                watch.worstMillis(), pauses.worstMillis(), watch.stallsOver100ms() + pauses.over100ms(), watch.pings());
        if (Boolean.getBoolean("eventlens.bench.culprits")) {
            System.err.println(what + ": FX thread busy in " + watch.topCulprits(6));
        }
    }

    private static Path writeBigFlow(Path file, int n) throws IOException {
        Instant start = Instant.parse("2024-02-01T10:00:00Z");
        String[] sources = {"order-service", "payment-service", "inventory-service", "shipping-service"};
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < n; i++) {
                String cause = i == 0 ? "" : ",\"causationId\":\"big-" + (i - 1) / 4 + "\"";
                w.write("{\"id\":\"big-" + i + "\",\"type\":\"step." + (i % 7) + "\",\"timestamp\":\""
                        + start.plusMillis(i * 3L) + "\",\"source\":\"" + sources[i % sources.length]
                        + "\",\"data\":{\"n\":" + i + "},\"metadata\":{\"correlationId\":\"big-flow\"" + cause + "}}\n");
            }
        }
        return file;
    }

    static void await(Callable<Boolean> condition) throws Exception {
        long until = System.currentTimeMillis() + TIMEOUT_MS;
        while (!condition.call()) {
            if (System.currentTimeMillis() > until) {
                throw new IllegalStateException("timed out waiting for a step to finish");
            }
            Thread.sleep(50);
        }
    }

    static <T> T onFx(Callable<T> action) throws Exception {
        FutureTask<T> task = new FutureTask<>(action);
        Platform.runLater(task);
        return task.get();
    }
}
