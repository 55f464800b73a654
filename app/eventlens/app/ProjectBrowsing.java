package eventlens.app;

import eventlens.app.table.WindowedTable;
import eventlens.app.work.FxStallWatch;
import eventlens.model.Event;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;

/**
 * {@code eventlens benchmark ui --project P}: what a user does first with a big project, in the real window,
 * each step timed with the worst FX-thread stall: open it, jump to the last event, filter by type, open the
 * Flows view (its flow list), open a flow, load a replay and step it. The project is opened as it is; the
 * flow list is built on its first showing when the project has never had one. Read-only, the file is left
 * exactly as it is; events only, the run stops after the filter.
 */
final class ProjectBrowsing {
    /** One timed step: what it is, what starts it, when it is done. */
    interface Step {
        void run(PrintStream out, FxStallWatch watch, String what, Runnable action, BooleanSupplier done) throws Exception;
    }

    private static final long SETTLE_MS = 4_000;
    private static final int STEPS = 5;
    private static final String SCRIPT = "on('#', (event, ctx) => { });\n";
    private final MainViewModel model;
    private final MainWindow window;
    private final Step step;
    private final boolean readOnly;
    private final boolean eventsOnly;

    ProjectBrowsing(MainViewModel model, MainWindow window, Step step, boolean readOnly, boolean eventsOnly) {
        this.model = model;
        this.window = window;
        this.step = step;
        this.readOnly = readOnly;
        this.eventsOnly = eventsOnly;
    }

    /** Browses {@code project}, the table's first row being {@code startRow} (the window's start). */
    void run(Path project, String startRow, PrintStream out) throws Exception {
        out.printf("EventLens UI stall benchmark on %s: %d cores, java %s, real toolkit%n%n", project,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        out.println(UiStallBenchmark.HEADER);
        out.println(startRow);
        // The window's start-up (its first layout, the views' warm-up) is a step of its own, before this.
        Thread.sleep(SETTLE_MS);
        UiStallBenchmark.onFx(() -> null);
        try (FxStallWatch watch = new FxStallWatch(Platform::runLater)) {
            step.run(out, watch, "open the project (first page of the Events view)" + (readOnly ? ", read-only" : ""),
                    () -> open(project), () -> model.hasProjectProperty().get() && firstRowLoaded());
            long count = UiStallBenchmark.onFx(() -> (long) model.events().rowsProperty().get().size());
            step.run(out, watch, String.format("jump to the last of %,d events", count),
                    () -> rows().scrollTo(count - 1), () -> rowLoaded((int) count - 1));
            step.run(out, watch, "filter `type:payment.failed`", () -> {
                model.events().filterTextProperty().set("type:payment.failed");
                model.events().applyFilter();
            }, () -> model.events().matchCountProperty().get() > 0 && firstRowLoaded());
            if (eventsOnly) {
                return;
            }
            String eventId = UiStallBenchmark.onFx(() -> model.events().rowsProperty().get().get(0).id());
            step.run(out, watch, "switch to the Flows view (the flow list, built on first use unless the import built it)",
                    () -> model.sectionProperty().set(Section.FLOWS),
                    () -> model.flowList().rowsProperty().get() != null && !model.flowList().rowsProperty().get().isEmpty());
            step.run(out, watch, "open the flow of that event", () -> model.showFlow(eventId),
                    () -> model.openFlow().flowProperty().get() != null);
            // Three inputs of a user, each an event of its own: the view's first showing, a script opened in the
            // editor, the Load button.
            step.run(out, watch, "switch to the Replay view (its first showing)",
                    () -> model.sectionProperty().set(Section.REPLAY), () -> true);
            step.run(out, watch, "put a trivial script in the editor",
                    () -> model.replay().script().textProperty().set(SCRIPT), () -> true);
            step.run(out, watch, "load it (Load)", () -> model.replay().load(),
                    () -> model.replay().loadedProperty().get() && !model.replay().busyProperty().get());
            // One step at a time, each shown before the next, as a user pressing the step key does.
            for (int i = 1; i <= STEPS; i++) {
                long before = i - 1;
                step.run(out, watch, "step the replay (" + i + " of " + STEPS + ")", () -> model.replay().step(),
                        () -> !model.replay().busyProperty().get()
                                && model.replay().output().deliveredCountProperty().get() > before);
            }
        } finally {
            UiStallBenchmark.onFx(() -> {
                window.dispose();
                model.close().get();
                return null;
            });
        }
    }

    private void open(Path project) {
        if (readOnly) {
            model.openProjectReadOnly(project);
        } else {
            model.openProject(project);
        }
    }

    private WindowedTable<?> rows() {
        return (WindowedTable<?>) window.lookup("#events-rows");
    }

    private boolean firstRowLoaded() {
        return rowLoaded(0);
    }

    private boolean rowLoaded(int index) {
        List<Event> rows = model.events().rowsProperty().get();
        return rows instanceof eventlens.app.work.PagedRows<Event> paged && paged.size() > index
                && paged.peek(index) != null;
    }
}
