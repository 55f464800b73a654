package eventlens.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code eventlens gui [PROJECT] [--view VIEW] [--select ID] [--import FILE]…}: opens the window, on a project or on the bundled samples. */
@Command(name = "gui", description = "Open the window on a project (or on the bundled samples).")
final class GuiCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "PROJECT|LINK",
            description = "the project file to open (a path or a file: URI), or an eventlens://open?project=…&view=…&select=… link (View → Copy link)")
    String project;

    @Option(names = "--view", paramLabel = "VIEW",
            description = "the view to open: events, flows, aggregates, replay, deadletters or imports")
    String view;

    @Option(names = "--select", paramLabel = "ID",
            description = "select this flow (correlation id), event, aggregate or replay run (run:N) once the project "
                    + "is open; with --view deadletters, the event's dead letter; without --view the view follows from what ID is")
    String select;

    @Option(names = "--import", paramLabel = "FILE",
            description = "open the import dialog on this log once the project is open (repeatable): a preview of "
                    + "its first records, the reader and a field mapping to choose")
    java.util.List<Path> toImport = new java.util.ArrayList<>();

    /**
     * A log given where the project goes (`eventlens gui orders.jsonl`) is said before a window opens, with the
     * commands that would show it, instead of a window on no project with the failure in its status bar.
     */
    private static void refuseLog(Path file) {
        try {
            if (java.nio.file.Files.isRegularFile(file) && !eventlens.model.store.ProjectStore.looksLikeSqlite(file)) {
                throw new CommandFailure(file + " is not an EventLens project (not a SQLite file); to look at a log, "
                        + "import it first: eventlens import PROJECT " + file + " && eventlens gui PROJECT");
            }
        } catch (java.io.IOException e) {
            // unreadable: opening it says why
        }
    }

    @Override
    public Integer call() {
        Path file = null;
        if (eventlens.app.Link.looksLikeLink(project)) {
            eventlens.app.Link link;
            try {
                link = eventlens.app.Link.parse(project);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), e.getMessage());
            }
            file = link.project();
            view = view != null ? view : link.view() == null ? null : link.view().key();
            select = select != null ? select : link.select();
        } else if (project != null && project.startsWith("file:")) {
            // What a desktop passes for %u when a .eventlens file is double-clicked: file:///path%20with%20spaces.
            try {
                file = Path.of(java.net.URI.create(project));
            } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
                throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                        "not a local file: " + project + " (" + e.getMessage() + ")");
            }
        } else if (project != null) {
            file = Path.of(project);
        }
        if (view != null && eventlens.app.Section.ofKey(view) == null) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "unknown view '" + view + "': use events, flows, aggregates, replay, deadletters or imports");
        }
        if (file != null) {
            refuseLog(file);
        }
        for (Path log : toImport) {
            if (!java.nio.file.Files.isRegularFile(log)) {
                throw new CommandFailure(log + ": no such file");
            }
        }
        eventlens.app.EventLensApp.launchGui(file == null ? null : Main.existingProject(file), view,
                select, toImport.stream().map(Path::toAbsolutePath).toList());
        return 0;
    }
}
