package eventlens.app.flows;

import eventlens.app.events.EventDetailViewModel;
import eventlens.app.work.BackgroundTask;
import eventlens.app.work.BackgroundWork;
import eventlens.app.work.PagedRows;
import eventlens.app.work.TaskHandle;
import eventlens.model.Event;
import eventlens.model.flow.CausalGraph;
import eventlens.model.flow.FlowFilter;
import eventlens.model.flow.FlowLoader;
import eventlens.model.flow.FlowNode;
import eventlens.model.flow.FlowSort;
import eventlens.model.flow.FlowSummary;
import eventlens.model.flow.FlowText;
import eventlens.model.flow.LinkKind;
import eventlens.model.store.ProjectStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The flows view's state: the paged, filtered, sorted flow list; the flow being shown (loaded off the
 * FX thread); the one selected event that the tree, graph and timeline all follow and the detail pane
 * shows; exports; and the way over to the events view.
 */
public final class FlowsViewModel implements AutoCloseable {
    /** Above this many view nodes (after collapsing) the graph is not drawn: the tree still works. */
    public static final int NODE_BUDGET = 2_000;

    private final BackgroundWork work;
    private final EventDetailViewModel detail;
    private final StringProperty filterText = new SimpleStringProperty("");
    private final BooleanProperty withAnomalies = new SimpleBooleanProperty();
    private final BooleanProperty withFailures = new SimpleBooleanProperty();
    private final ReadOnlyObjectWrapper<FlowSort> sort = new ReadOnlyObjectWrapper<>(FlowSort.START);
    private final ReadOnlyBooleanWrapper descending = new ReadOnlyBooleanWrapper();
    private final javafx.beans.property.ReadOnlyIntegerWrapper requestedRow = new javafx.beans.property.ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyObjectWrapper<ObservableList<FlowSummary>> rows =
            new ReadOnlyObjectWrapper<>(FXCollections.emptyObservableList());
    private final ReadOnlyLongWrapper pagesLoaded = new ReadOnlyLongWrapper();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<LoadedFlow> flow = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper selectedNode = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyStringWrapper flowSummary = new ReadOnlyStringWrapper("Select a flow.");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final BooleanProperty showReplay = new SimpleBooleanProperty(true);
    private final ReadOnlyStringWrapper replayLabel = new ReadOnlyStringWrapper("");
    private ReplayBranch replayRun = ReplayBranch.NONE;
    private final ReadOnlyStringWrapper emptyText = new ReadOnlyStringWrapper(FlowFilterText.NO_PROJECT);
    private FlowListSource list;
    private FlowLoader loader;
    private PagedRows<FlowSummary> paged;
    private long listGeneration;
    /** A row selected while its page was loading: shown when the page arrives. */
    private int pendingRow = -1;
    private long flowGeneration;
    private TaskHandle loading = TaskHandle.NONE;
    private Consumer<String> showInEvents = filter -> {
    };

    public FlowsViewModel(BackgroundWork work, EventDetailViewModel detail) {
        this.work = work;
        this.detail = detail;
        withAnomalies.addListener((obs, old, now) -> reload());
        withFailures.addListener((obs, old, now) -> reload());
        showReplay.addListener((obs, old, now) -> reloadFlow());
    }

    /**
     * The events a replay run published (null or empty: none), shown as a distinct branch of their
     * flows while {@link #showReplayProperty()} is on.
     */
    public void setReplayRun(long runId, List<Event> published) {
        replayRun = published == null || published.isEmpty() ? ReplayBranch.NONE : ReplayBranch.of(runId, published);
        replayLabel.set(replayRun == ReplayBranch.NONE ? "" : "Show replay run #" + runId);
        reloadFlow();
    }

    /** Loads the shown flow again (the replay branch changed), keeping the selected event. */
    private void reloadFlow() {
        LoadedFlow f = flow.get();
        if (f != null) {
            load(f.title(), selected().map(FlowNode::id).orElse(null));
        }
    }

    /** Shows another project (null: none); closes the flow list of the previous one. */
    public void setStore(ProjectStore store) {
        closeList();
        loading.cancel();
        flowGeneration++;
        list = store == null ? null : new FlowListSource(store);
        loader = store == null ? null : new FlowLoader(store);
        showFlow(null);
        reload();
    }

    /** Where "Show in events" goes: MainViewModel switches to the events view with this filter. */
    public void setShowInEvents(Consumer<String> action) {
        this.showInEvents = action;
    }

    /** Re-reads the count with the current filter and order, dropping cached pages. */
    public void reload() {
        long current = ++listGeneration;
        replaceRows(null);
        if (list == null) {
            summary.set("");
            emptyText.set(FlowFilterText.NO_PROJECT);
            return;
        }
        FlowListSource from = list;
        FlowFilter filter = filter();
        String nothing = FlowFilterText.nothingMatches(filterText.get(), withAnomalies.get(), withFailures.get());
        FlowSort order = sort.get();
        boolean desc = descending.get();
        summary.set("Counting flows…");
        emptyText.set("Counting flows…");
        BackgroundTask.of(context -> from.count(filter))
                .onSuccess(count -> {
                    if (current == listGeneration) {
                        replaceRows(new PagedRows<>((offset, limit) -> from.page(filter, order, desc, offset, limit),
                                count, work, this::pageLoaded, this::failed));
                        summary.set(count + (count == 1 ? " flow" : " flows"));
                        emptyText.set(nothing);
                        locateShownFlow();
                    }
                })
                .onFailure(error -> {
                    if (current == listGeneration) {
                        failed(error);
                    }
                })
                .executeWith(work);
    }

    /** The filter of the text and toggles: {@code type:} for the root type, anything else a correlation id. */
    FlowFilter filter() {
        return FlowFilterText.parse(filterText.get(), withAnomalies.get(), withFailures.get());
    }

    /** Sorts by a column; the same column again reverses the order. */
    public void sortBy(FlowSort column) {
        if (sort.get() == column) {
            descending.set(!descending.get());
        } else {
            sort.set(column);
            descending.set(column != FlowSort.START && column != FlowSort.CORRELATION
                    && column != FlowSort.ROOT_TYPE);
        }
        reload();
    }

    /** Sorts by a column in the given direction (the table's header clicks); reloads only on a change. */
    public void sort(FlowSort column, boolean desc) {
        if (sort.get() != column || descending.get() != desc) {
            sort.set(column);
            descending.set(desc);
            reload();
        }
    }

    /** Shows the flow of the list row at {@code index} (a row still loading is shown once its page arrives). */
    public void selectRow(int index) {
        pendingRow = -1;
        FlowSummary row = paged == null || index < 0 || index >= paged.size() ? null : paged.get(index);
        if (row == null && paged != null && index >= 0 && index < paged.size()) {
            pendingRow = index;
        }
        if (row != null && (flow.get() == null || !row.correlationId().equals(flow.get().title()))) {
            load(row.correlationId(), null);
        }
    }

    /** Shows the flow of one event with that event selected ("Show flow" from the events view). */
    public void showFlowOf(String eventId) {
        load(null, eventId);
    }

    /** Shows the flow a correlation id (or event id) names. */
    public void open(String id) {
        load(id, null);
    }

    private void load(String id, String eventId) {
        if (loader == null) {
            return;
        }
        long current = ++flowGeneration;
        loading.cancel();
        FlowLoader from = loader;
        String what = id != null ? id : eventId;
        ReplayBranch branch = showReplay.get() ? replayRun : ReplayBranch.NONE;
        message.set("Loading flow " + what + "…");
        loading = BackgroundTask.of(context -> {
            Optional<CausalGraph> graph = id != null ? from.load(id) : from.byEvent(eventId);
            return graph.map(g -> branch.apply(LoadedFlow.titleOf(g, what), g));
        }).onSuccess(loaded -> {
            if (current != flowGeneration) {
                return;
            }
            message.set(loaded.isPresent() ? "" : "No flow or event with id " + what);
            showFlow(loaded.orElse(null));
            locateShownFlow();
            if (eventId != null) {
                loaded.flatMap(f -> f.graph().node(eventId)).ifPresent(n -> select(n.index()));
            }
        }).onFailure(error -> {
            if (current == flowGeneration) {
                message.set("Cannot load the flow: " + error.getMessage());
            }
        }).executeWith(work);
    }

    /**
     * Asks the list to select the shown flow's row (shown from another view, from {@code --select}, or
     * before the list was counted), when the filter lists it and it is not the selected row already.
     */
    private void locateShownFlow() {
        LoadedFlow shown = flow.get();
        PagedRows<FlowSummary> rows = paged;
        if (shown == null || list == null || rows == null) {
            return;
        }
        FlowListSource from = list;
        FlowFilter filter = filter();
        FlowSort order = sort.get();
        boolean desc = descending.get();
        long generation = listGeneration;
        BackgroundTask.of(context -> from.indexOf(filter, order, desc, shown.title()))
                .onSuccess(index -> {
                    if (generation == listGeneration && flow.get() == shown && index >= 0 && index < Integer.MAX_VALUE) {
                        requestedRow.set(-1);
                        requestedRow.set(index.intValue());
                    }
                })
                .executeWith(work);
    }

    /** The row of the flow list to select and scroll to, set when a flow is shown by other means (-1: none). */
    public javafx.beans.property.ReadOnlyIntegerProperty requestedRowProperty() {
        return requestedRow.getReadOnlyProperty();
    }

    private void showFlow(LoadedFlow next) {
        selectedNode.set(-1);
        detail.show(null);
        flow.set(next);
        if (next == null) {
            flowSummary.set("Select a flow.");
            return;
        }
        var s = next.graph().stats();
        flowSummary.set(next.title() + " · " + s.events() + (s.events() == 1 ? " event" : " events")
                + " · " + FlowText.duration(s.duration().toNanos() / 1_000) + " · depth " + s.maxDepth()
                + " · " + s.anomalies() + " anomalies · " + s.failures() + " failed"
                + (s.truncated() ? " · truncated" : "")
                + joined(next.graph())
                + (next.replayed().isEmpty() ? "" : " · " + next.replayed().size() + " from replay run #" + next.replayRun()));
    }

    /** " · joined with 2 flows by traceparent and child workflow", or "" for one flow (decisions 0021, 0026). */
    static String joined(CausalGraph g) {
        int others = g.joinedFlows().size() - 1;
        if (others < 1) {
            return "";
        }
        String by = g.joinedBy().stream().map(LinkKind::label).collect(Collectors.joining(" and "));
        return " · joined with " + others + (others == 1 ? " flow" : " flows") + (by.isEmpty() ? "" : " by " + by)
                + (g.moreJoinedFlows() ? " (more not loaded)" : "");
    }

    /** Selects an event of the shown flow by its node index (-1: none); every view follows. */
    public void select(int node) {
        LoadedFlow f = flow.get();
        int index = f == null || node < 0 || node >= f.graph().size() ? -1 : node;
        if (index == selectedNode.get()) {
            return;
        }
        selectedNode.set(index);
        detail.show(index < 0 ? null : f.shown(index));
    }

    /** The selected event's node, if any. */
    public Optional<FlowNode> selected() {
        LoadedFlow f = flow.get();
        return f == null || selectedNode.get() < 0 ? Optional.empty() : Optional.of(f.graph().node(selectedNode.get()));
    }

    /** The events filter that shows this flow: its correlation, or the ids of an uncorrelated flow. */
    public String eventsFilter() {
        LoadedFlow f = flow.get();
        if (f == null) {
            return "";
        }
        CausalGraph g = f.graph();
        Event root = g.node(g.roots().get(0)).event();
        if (root.correlationId() != null) {
            return "corr:" + root.correlationId();
        }
        Event shown = selected().map(FlowNode::event).orElse(root);
        return "id:" + shown.id();
    }

    /** Switches to the events view filtered to this flow. */
    public void showInEvents() {
        if (flow.get() != null) {
            showInEvents.accept(eventsFilter());
        }
    }

    /** Writes the shown flow in a text format, off the FX thread. */
    public void export(FlowExport format, Path file) {
        LoadedFlow f = flow.get();
        if (f == null) {
            return;
        }
        BackgroundTask.of(context -> {
            format.write(f, file);
            return file;
        }).onSuccess(done -> message.set("Exported " + format.title() + " to " + done.getFileName()))
                .onFailure(error -> message.set("Cannot export: " + error.getMessage()))
                .executeWith(work);
    }

    /** Writes a snapshot of the graph (pixels copied on the FX thread) as PNG, off the FX thread. */
    public void exportPng(FlowExport.Pixels pixels, Path file) {
        BackgroundTask.of(context -> {
            pixels.writePng(file);
            return file;
        }).onSuccess(done -> message.set("Exported PNG to " + done.getFileName()))
                .onFailure(error -> message.set("Cannot export: " + error.getMessage()))
                .executeWith(work);
    }

    private void pageLoaded(long page) {
        pagesLoaded.set(pagesLoaded.get() + 1);
        if (pendingRow >= 0 && PagedRows.pageOf(pendingRow) == page) {
            selectRow(pendingRow);
        }
    }

    private void replaceRows(PagedRows<FlowSummary> next) {
        pendingRow = -1;
        if (paged != null) {
            paged.dispose();
        }
        paged = next;
        rows.set(next == null ? FXCollections.emptyObservableList() : next);
    }

    private void failed(Throwable error) {
        summary.set("Cannot read flows: " + error.getMessage());
        emptyText.set(summary.get());
    }

    private void closeList() {
        if (list != null) {
            list.closeWith(work);
            list = null;
        }
    }

    @Override
    public void close() {
        loading.cancel();
        replaceRows(null);
        closeList();
    }

    public StringProperty filterTextProperty() {
        return filterText;
    }

    public BooleanProperty withAnomaliesProperty() {
        return withAnomalies;
    }

    public BooleanProperty withFailuresProperty() {
        return withFailures;
    }

    public ReadOnlyObjectProperty<FlowSort> sortProperty() {
        return sort.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty descendingProperty() {
        return descending.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ObservableList<FlowSummary>> rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty pagesLoadedProperty() {
        return pagesLoaded.getReadOnlyProperty();
    }

    /** What the empty flow list says: which filter matched nothing, or why there are no flows at all. */
    public ReadOnlyStringProperty emptyTextProperty() {
        return emptyText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LoadedFlow> flowProperty() {
        return flow.getReadOnlyProperty();
    }

    /** Node index of the selected event in the shown flow's graph, -1 for none. */
    public ReadOnlyIntegerProperty selectedNodeProperty() {
        return selectedNode.getReadOnlyProperty();
    }

    /** One line about the shown flow: id, events, duration, depth, anomalies, failures. */
    public ReadOnlyStringProperty flowSummaryProperty() {
        return flowSummary.getReadOnlyProperty();
    }

    /** Loading, export and error messages. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** On: the flow shows the replay run's published events as a branch (when a run is set). */
    public BooleanProperty showReplayProperty() {
        return showReplay;
    }

    /** "Show replay run #N" while a run with published events is set, else "". */
    public ReadOnlyStringProperty replayLabelProperty() {
        return replayLabel.getReadOnlyProperty();
    }

    public EventDetailViewModel detail() {
        return detail;
    }
}
