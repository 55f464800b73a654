package eventlens.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code eventlens gui [PROJECT|LOG] [--view VIEW] [--select ID] [--import FILE]…}: opens the window, on a project, on a
 * temporary project of one log, or on the bundled samples.
 */
@Command(name = "gui", description = "Open the window on a project, on a log (imported into a temporary project), "
        + "or on the bundled samples.")
final class GuiCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "PROJECT|LOG|LINK",
            description = "the project file to open (a path or a file: URI); a log, imported into a temporary project "
                    + "deleted when the window closes; or an eventlens://open?project=…&view=…&select=… link (View → Copy link)")
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
     * Whether {@code file}, given where the project goes, is a log rather than a project: a readable file that is
     * not SQLite (`eventlens gui orders.jsonl`), or a folder of logs, as `eventlens import` takes one. The window then
     * opens a temporary project with it imported, as it does for a log dropped on it (decision 0076); a file that
     * cannot be read is opened as a project, which says why.
     */
    static boolean isLog(Path file) {
        try {
            // An empty file looks like SQLite to the store (a new project): not a log.
            return java.nio.file.Files.isDirectory(file) || java.nio.file.Files.isRegularFile(file)
                    && !eventlens.model.store.ProjectStore.looksLikeSqlite(file);
        } catch (java.io.IOException e) {
            return false;
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
        List<Path> logs = List.of();
        if (file != null && isLog(file)) {
            logs = List.of(file.toAbsolutePath());
            file = null;
        }
        for (Path log : toImport) {
            if (!java.nio.file.Files.isRegularFile(log)) {
                throw new CommandFailure(log + ": no such file");
            }
        }
        eventlens.app.EventLensApp.launchGui(file == null ? null : Main.existingProject(file), view,
                select, toImport.stream().map(Path::toAbsolutePath).toList(), logs);
        return 0;
    }
}
