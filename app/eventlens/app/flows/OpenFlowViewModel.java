package eventlens.app.flows;

import eventlens.app.events.EventDetailViewModel;
import eventlens.app.work.BackgroundTask;
import eventlens.app.work.BackgroundWork;
import eventlens.app.work.TaskHandle;
import eventlens.model.Event;
import eventlens.model.flow.CausalGraph;
import eventlens.model.flow.FlowLoader;
import eventlens.model.flow.FlowNode;
import eventlens.model.flow.FlowText;
import eventlens.model.flow.LinkKind;
import eventlens.model.store.ProjectStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * The flow being shown in the flows view (loaded off the FX thread): its graph, layout and timeline, the
 * one selected event that the tree, graph and timeline all follow and the detail pane shows, a replay run's
 * branch, the exports, and the way over to the events view. The list of flows is {@link FlowListViewModel}.
 */
public final class OpenFlowViewModel implements AutoCloseable {
    /** Above this many view nodes (after collapsing) the graph is not drawn: the tree still works. */
    public static final int NODE_BUDGET = 2_000;

    private final BackgroundWork work;
    private final EventDetailViewModel detail;
    private final ReadOnlyObjectWrapper<LoadedFlow> flow = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper selectedNode = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyStringWrapper flowSummary = new ReadOnlyStringWrapper("Select a flow.");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final BooleanProperty showReplay = new SimpleBooleanProperty(true);
    private final ReadOnlyStringWrapper replayLabel = new ReadOnlyStringWrapper("");
    private ReplayBranch replayRun = ReplayBranch.NONE;
    private FlowLoader loader;
    private long flowGeneration;
    private TaskHandle loading = TaskHandle.NONE;
    private Consumer<String> showInEvents = filter -> {
    };

    public OpenFlowViewModel(BackgroundWork work, EventDetailViewModel detail) {
        this.work = work;
        this.detail = detail;
        showReplay.addListener((obs, old, now) -> reloadFlow());
    }

    /**
     * The events a replay run published (null or empty: none), shown as a distinct branch of their
     * flows while {@link #showReplayProperty()} is on.
     */
    public void setReplayRun(long runId, List<Event> published) {
        replayRun = published == null || published.isEmpty() ? ReplayBranch.NONE : ReplayBranch.of(runId, published);
        replayLabel.set(replayRun == ReplayBranch.NONE ? "" : "Show replay run #" + runId);
        // Only when the shown flow gains or loses a branch: loading a 100,000-event flow again after every
        // run cost a second of work and a long frame for a flow the run did not touch.
        LoadedFlow f = flow.get();
        if (f != null && (f.replayRun() != 0 || showReplay.get() && replayRun.countFor(f.title()) > 0)) {
            reloadFlow();
        }
    }

    /** Loads the shown flow again (the replay branch changed), keeping the selected event. */
    private void reloadFlow() {
        LoadedFlow f = flow.get();
        if (f != null) {
            load(f.title(), selected().map(FlowNode::id).orElse(null));
        }
    }

    /** Shows another project (null: none): no flow is shown. */
    public void setStore(ProjectStore store) {
        loading.cancel();
        flowGeneration++;
        loader = store == null ? null : new FlowLoader(store);
        showFlow(null);
    }

    /** Where "Show in events" goes: MainViewModel switches to the events view with this filter. */
    public void setShowInEvents(Consumer<String> action) {
        this.showInEvents = action;
    }

    /** Shows the flow of one event with that event selected ("Show flow" from the events view). */
    public void showFlowOf(String eventId) {
        // An event the replay run published is not in the project: its flow is its correlation's, with the branch.
        String flowOfPublished = showReplay.get() ? replayRun.published(eventId).map(Event::correlationId).orElse(null) : null;
        load(flowOfPublished, eventId);
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
            if (eventId != null) {
                loaded.flatMap(f -> f.graph().node(eventId)).ifPresent(n -> select(n.index()));
            }
        }).onFailure(error -> {
            if (current == flowGeneration) {
                message.set("Cannot load the flow: " + error.getMessage());
            }
        }).executeWith(work);
    }

    private void showFlow(LoadedFlow next) {
        selectedNode.set(-1);
        detail.show(null);
        flow.set(next);
        flowSummary.set(next == null ? "Select a flow." : summaryOf(next));
    }

    private static String summaryOf(LoadedFlow next) {
        var s = next.graph().stats();
        return next.title() + " · " + s.events() + (s.events() == 1 ? " event" : " events")
                + " · " + FlowText.duration(s.duration().toNanos() / 1_000) + " · depth " + s.maxDepth()
                + " · " + s.anomalies() + " anomalies · " + s.failures() + " failed"
                + (s.truncated() ? " · truncated" : "")
                + joined(next.graph())
                + (next.replayed().isEmpty() ? "" : " · " + next.replayed().size() + " from replay run #" + next.replayRun());
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
        if (index >= 0 && f.isReplay(index)) {
            detail.showPublished(f.shown(index), f.replayRun());
        } else {
            detail.show(index < 0 ? null : f.shown(index));
        }
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

    @Override
    public void close() {
        loading.cancel();
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
