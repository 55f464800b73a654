package eventlens.app.flows;

import eventlens.app.work.BackgroundTask;
import eventlens.app.work.BackgroundWork;
import eventlens.app.work.TaskHandle;
import eventlens.model.flow.FlowList;
import eventlens.model.flow.FlowLoader;
import eventlens.model.flow.FlowText;
import eventlens.model.flow.shape.FlowComparison;
import eventlens.model.flow.shape.FlowShape;
import eventlens.model.flow.shape.FlowShapes;
import eventlens.model.flow.shape.FlowSteps;
import eventlens.model.flow.shape.ShapeText;
import eventlens.model.store.ProjectStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The shape of a root type in the flows view (docs/decisions/0041-flow-shapes.md): every flow of the root
 * type merged off the FX thread into a {@link FlowShape}; the flows of a variant or an edge the user picks,
 * which open in the {@link OpenFlowViewModel}; and the open flow compared with the typical one, its missed,
 * extra and slow steps listed and marked in the shape.
 */
public final class ShapeViewModel {
    private final BackgroundWork work;
    private final OpenFlowViewModel open;
    private final BooleanProperty shown = new SimpleBooleanProperty();
    private final ObservableList<String> rootTypes = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<FlowShape> shape = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper selectionTitle = new ReadOnlyStringWrapper("Pick a variant or an edge to list its flows.");
    private final ObservableList<String> selectionFlows = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<FlowComparison> comparison = new ReadOnlyObjectWrapper<>();
    private final ObservableList<String> comparisonLines = FXCollections.observableArrayList();
    private ProjectStore store;
    private long generation;
    private TaskHandle running = TaskHandle.NONE;
    private String previousFlow;

    public ShapeViewModel(BackgroundWork work, OpenFlowViewModel open) {
        this.work = work;
        this.open = open;
        shown.addListener((obs, old, now) -> {
            if (now && rootTypes.isEmpty()) {
                loadRootTypes();
            }
        });
        open.flowProperty().addListener((obs, old, now) -> {
            if (old != null && now != null && !old.title().equals(now.title())) {
                previousFlow = old.title();
            }
        });
    }

    /** Follows another project (null: none): everything shown is cleared. */
    public void setStore(ProjectStore store) {
        this.store = store;
        previousFlow = null;
        generation++;
        running.cancel();
        rootTypes.clear();
        shape.set(null);
        clearSelection();
        clearComparison();
        status.set("");
        if (shown.get()) {
            loadRootTypes();
        }
    }

    /** True while the view shows the shape in place of the flow list. */
    public BooleanProperty shownProperty() {
        return shown;
    }

    /** The root types of the project's flows, most flows first. */
    public ObservableList<String> rootTypes() {
        return rootTypes;
    }

    public ReadOnlyObjectProperty<FlowShape> shapeProperty() {
        return shape.getReadOnlyProperty();
    }

    /** What is being merged, or what the shape holds. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** What {@link #selectionFlows()} are the flows of. */
    public ReadOnlyStringProperty selectionTitleProperty() {
        return selectionTitle.getReadOnlyProperty();
    }

    /** Correlation ids of the picked variant's or edge's flows (at most ShapeBuilder.EXAMPLES). */
    public ObservableList<String> selectionFlows() {
        return selectionFlows;
    }

    public ReadOnlyObjectProperty<FlowComparison> comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }

    /** The comparison as lines: missed, extra and slow steps. */
    public ObservableList<String> comparisonLines() {
        return comparisonLines;
    }

    private void loadRootTypes() {
        ProjectStore from = store;
        if (from == null) {
            return;
        }
        long current = generation;
        BackgroundTask.of(context -> {
            try (FlowList list = new FlowList(from)) {
                return list.rootTypes();
            }
        }).named("Listing root types").onSuccess(types -> {
            if (current != generation) {
                return;
            }
            rootTypes.setAll(types.keySet());
            if (shape.get() == null && !types.isEmpty()) {
                show(preferred(types));
            }
        }).executeWith(work);
    }

    /** The root type to show first: the open flow's when it has one, else the one with most flows. */
    private String preferred(Map<String, Long> types) {
        LoadedFlow f = open.flowProperty().get();
        if (f != null && !f.graph().roots().isEmpty()) {
            String root = f.graph().node(f.graph().roots().get(0)).type();
            if (types.containsKey(root)) {
                return root;
            }
        }
        return types.keySet().iterator().next();
    }

    /** Merges the flows of a root type off the FX thread and shows the shape. */
    public void show(String rootType) {
        if (store == null || rootType == null || shape.get() != null && shape.get().rootType().equals(rootType)) {
            return;
        }
        load(rootType, null);
    }

    /** Compares the open flow with the typical flow of its root type (merging that shape first when needed). */
    public void compareOpenFlowWithTypical() {
        LoadedFlow f = open.flowProperty().get();
        if (store == null || f == null) {
            return;
        }
        FlowSteps steps = FlowSteps.of(f.graph());
        compareInShapeOf(steps.rootType(), merged -> FlowComparison.withTypical(steps, merged));
    }

    /**
     * Compares the open flow with another flow (a correlation id, or an event id whose flow is meant), in the
     * shape of the open flow's root type, which gives the p95 of each hop; the other flow is read off the FX
     * thread. An id that names nothing is said in the status line.
     */
    public void compareOpenFlowWith(String otherId) {
        LoadedFlow f = open.flowProperty().get();
        String id = otherId == null ? "" : otherId.strip();
        if (store == null || f == null || id.isEmpty()) {
            return;
        }
        FlowSteps steps = FlowSteps.of(f.graph());
        ProjectStore from = store;
        long current = ++generation;
        running.cancel();
        status.set("Reading flow " + id + "…");
        running = BackgroundTask.of(context -> new FlowLoader(from).load(id).map(FlowSteps::of))
                .named("Reading flow " + id).onSuccess(other -> {
                    if (current != generation) {
                        return;
                    }
                    if (other.isEmpty()) {
                        status.set("No flow or event has the id '" + id + "'.");
                        return;
                    }
                    compareInShapeOf(steps.rootType(), merged -> FlowComparison.withFlow(steps, other.get(), merged));
                }).onFailure(error -> {
                    if (current == generation) {
                        status.set("Cannot read flow " + id + ": " + error.getMessage());
                    }
                }).executeWith(work);
    }

    /** The flow opened before the open one (what "Compare with another flow" offers first), or null. */
    public String previousFlow() {
        return previousFlow;
    }

    private void compareInShapeOf(String rootType, Function<FlowShape, FlowComparison> comparing) {
        shown.set(true);
        FlowShape current = shape.get();
        if (current != null && current.rootType().equals(rootType)) {
            showComparison(comparing.apply(current));
        } else {
            load(rootType, comparing);
        }
    }

    private void load(String rootType, Function<FlowShape, FlowComparison> compare) {
        long current = ++generation;
        running.cancel();
        ProjectStore from = store;
        status.set("Merging the flows of " + rootType + "…");
        long started = System.nanoTime();
        running = BackgroundTask.of(context -> {
            try (FlowList list = new FlowList(from)) {
                return new FlowShapes(list).of(rootType, context::cancelled);
            }
        }).named("Merging the flows of " + rootType).onSuccess(merged -> {
            if (current != generation) {
                return;
            }
            shape.set(merged);
            clearSelection();
            clearComparison();
            status.set(summary(merged, (System.nanoTime() - started) / 1000));
            if (compare != null) {
                showComparison(compare.apply(merged));
            }
        }).onFailure(error -> {
            if (current == generation) {
                status.set("Cannot merge the flows of " + rootType + ": " + error.getMessage());
            }
        }).executeWith(work);
    }

    private static String summary(FlowShape s, long micros) {
        return s.flows() + (s.flows() == 1 ? " flow, " : " flows, ") + s.variants().size() + " variants, "
                + s.steps().size() + " steps (merged in " + FlowText.duration(micros) + ")";
    }

    /** Lists the flows of a variant. */
    public void selectVariant(FlowShape.Variant v) {
        if (v == null) {
            return;
        }
        select("Variant #" + v.rank() + " · " + ShapeText.percent(v.share()), v.flows(), v.examples());
    }

    /** Lists the flows that take an edge. */
    public void selectEdge(FlowShape.Edge e) {
        if (e == null) {
            return;
        }
        select(e.from() + " → " + e.to(), e.flows(), e.examples());
    }

    private void select(String what, long flows, List<String> examples) {
        selectionTitle.set(what + ": " + flows + (flows == 1 ? " flow" : " flows")
                + (examples.size() < flows ? " (the first " + examples.size() + " listed)" : ""));
        selectionFlows.setAll(examples);
    }

    /** Opens one of the listed flows below. */
    public void openFlow(String correlationId) {
        if (correlationId != null) {
            open.open(correlationId);
        }
    }

    private void clearSelection() {
        selectionTitle.set("Pick a variant or an edge to list its flows.");
        selectionFlows.clear();
    }

    /** Drops the comparison. */
    public void clearComparison() {
        comparison.set(null);
        comparisonLines.clear();
    }

    private void showComparison(FlowComparison c) {
        comparison.set(c);
        List<String> lines = new ArrayList<>();
        lines.add("Flow " + c.flow().correlationId() + (c.variant() == null ? "" : " · variant #" + c.variant().rank())
                + " vs " + (c.reference().equals(FlowComparison.TYPICAL) ? "typical"
                        + (c.typical() == null ? "" : " (#1, " + ShapeText.percent(c.typical().share()) + ")")
                        : "flow " + c.reference()));
        if (c.same()) {
            lines.add("Same steps as the typical flow; no hop slower than p95.");
        }
        c.missed().forEach(m -> lines.add("Missed: " + m.type() + " (reached by " + ShapeText.percent(m.reach()) + ")"));
        c.extra().forEach(x -> lines.add("Extra: " + x.type() + " (reached by " + ShapeText.percent(x.reach()) + ")"));
        c.slow().forEach(s -> lines.add("Slower than p95: " + s.hop().from() + " → " + s.hop().to() + " "
                + FlowText.duration(s.hop().latencyMicros()) + " (p95 " + FlowText.duration(s.p95Micros())
                + (s.referenceMicros() == null ? "" : ", typical " + FlowText.duration(s.referenceMicros())) + ")"));
        comparisonLines.setAll(lines);
    }

}
