package eventlens.app;

import eventlens.app.imports.ImportRequest;
import eventlens.app.imports.LogImporter;
import eventlens.app.work.BackgroundTask;
import eventlens.app.work.Progress;
import eventlens.importers.ImportCancelledException;
import eventlens.importers.ImportListener;
import eventlens.importers.ImportSummary;
import eventlens.model.store.ProjectStore;
import java.nio.file.Path;
import java.util.List;

/**
 * An import into the open project, run as the window's {@link LongAction} (its progress and cancel in the
 * status bar) and told in the status message: the summary, a cancellation, or the failure.
 */
final class ProjectImport {
    static final String CANCELLED = "Import cancelled — the project is unchanged";

    private final LogImporter importer;
    private final LongAction action;
    private final StatusMessage status;
    private final javafx.beans.property.ReadOnlyBooleanWrapper running = new javafx.beans.property.ReadOnlyBooleanWrapper();

    ProjectImport(LogImporter importer, LongAction action, StatusMessage status) {
        this.importer = importer;
        this.action = action;
        this.status = status;
    }

    /** Imports as {@code request} says into {@code store}; {@code imported} runs once it is done. */
    void start(ProjectStore store, ImportRequest request, Runnable imported) {
        List<Path> files = request.files();
        String what = files.size() == 1 ? files.get(0).getFileName().toString() : files.size() + " files";
        running.set(true);
        action.run("Importing " + what + "…", BackgroundTask.of(context -> importer.importFiles(store, request,
                new ImportListener() {
                    @Override
                    public void progress(long bytesDone, long bytesTotal, long records) {
                        context.progress(Progress.of(bytesDone, bytesTotal, "Importing " + what + " — "
                                + records + " records"));
                    }

                    @Override
                    public boolean cancelled() {
                        return context.cancelled();
                    }
                }))
                .onSuccess(summary -> {
                    running.set(false);
                    status.info(describe(summary));
                    imported.run();
                })
                .onCancelled(() -> {
                    running.set(false);
                    status.info(CANCELLED);
                })
                .onFailure(error -> {
                    running.set(false);
                    if (error instanceof ImportCancelledException) {
                        status.info(CANCELLED);
                    } else {
                        status.failure("Import failed", error);
                    }
                }));
    }

    /** Whether an import started here is running (on the FX thread: from its start to its outcome). */
    javafx.beans.property.ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The status line of a finished import: its counts, and where to look when some records failed. */
    static String describe(ImportSummary s) {
        StringBuilder b = new StringBuilder("Imported ").append(s.imported()).append(s.imported() == 1 ? " event" : " events");
        b.append(" · ").append(s.duplicates()).append(s.duplicates() == 1 ? " duplicate · " : " duplicates · ").append(s.skipped()).append(" skipped · ")
                .append(s.failed()).append(" failed");
        if (s.deadLetters() > 0) {
            b.append(" · ").append(s.deadLetters()).append(" dead letters");
        }
        if (s.comments() > 0) {
            b.append(" · ").append(s.comments()).append(s.comments() == 1 ? " comment line skipped" : " comment lines skipped");
        }
        if (s.warnings() > 0) {
            b.append(" · ").append(s.warnings()).append(s.warnings() == 1 ? " warning" : " warnings");
        }
        if (s.failed() > 0) {
            b.append(" — see Imports for the errors");
        } else if (s.warnings() > 0) {
            b.append(" — see Imports for the warnings");
        }
        return b.toString();
    }
}
