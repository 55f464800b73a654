package eventlens.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code eventlens gui [PROJECT]}: opens the window, on a project or on the bundled samples. */
@Command(name = "gui", description = "Open the window on a project (or on the bundled samples).")
final class GuiCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "PROJECT", description = "the project file to open")
    Path project;

    @Override
    public Integer call() {
        eventlens.app.EventLensApp.launchGui(project == null ? null : Main.existingProject(project));
        return 0;
    }
}
