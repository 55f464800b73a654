package eventlens.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code eventlens benchmark ui}: the worst FX-thread stalls of the real window under load (needs a display). */
@Command(name = "ui", description = "Measure the worst stall of the window's FX thread while importing, "
        + "opening a big flow and replaying (needs a display).")
final class BenchmarkUiCommand implements Callable<Integer> {
    @Option(names = "--events", defaultValue = "200000", paramLabel = "N", description = "lines of the imported log")
    int events;

    @Option(names = "--flow-events", defaultValue = "100000", paramLabel = "N", description = "events of the big flow")
    int flowEvents;

    @Option(names = "--project", paramLabel = "PROJECT", description = "browse this project instead: open it, jump "
            + "to its last event, filter, open the Flows view and a flow, load and step a replay")
    java.nio.file.Path project;

    @Option(names = "--read-only", description = "with --project: open it read-only, so that the file is left "
            + "exactly as it is (the flow list and trace links it lacks are rebuilt in memory)")
    boolean readOnly;

    @Option(names = "--events-only", description = "with --project: only the Events view's steps (open, jump to "
            + "the last event, filter)")
    boolean eventsOnly;

    @Override
    public Integer call() {
        try {
            if (project != null) {
                if (!java.nio.file.Files.isRegularFile(project)) {
                    throw new CommandFailure("no project at " + project);
                }
                eventlens.app.UiStallBenchmark.launch(project, readOnly, eventsOnly);
            } else {
                eventlens.app.UiStallBenchmark.launch(events, flowEvents);
            }
        } catch (IllegalStateException e) {
            throw new CommandFailure(e.getMessage(), e);
        }
        return 0;
    }
}
