package eventlens.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code eventlens gui [PROJECT] [--view VIEW] [--select ID]}: opens the window, on a project or on the bundled samples. */
@Command(name = "gui", description = "Open the window on a project (or on the bundled samples).")
final class GuiCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "PROJECT", description = "the project file to open")
    Path project;

    @Option(names = "--view", paramLabel = "VIEW",
            description = "the view to open: events, flows, aggregates, replay, deadletters or imports")
    String view;

    @Option(names = "--select", paramLabel = "ID",
            description = "select this flow (correlation id), event or aggregate once the project is open; "
                    + "without --view the view follows from what ID is")
    String select;

    @Override
    public Integer call() {
        if (view != null && eventlens.app.Section.ofKey(view) == null) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "unknown view '" + view + "': use events, flows, aggregates, replay, deadletters or imports");
        }
        eventlens.app.EventLensApp.launchGui(project == null ? null : Main.existingProject(project), view,
                select);
        return 0;
    }
}
