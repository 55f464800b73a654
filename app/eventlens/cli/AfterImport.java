package eventlens.cli;

import eventlens.model.flow.FlowFilter;
import eventlens.model.flow.FlowList;
import eventlens.model.schema.SchemaCatalog;
import eventlens.model.store.EventIndexes;
import eventlens.model.store.ProjectStore;
import eventlens.model.store.StoreException;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * What {@code eventlens import} does once the events are in and the project opens: builds the indexes a bulk load
 * left out (decision 0067), then brings the flow list up to date (decision 0055), then infers the schemas a big import
 * left for after (decision 0079). A failure here does not undo the
 * import: the window builds what is missing when it opens the project. Progress goes to standard error, only when
 * it is a terminal.
 */
final class AfterImport {
    /** The indexes built (0 when none was missing) and how long they took. */
    record Indexed(int built, boolean blocks, double seconds) {
    }

    /** The schemas a big import left behind (decision 0079): from how many events, and how long it took. */
    record SchemasInferred(long events, double seconds) {
    }

    /** The flow list after an import: how many flows, and how long bringing it up to date took. */
    record FlowListBuilt(long flows, double seconds) {
    }

    private final Path project;
    private final PrintWriter err;
    private final boolean terminal = System.console() != null;

    AfterImport(Path project, PrintWriter err) {
        this.project = project;
        this.err = err;
    }

    /** Builds the indexes the project lacks; null when that failed (said on standard error). */
    Indexed buildIndexes() {
        long t = System.nanoTime();
        int[] built = {0};
        boolean[] blocks = {false};
        try (ProjectStore store = ProjectStore.open(project)) {
            store.buildIndexes((done, total, next) -> {
                built[0] = done;
                blocks[0] |= EventIndexes.BLOCKS_LABEL.equals(next);
                if (next != null) {
                    show(String.format("indexing %s (%d of %d)…", next, done + 1, total));
                }
            }, () -> false);
            return new Indexed(built[0] - (blocks[0] ? 1 : 0), blocks[0], (System.nanoTime() - t) / 1e9);
        } catch (StoreException e) {
            err.println("eventlens: the project's indexes were not built (" + e.getMessage()
                    + "); queries scan until the window builds them");
            return null;
        } finally {
            clear();
        }
    }

    /**
     * Brings the project's flow list up to date, so that the Flows view opens on it at once instead of building it
     * then (a minute on ten million events in the window); null when that failed (said on standard error).
     */
    FlowListBuilt buildFlowList() {
        show("building the flow list…");
        long t = System.nanoTime();
        try (ProjectStore store = ProjectStore.open(project); FlowList list = new FlowList(store)) {
            list.refresh();
            return new FlowListBuilt(list.count(FlowFilter.ALL), (System.nanoTime() - t) / 1e9);
        } catch (StoreException e) {
            err.println("eventlens: the flow list was not brought up to date (" + e.getMessage()
                    + "); the Flows view builds it when first shown");
            return null;
        } finally {
            clear();
        }
    }

    /**
     * Infers the schemas of the events an import did not infer them for (a big one leaves them for after, decision
     * 0079); null when there were none, or when that failed (said on standard error: the Schemas view infers them).
     */
    SchemasInferred inferSchemas() {
        long t = System.nanoTime();
        try (ProjectStore store = ProjectStore.open(project)) {
            long events = SchemaCatalog.uncovered(store);
            if (events == 0) {
                return null;
            }
            SchemaCatalog.schemas(store, (done, total) -> show(String.format("inferring schemas (%,d of %,d events)…",
                    done, total)));
            return new SchemasInferred(events, (System.nanoTime() - t) / 1e9);
        } catch (StoreException e) {
            err.println("eventlens: the schemas were not inferred (" + e.getMessage()
                    + "); the Schemas view and 'eventlens schemas' infer them when first asked");
            return null;
        } finally {
            clear();
        }
    }

    private void show(String line) {
        if (terminal) {
            err.printf("\r%-60s", line);
            err.flush();
        }
    }

    private void clear() {
        if (terminal) {
            err.printf("\r%-60s\r", "");
            err.flush();
        }
    }
}
