package eventlens.app.flows;

import eventlens.app.work.BackgroundTask;
import eventlens.app.work.BackgroundWork;
import eventlens.model.flow.FlowFilter;
import eventlens.model.flow.FlowList;
import eventlens.model.flow.FlowSort;
import eventlens.model.flow.FlowSummary;
import eventlens.model.store.ProjectStore;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * The flow list of one project, opened by the first worker that reads it and closed by a worker: the FX
 * thread never opens its connection, and never waits for a long rebuild to release it before closing
 * ({@link FlowList}'s methods hold its lock for the whole query or rebuild).
 */
final class FlowListSource {
    private final ProjectStore store;
    private FlowList list;
    private boolean closed;

    FlowListSource(ProjectStore store) {
        this.store = store;
    }

    /** Number of flows the filter selects; on a worker. */
    long count(FlowFilter filter) {
        return list().count(filter);
    }

    /** One page of flows; on a worker. */
    List<FlowSummary> page(FlowFilter filter, FlowSort sort, boolean descending, long offset, int limit) {
        return list().page(filter, sort, descending, offset, limit);
    }

    /** Row index of a flow in that order, -1 when the filter leaves it out; on a worker. */
    long indexOf(FlowFilter filter, FlowSort sort, boolean descending, String correlationId) {
        return list().indexOf(filter, sort, descending, correlationId);
    }

    private synchronized FlowList list() {
        if (closed) {
            throw new CancellationException("the flow list was closed");
        }
        if (list == null) {
            list = new FlowList(store);
        }
        return list;
    }

    /** Closes the list on a worker (after any query still running on it). */
    void closeWith(BackgroundWork work) {
        BackgroundTask.of(context -> {
            close();
            return null;
        }).executeWith(work);
    }

    private void close() {
        FlowList open;
        synchronized (this) {
            closed = true;
            open = list;
            list = null;
        }
        if (open != null) {
            open.close();
        }
    }
}
