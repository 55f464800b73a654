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

    @Override
    public Integer call() {
        try {
            eventlens.app.UiStallBenchmark.launch(events, flowEvents);
        } catch (IllegalStateException e) {
            throw new CommandFailure(e.getMessage(), e);
        }
        return 0;
    }
}
