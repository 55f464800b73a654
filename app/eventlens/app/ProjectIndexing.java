package eventlens.app;

import eventlens.app.work.BackgroundTask;
import eventlens.app.work.BackgroundWork;
import eventlens.app.work.Progress;
import eventlens.app.work.TaskContext;
import eventlens.app.work.TaskHandle;
import eventlens.model.schema.SchemaCatalog;
import eventlens.model.store.ProjectStore;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Builds the open project's missing indexes in the background (decision 0067): a project loaded in bulk opens before
 * its indexes are built, and the window builds them while the user already browses, saying how far it is in the
 * status bar. Queries that want a missing index scan meanwhile, with the same answers. Then infers the schemas a big
 * import left for after (decision 0079; the Schemas view, if shown meanwhile, waits for them). Runs on the lane of
 * work nobody clicked for; stops between two indexes, or two pages of the inference, when the project changes.
 */
final class ProjectIndexing {
    /** Events a task of the schemas' catch-up infers: about half a second on the standard machine. */
    static final long SCHEMA_SLICE = 100_000;
    private final BackgroundWork work;
    private final StatusMessage status;
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper("");
    private ProjectStore store;
    /** The task building the open project's indexes; null when none runs (or it ran at once, as in tests). */
    private TaskHandle running;
    private boolean busy;

    ProjectIndexing(BackgroundWork work, StatusMessage status) {
        this.work = work;
        this.status = status;
    }

    /** Follows the open project (null: none): what was being indexed for the previous one stops. */
    void follow(ProjectStore next) {
        if (running != null) {
            running.cancel();
            running = null;
        }
        busy = false;
        state.set("");
        store = next;
        start();
    }

    /** Builds what the project lacks, if anything and not already at it: after an import, for instance. */
    void start() {
        if (store == null || store.isReadOnly() || busy) {
            return;
        }
        busy = true;
        ProjectStore indexed = store;
        run(indexed, BackgroundTask.of(context -> {
            if (!indexed.missingIndexes().isEmpty() && !indexed.buildIndexes((built, total, next) -> {
                if (next != null) { // the status bar is cleared when all is done
                    context.progress(Progress.of(built, total, "Indexing " + next + " (" + (built + 1) + " of " + total
                            + ")…"));
                }
            }, context::cancelled)) {
                return true; // cancelled
            }
            return inferSlice(indexed, context);
        }).named("index the project"));
    }

    /**
     * Runs {@code task} on the lane aside; while it answers that schemas are left to infer, runs the next slice of them
     * as a task of its own, so that other work on that lane (a count over time) waits for a slice, not for them all.
     */
    private void run(ProjectStore indexed, BackgroundTask<Boolean> task) {
        boolean[] more = {false};
        TaskHandle handle = task
                .onProgress(progress -> {
                    if (store == indexed) {
                        state.set(progress.message());
                    }
                })
                .onSuccess(done -> more[0] = !done)
                .onFinished(() -> {
                    if (store != indexed) {
                        return;
                    }
                    if (more[0]) {
                        run(indexed, BackgroundTask.of(context -> inferSlice(indexed, context))
                                .named("infer the project's schemas"));
                    } else {
                        busy = false;
                        running = null;
                        state.set("");
                    }
                })
                .onFailure(error -> {
                    if (store == indexed) {
                        status.failure("Cannot build the project's indexes or infer its schemas (queries scan without "
                                + "the indexes; the Schemas view infers the schemas when shown)", error);
                    }
                })
                .executeAsideWith(work);
        running = busy ? handle : null;
    }

    /** Infers the schemas over the next {@link #SCHEMA_SLICE} events they do not cover; true when none are left. */
    private static boolean inferSlice(ProjectStore indexed, TaskContext context) {
        return SchemaCatalog.catchUp(indexed, SCHEMA_SLICE, new SchemaCatalog.Progress() {
            @Override
            public void events(long done, long total) {
                context.progress(Progress.of(done, total, String.format("Inferring schemas (%,d of %,d events)…",
                        done, total)));
            }

            @Override
            public boolean cancelled() {
                return context.cancelled();
            }
        }) || context.cancelled();
    }

    /** What is being indexed, for the status bar; empty when nothing is. */
    ReadOnlyStringProperty stateProperty() {
        return state.getReadOnlyProperty();
    }
}
